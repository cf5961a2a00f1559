#!/usr/bin/env bash
# Builds the agent and runs it against the local engine, printing findings on stdout and
# serving metrics on 127.0.0.1:9814. Uses DOCKER_HOST when set, else /var/run/docker.sock;
# with neither answering, starts a private engine under /tmp/dockwatch-engine (needs root
# and the docker.io package) and stops it again on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q package -DskipTests

engine_pid=""
cleanup() {
  if [ -n "$engine_pid" ]; then
    kill "$engine_pid" 2>/dev/null || true
    wait "$engine_pid" 2>/dev/null || true
    ip link del dwlocal0 2>/dev/null || true
  fi
}
trap cleanup EXIT

host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
if ! DOCKER_HOST="$host" docker version >/dev/null 2>&1; then
  dir=/tmp/dockwatch-engine
  mkdir -p "$dir"
  host="unix://$dir/docker.sock"
  ip link add name dwlocal0 type bridge 2>/dev/null || true
  ip addr add 10.213.250.1/24 dev dwlocal0 2>/dev/null || true
  ip link set dwlocal0 up
  dockerd --host "$host" --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/docker.pid" --bridge dwlocal0 --iptables=false >"$dir/dockerd.log" 2>&1 &
  engine_pid=$!
  for _ in $(seq 60); do DOCKER_HOST="$host" docker version >/dev/null 2>&1 && break; sleep 0.5; done
  echo "private engine: DOCKER_HOST=$host (log: $dir/dockerd.log)" >&2
fi

state=$(mktemp -d /tmp/dockwatch-state.XXXXXX)
config="$state/dockwatch.toml"
sed -e "s#^host = \"unix:///var/run/docker.sock\"#host = \"$host\"#" \
    -e "s#^state_dir = .*#state_dir = \"$state\"#" \
    -e "s#^buffer_dir = \"/var/lib/dockwatch/buffer/\(.*\)\"#buffer_dir = \"$state/buffer/\1\"#" \
    config.example.toml >"$config"
echo "config: $config; metrics: curl -s 127.0.0.1:9814/metrics" >&2
MALLOC_ARENA_MAX=2 java -Xms8m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -jar agent/target/dockwatch.jar run --config "$config"
