#!/usr/bin/env bash
# Measures dockwatch's /metrics side by side with node_exporter on a private Docker engine with
# N idle containers (N = 10, 100, 300 by default): scrape time (median and p99 of 200 scrapes,
# plain and gzip-compressed as Prometheus asks), payload size, series count, and each process's
# resident memory and CPU use over a quiet minute with a scrape every 15 s. Prints a Markdown
# table on stdout; progress goes to stderr.
#
# Needs root (a bridge and a private dockerd), docker.io, busybox-static, python3 and the
# prometheus-node-exporter package. Build first: mvn -q -DskipTests package.
#
# dockwatch is started as `java -jar agent/target/dockwatch.jar run --config FILE`. Until that
# command serves /metrics, set DOCKWATCH_HARNESS=1 to measure the metrics service through the
# test harness instead (a surefire JVM, which carries JUnit too).
#
# Settings (environment): COUNTS, SCRAPES, WINDOW and SETTLE (seconds), BENCH_DIR, BENCH_BRIDGE,
# BENCH_SUBNET, JAVA_OPTS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
counts=${COUNTS:-"10 100 300"}
scrapes=${SCRAPES:-200}
window=${WINDOW:-60}
dir=${BENCH_DIR:-/tmp/dwbench}
bridge=${BENCH_BRIDGE:-dwb0}
subnet=${BENCH_SUBNET:-10.213.76.1/22} # room for 1,000 containers
# The JVM flags of the systemd unit, so that the figures are the ones a host will see.
unit_opts=$(sed -n '/^ExecStart=/,/-jar/p' "$root/systemd/dockwatch.service" |
  tr -d '\\\n' | sed 's/^ExecStart=[^ ]* *//; s/ *-jar .*//')
java_opts=${JAVA_OPTS:-$unit_opts}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
jar="$root/agent/target/dockwatch.jar"
sock="$dir/docker.sock"
export DOCKER_HOST="unix://$sock"

started_pids=()
made_bridge=""

log() { echo "bench: $*" >&2; }

