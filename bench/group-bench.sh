#!/usr/bin/env bash
# Patient grouping speed: ClinSum's GroupingBenchmark (embed every distinct summary with
# all-MiniLM-L6-v2 through ONNX Runtime, fp32 and int8, then k-means with k chosen by silhouette,
# labels, 2-D projection) against the Python tools on the same summaries, side by side:
# sentence-transformers (torch), onnxruntime with the same batching and pooling, scikit-learn.
# Usage: bench/group-bench.sh [patients]   (default 10000; synthetic notes, seed 42)
# ClinSum's group time also covers labelling each group with its terms; scikit-learn has no such step.
# Needs samples/target/clinsum.jar and .venv-ml with python/requirements-embedding-reference.txt.
# Last line: group_vs_python n=<patients> embed_vs_ort=<x> embed_int8_vs_ort=<x> embed_vs_st=<x>
#            group_vs_sklearn=<x>
#            (ratios > 1: ClinSum is faster)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"
jar="$root/samples/target/clinsum.jar"
py="${CLINSUM_ML_PYTHON:-$root/.venv-ml/bin/python}"
work="${CLINSUM_BENCH_DIR:-/tmp/clinsum-bench}/group"

if [[ ! -f "$jar" ]]; then
  echo "group-bench: $jar is missing; build it with" \
    "mvn -q install -DskipTests -pl sdk-core,sdk-local-gpu,samples -am" >&2
  exit 1
fi
if [[ ! -x "$py" ]] || ! "$py" -c 'import sentence_transformers, sklearn, onnxruntime' 2>/dev/null; then
  echo "group-bench: no Python with sentence-transformers at $py; create it with" \
    "python3.11 -m venv .venv-ml && .venv-ml/bin/pip install -r python/requirements-embedding-reference.txt" >&2
  exit 1
fi

# Same cores for both sides: Java's ONNX Runtime and Tribuo use every core by default, so the
# Python side gets as many threads (torch, onnxruntime and scikit-learn's OpenMP).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc)}"
export MKL_NUM_THREADS="$OMP_NUM_THREADS" OPENBLAS_NUM_THREADS="$OMP_NUM_THREADS"
mkdir -p "$work"
texts="$work/texts-$n.txt"
run_java() {
  java -cp "$jar" io.clinsum.samples.bench.GroupingBenchmark "$n" "$@"
}
echo "== ClinSum minilm (fp32)"
run_java minilm "$texts" | tee "$work/java-minilm-$n.txt"
echo "== ClinSum minilm-int8"
run_java minilm-int8 | tee "$work/java-minilm-int8-$n.txt"
echo "== Python reference (same summaries)"
"$py" "$root/bench/group_reference.py" "$texts" "$work" | tee "$work/python-$n.txt"

python3 - "$work" "$n" <<'PY'
import re, sys
from pathlib import Path
work, n = Path(sys.argv[1]), sys.argv[2]
def java(variant):
    text = Path(work, f"java-{variant}-{n}.txt").read_text()
    m = re.search(r"embed ([\d.]+) s, group ([\d.]+) s", text)
    return float(m.group(1)), float(m.group(2))
ref = dict(re.findall(r"(\w+)=([\d.]+)", Path(work, f"python-{n}.txt").read_text().splitlines()[-1]))
(fp32, group), (int8, _) = java("minilm"), java("minilm-int8")
st, ort32, ort8, skl = (float(ref[k]) for k in
                        ("st_embed_s", "ort_fp32_embed_s", "ort_int8_embed_s", "sklearn_group_s"))
def x(a, b):  # Java prints 0.1 s resolution; at small N a 0.0 s leaves no ratio
    return f"{b / a:.2f}" if a > 0 else "n/a"
print(f"{'step (seconds)':<22}{'ClinSum':>9}{'onnxruntime':>13}{'sent-transf':>13}{'sklearn':>9}")
print(f"{'embed fp32':<22}{fp32:>9.1f}{ort32:>13.2f}{st:>13.2f}{'':>9}  "
      f"ClinSum {x(fp32, ort32)}x onnxruntime, {x(fp32, st)}x sentence-transformers")
print(f"{'embed int8':<22}{int8:>9.1f}{ort8:>13.2f}{'':>13}{'':>9}  ClinSum {x(int8, ort8)}x onnxruntime")
print(f"{'group (fp32 vectors)':<22}{group:>9.1f}{'':>13}{'':>13}{skl:>9.2f}  ClinSum {x(group, skl)}x scikit-learn")
print(f"group_vs_python n={n} embed_vs_ort={x(fp32, ort32)} embed_int8_vs_ort={x(int8, ort8)} "
      f"embed_vs_st={x(fp32, st)} group_vs_sklearn={x(group, skl)}")
PY
