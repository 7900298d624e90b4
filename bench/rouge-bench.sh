#!/usr/bin/env bash
# ROUGE speed and parity: Java RougeScorer.standard() against Python rouge-score 0.1.2
# (use_stemmer=True), one process each, on the same 10,000 pairs.
#
# The pairs repeat sdk-core/src/test/resources/rouge/pairs.jsonl with deterministic variations
# (reference and candidate swapped, every k-th candidate word dropped). Python is timed over
# its scoring loop only; Java over its timed passes after one warm-up pass. Every score must
# agree within 1e-6.
#
# Needs .venv (scripts/python-env.sh) and samples/target/clinsum.jar (mvn package).
# Environment: PAIRS (default 10000), CLINSUM_CLASSPATH (default samples/target/clinsum.jar),
# CLINSUM_PYTHON_BIN (default .venv/bin/python), WORK_DIR (default: a temporary folder).
#
# Last line: rouge_speedup_vs_python=<ratio> java_pairs_per_s=<n> python_pairs_per_s=<n>
#            max_abs_diff=<d>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pairs="${PAIRS:-10000}"
classpath="${CLINSUM_CLASSPATH:-samples/target/clinsum.jar}"
python="${CLINSUM_PYTHON_BIN:-$root/.venv/bin/python}"
work="${WORK_DIR:-$(mktemp -d)}"
mkdir -p "$work"
source_pairs="sdk-core/src/test/resources/rouge/pairs.jsonl"

if [[ ! -x "$python" ]]; then
  echo "rouge-bench: no Python at $python; run scripts/python-env.sh first" >&2
  exit 1
fi
if [[ -z "${CLINSUM_CLASSPATH:-}" && ! -f "$classpath" ]]; then
  echo "rouge-bench: $classpath is missing; build it with mvn -pl samples -am package" >&2
  exit 1
fi

"$python" - "$source_pairs" "$work/pairs.jsonl" "$pairs" <<'EOF'
import json, sys

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8") as f:
    base = [json.loads(line) for line in f if line.strip()]
with open(target, "w", encoding="utf-8", newline="\n") as out:
    for i in range(count):
        pair = base[i % len(base)]
        round_ = i // len(base)
        ref, cand = pair["reference"], pair["candidate"]
        if round_ % 2 == 1:
            ref, cand = cand, ref
        if round_ >= 2:
            step = round_ + 1
            cand = " ".join(w for k, w in enumerate(cand.split(" ")) if k % step != step - 1)
        record = {"id": f"{pair['id']}#{i}", "reference": ref, "candidate": cand}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
EOF
echo "rouge-bench: $pairs pairs in $work/pairs.jsonl" >&2

echo "rouge-bench: scoring with Python rouge-score ..." >&2
python_line="$("$python" sdk-core/src/test/python/rouge_reference.py \
  --input "$work/pairs.jsonl" --output "$work/python-scores.jsonl")"
echo "$python_line"
python_seconds="$(sed -n 's/.*scoring_seconds=\([0-9.]*\).*/\1/p' <<<"$python_line")"

echo "rouge-bench: scoring with Java ..." >&2
java_output="$(java -cp "$classpath" io.clinsum.samples.bench.RougeBenchmark \
  "$work/pairs.jsonl" "$work/java-scores.jsonl")"
echo "$java_output"
java_pairs_per_s="$(sed -n 's/^java_pairs_per_s=\([0-9.]*\)$/\1/p' <<<"$java_output")"

"$python" - "$work/python-scores.jsonl" "$work/java-scores.jsonl" "$pairs" \
  "$python_seconds" "$java_pairs_per_s" <<'EOF'
import json, sys

python_file, java_file = sys.argv[1], sys.argv[2]
pairs, python_seconds, java_rate = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
with open(python_file, encoding="utf-8") as f:
    python_scores = [json.loads(line) for line in f]
with open(java_file, encoding="utf-8") as f:
    java_scores = [json.loads(line) for line in f]
if len(python_scores) != pairs or len(java_scores) != pairs:
    sys.exit(f"expected {pairs} scores, got python={len(python_scores)} java={len(java_scores)}")
max_diff, worst = 0.0, None
for p, j in zip(python_scores, java_scores):
    if str(p["id"]) != str(j["id"]):
        sys.exit(f"id mismatch: python {p['id']} java {j['id']}")
    for rouge_type in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        for metric in ("precision", "recall", "fmeasure"):
            diff = abs(p[rouge_type][metric] - j[rouge_type][metric])
            if diff > max_diff:
                max_diff, worst = diff, (p["id"], rouge_type, metric,
                                         p[rouge_type][metric], j[rouge_type][metric])
python_rate = pairs / python_seconds
ok = max_diff <= 1e-6
if not ok:
    print("rouge-bench: largest difference: id=%s %s.%s python=%r java=%r" % worst,
          file=sys.stderr)
print(f"rouge_speedup_vs_python={java_rate / python_rate:.1f} "
      f"java_pairs_per_s={java_rate:.1f} python_pairs_per_s={python_rate:.1f} "
      f"max_abs_diff={max_diff:.3g}")
sys.exit(0 if ok else 1)
EOF
