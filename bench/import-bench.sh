#!/usr/bin/env bash
# Bulk import speed of the EE application: a 100,000-note CSV POSTed to /api/notes/import on a
# local WildFly + PostgreSQL, against PostgreSQL's own COPY of the same file side by side.
# Usage: bench/import-bench.sh [rows] [runs]   (ports 8080/9990 must be free)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-100000}"
runs="${2:-2}"
mvn -B -q ${CLINSUM_MVN_OPTS:-} -DskipTests install -pl ee-app/devserver -am
mvn -B -q ${CLINSUM_MVN_OPTS:-} -pl ee-app/devserver exec:java \
  -Ddevserver.main=io.clinsum.ee.devserver.ImportBenchmark -Dexec.args="$rows $runs"