cleanup() {
  set +e
  if [ -S "$sock" ]; then
    ids=$(docker ps -aq --filter name=dwbench- 2>/dev/null)
    [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
  fi
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null; done
  if [ -f "$dir/docker.pid" ]; then
    kill "$(cat "$dir/docker.pid")" 2>/dev/null
    for _ in $(seq 40); do [ -f "$dir/docker.pid" ] || break; sleep 0.5; done
  fi
  [ -n "$made_bridge" ] && ip link del "$bridge" 2>/dev/null
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() { # url seconds
  for _ in $(seq "$2"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  return 1
}

start_engine() {
  rm -rf "$dir/data" "$dir/exec" # a previous run's network settings would outlive its bridge
  mkdir -p "$dir"
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge
    ip addr add "$subnet" dev "$bridge"
    ip link set "$bridge" up
    made_bridge=1
  fi
  setsid dockerd --host "unix://$sock" --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/docker.pid" --bridge="$bridge" --iptables=false --ip6tables=false \
    --ip-forward=false >"$dir/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null
  if ! docker image inspect local/busybox:1 >/dev/null 2>&1; then
    image=$(mktemp -d)
    mkdir -p "$image/bin"
    cp /bin/busybox "$image/bin/"
    for c in sh sleep; do ln -sf busybox "$image/bin/$c"; done
    tar -C "$image" -c . | docker import - local/busybox:1 >/dev/null
    rm -rf "$image"
  fi
}

scale_to() { # n
  have=$(docker ps -q --filter name=dwbench- | wc -l)
  for i in $(seq $((have + 1)) "$1"); do
    docker run -d --name "dwbench-$i" --label environment=bench local/busybox:1 sleep 86400 >/dev/null
  done
}

start_node_exporter() {
  ne_port=$(free_port)
  prometheus-node-exporter --web.listen-address="127.0.0.1:$ne_port" >"$dir/node_exporter.log" 2>&1 &
  ne_pid=$!
  started_pids+=("$ne_pid")
  wait_http "http://127.0.0.1:$ne_port/metrics" 30
}

start_dockwatch() {
  if [ "${DOCKWATCH_HARNESS:-0}" = 1 ]; then
    rm -f "$dir/harness.port"
    (cd "$root" && mvn -q -o test -pl agent -Dtest=MetricsHarness \
      -Dsurefire.failIfNoSpecifiedTests=false -DargLine="$java_opts" \
      -Ddockwatch.harness.docker="unix://$sock" -Ddockwatch.harness.seconds=100000 \
      -Ddockwatch.harness.portFile="$dir/harness.port") >"$dir/dockwatch.log" 2>&1 &
    started_pids+=("$!")
    for _ in $(seq 120); do [ -s "$dir/harness.port" ] && break; sleep 1; done
    read -r dw_port dw_pid <"$dir/harness.port"
    started_pids+=("$dw_pid")
    dw_kind="dockwatch (harness)"
  else
    dw_port=$(free_port)
    cat >"$dir/dockwatch.toml" <<TOML
[agent]
state_dir = "$dir/state"
[docker]
host = "unix://$sock"
[http]
listen = "127.0.0.1:$dw_port"
[fluentd]
enabled = false
TOML
    # shellcheck disable=SC2086
    java $java_opts -jar "$jar" run --config "$dir/dockwatch.toml" >"$dir/dockwatch.log" 2>&1 &
    dw_pid=$!
    started_pids+=("$dw_pid")
    dw_kind="dockwatch"
  fi
  wait_http "http://127.0.0.1:$dw_port/metrics" 60 || {
    log "dockwatch does not serve /metrics; see $dir/dockwatch.log"
    exit 1
  }
}

# Prints one Markdown row per process: scrapes first, then a quiet window for CPU and memory.
measure() { # containers
  python3 - "$1" "$scrapes" "$window" \
    "$dw_kind" "$dw_port" "$dw_pid" "node_exporter" "$ne_port" "$ne_pid" <<'PY'
import os, statistics, subprocess, sys, time

containers, scrapes, window = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
targets = [(sys.argv[i], int(sys.argv[i + 1]), int(sys.argv[i + 2])) for i in (4, 7)]
ticks = os.sysconf("SC_CLK_TCK")

def scrape(port, gzip=False):
    # curl times the request itself, without the cost of a Python client's parsing; with gzip it
    # asks as Prometheus does and leaves the body compressed, as Prometheus's parser would get it
    extra = ["-H", "Accept-Encoding: gzip"] if gzip else []
    out = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{time_total} %{size_download}", *extra,
         f"http://127.0.0.1:{port}/metrics"], capture_output=True, text=True, check=True).stdout
    took, size = out.split()
    return float(took), int(size)

def series(port):
    body = subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/metrics"],
                          capture_output=True, text=True, check=True).stdout
    return sum(1 for l in body.splitlines() if l and not l.startswith("#"))

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks

def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

rows = {}
for name, port, pid in targets:
    row = []
    for gzip in (False, True):
        times, size = [], 0
        for _ in range(scrapes):
            took, size = scrape(port, gzip)
            times.append(took * 1000)
        times.sort()
        row += [statistics.median(times), times[int(len(times) * 0.99) - 1], size / 1024]
    rows[name] = row + [series(port)]

# The quiet window: no load but a scrape every 15 s, as Prometheus's default interval would
# bring; node_exporter does all its work at scrape time, dockwatch on its own schedule.
start = {pid: cpu_seconds(pid) for _, _, pid in targets}
peak = {pid: 0.0 for _, _, pid in targets}
began = time.monotonic()
next_scrape = began
while time.monotonic() - began < window:
    if time.monotonic() >= next_scrape:
        for _, port, _ in targets:
            scrape(port, True)
        next_scrape += 15
    for _, _, pid in targets:
        peak[pid] = max(peak[pid], rss_mib(pid))
    time.sleep(1)
elapsed = time.monotonic() - began
for name, _, pid in targets:
    cpu = (cpu_seconds(pid) - start[pid]) / elapsed * 100
    m, p99, kib, gm, gp99, gkib, count = rows[name]
    print(f"| {containers} | {name} | {m:.1f} | {p99:.1f} | {kib:.0f} | {gm:.1f} | {gp99:.1f} "
          f"| {gkib:.0f} | {count} | {peak[pid]:.0f} | {cpu:.2f} |", flush=True)
PY
}

start_engine
start_node_exporter
scale_to "$(echo "$counts" | awk '{print $1}')"
start_dockwatch
echo "| containers | exporter | scrape median (ms) | p99 (ms) | payload (KiB) | gzip scrape median (ms) | gzip p99 (ms) | gzip payload (KiB) | series | RSS peak (MiB) | CPU, quiet minute with a scrape every 15 s (% of a core) |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $counts; do
  log "scaling to $n containers"
  scale_to "$n"
  sleep "${SETTLE:-60}" # every container sampled, and the JIT past its first bursts
  measure "$n"
done
