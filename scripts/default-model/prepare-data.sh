#!/usr/bin/env bash
# Builds the training, validation and held-out test data of the embedded default model:
#   synthetic notes (seeded, disjoint seeds per split) and the real MTSamples records
#   (transcription -> description), split 70/30 by a seeded hash; the MTSamples training part
#   is repeated so that real text is not drowned by synthetic notes.
# Usage: scripts/default-model/prepare-data.sh OUT_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?output folder}"
clinsum="$root/clinsum"
mkdir -p "$out/train" "$out/validation" "$out/test" "$out/tmp"

"$clinsum" dataset synth --count 24000 --seed 101 --instruction-rate 0.25 -q -o "$out/tmp/synth-train.csv"
"$clinsum" dataset synth --count 400 --seed 202 --instruction-rate 0.25 -q -o "$out/tmp/synth-validation.csv"
"$clinsum" dataset synth --count 1000 --seed 303 --instruction-rate 0 -q -o "$out/test/synthetic-test.csv"

mts="$root/sdk-core/src/test/resources/mtsamples/mtsamples-dev.jsonl"
"$clinsum" dataset split "$mts" --text-field transcription --summary-field description \
  --seed 42 --validation 0 --test 0.3 --out "$out/tmp/mts" >/dev/null
cp "$out/tmp/mts/test.jsonl" "$out/test/mtsamples-test.jsonl"

python3 - "$out" <<'PY'
import csv, json, sys
from pathlib import Path
out = Path(sys.argv[1])
def rows_csv(p):
    with open(p, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)
def rows_jsonl(p):
    for line in open(p, encoding="utf-8"):
        if line.strip():
            yield json.loads(line)
def write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["note", "summary", "instruction"])
        n = 0
        for r in rows:
            w.writerow([r["note"], r["summary"], r.get("instruction") or ""])
            n += 1
    print(f"{path.name}: {n} rows")
mts_train = list(rows_jsonl(out / "tmp/mts/train.jsonl"))
write(out / "train/train.csv", list(rows_csv(out / "tmp/synth-train.csv")) + mts_train * 20)
write(out / "validation/validation.csv", list(rows_csv(out / "tmp/synth-validation.csv")))
PY
rm -rf "$out/tmp"
sha256sum "$out"/train/*.csv "$out"/validation/*.csv "$out"/test/* > "$out/SHA256SUMS"
cat "$out/SHA256SUMS"
