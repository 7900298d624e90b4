#!/usr/bin/env bash
# Generation speed of ClinSum's ONNX engine against Optimum's ORTModelForSeq2SeqLM and PyTorch,
# on the same t5-small-sized model (random weights), the same 16 inputs of 256 tokens, greedy,
# exactly 64 new tokens, batch 1 and batch 16; each engine in its own process on this machine.
# Needs .venv-ml (python/requirements-ml.txt) and samples/target/clinsum.jar.
# Last line: speedup_vs_optimum b1=<x> b16=<x> overhead=<share of wall time outside ORT run>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="${CLINSUM_ML_PYTHON:-$root/.venv-ml/bin/python}"
work="${CLINSUM_BENCH_DIR:-/tmp/clinsum-bench}/onnx"
jar="$root/samples/target/clinsum.jar"
mkdir -p "$work"
if [[ ! -f "$work/inputs.json" ]]; then
  "$py" "$root/bench/onnx_bench.py" prepare "$work" \
    "$root/sdk-local-gpu/src/test/resources/models/t5-tiny-split" \
    "$root/sdk-core/src/test/resources/mtsamples/mtsamples-dev.jsonl"
fi
java -Dai.djl.offline=true -cp "$jar" io.clinsum.local.OnnxBenchmark "$work/model" "$work/inputs.json" | tee "$work/java.txt"
"$py" "$root/bench/onnx_bench.py" optimum "$work" 2>/dev/null | tee "$work/optimum.txt"
"$py" "$root/bench/onnx_bench.py" pytorch "$work" 2>/dev/null | tee "$work/pytorch.txt"
python3 - "$work" <<'PY'
import re, sys
from pathlib import Path
def last(name):
    line = Path(sys.argv[1], name).read_text().strip().splitlines()[-1]
    return dict(re.findall(r"(\w+)=([\d.]+)", line))
j, o, t = last("java.txt"), last("optimum.txt"), last("pytorch.txt")
b1, b16 = float(j["b1"]) / float(o["b1"]), float(j["b16"]) / float(o["b16"])
print(f"vs_pytorch b1={float(j['b1']) / float(t['b1']):.2f} b16={float(j['b16']) / float(t['b16']):.2f}")
print(f"peak_rss_mb clinsum={j['peak_rss_mb']} optimum={o['peak_rss_mb']} pytorch={t['peak_rss_mb']}")
print(f"speedup_vs_optimum b1={b1:.2f} b16={b16:.2f} overhead={max(float(j['overhead_b1']), float(j['overhead_b16'])):.3f}")
PY
