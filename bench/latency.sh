#!/usr/bin/env bash
# Measures, on a private engine (or the one DOCKER_HOST points at), the time from `docker run -d`
# returning to the offending container's `open` finding reaching a forward-protocol peer (median
# and worst of 20), the agent's resident memory with 50 containers, and the time of a scrape.
# Prints a Markdown table. Needs root and docker.io / busybox-static, like the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -q -pl tests test -Dgroups=bench -Ddockwatch.excludedGroups=none -Dtest=FindingLatencyBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | sed -n '/^| measure/,/^$/p'
