#!/usr/bin/env bash
# Streams a 1,000,000-row CSV of synthetic notes through ClinSum's DatasetReader with a 256 MB
# heap, and through Python's csv module side by side. Usage: bench/csv-bench.sh [rows]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
jar="$root/samples/target/clinsum.jar"
data="${CLINSUM_BENCH_DIR:-/tmp/clinsum-bench}/synthetic-$rows.csv"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests -Dspotless.check.skip=true -pl samples -am package)
mkdir -p "$(dirname "$data")"
[[ -f "$data" ]] || java -jar "$jar" dataset synth --count "$rows" --seed 1 -q -o "$data" >/dev/null
java -Xmx256m -cp "$jar" io.clinsum.samples.bench.CsvStreamBenchmark "$data" 3 | tee /tmp/clinsum-csv-java.txt
python3 - "$data" <<'PY' | tee /tmp/clinsum-csv-python.txt
import csv, sys, time
csv.field_size_limit(1 << 30)
best = 1e9
for _ in range(2):
    t = time.perf_counter(); n = 0
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        r = csv.reader(f); next(r)
        for row in r: n += 1
    best = min(best, time.perf_counter() - t)
print(f"python_csv rows={n} best_s={best:.3f} rows_per_s={n/best:.0f}")
PY
java_rps=$(grep -o 'rows_per_s=[0-9]*' /tmp/clinsum-csv-java.txt | tail -1 | cut -d= -f2)
py_rps=$(grep -o 'rows_per_s=[0-9]*' /tmp/clinsum-csv-python.txt | tail -1 | cut -d= -f2)
echo "csv_stream java_rows_per_s=$java_rps python_csv_rows_per_s=$py_rps ratio=$(python3 -c "print(round($java_rps/$py_rps,2))")"
