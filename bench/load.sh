#!/usr/bin/env bash
# Load on the EE application with wrk, loopback only: note import, on-demand summarization
# (extractive, then onnx), review queue; DURATION s at CONNECTIONS connections, RUNS times each,
# with heap (after a forced GC) and PostgreSQL connections recorded after every run.
# Usage: bench/load.sh [duration=60] [connections=32] [runs=3] [scenarios=import,extractive,queue,onnx]   (about 15 min with the defaults;
# needs the Debian package wrk; ports 8080/9990 must be free). Results: ee-app/devserver/target/load/results.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "load: install wrk first (apt-get install wrk)" >&2; exit 1; }
mvn -B -q ${CLINSUM_MVN_OPTS:-} -DskipTests install -pl ee-app/devserver -am
mvn -B -q ${CLINSUM_MVN_OPTS:-} -pl ee-app/devserver exec:java \
  -Ddevserver.main=io.clinsum.ee.devserver.LoadTest -Dclinsum.load.scripts="$(pwd)/bench/load" \
  -Dexec.args="${1:-60} ${2:-32} ${3:-3} ${4:-import,extractive,queue,onnx}"
