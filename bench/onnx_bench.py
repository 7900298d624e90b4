"""Side-by-side generation speed: ClinSum's Java engine, Optimum ORTModelForSeq2SeqLM, PyTorch.

Modes (each run in its own process by bench/onnx-bench.sh, so peak RSS is per engine):
  prepare DIR   build a t5-small-sized T5 (random weights, seed 0), export it with Optimum to
                DIR/model, and write DIR/inputs.json (16 notes of exactly 256 tokens)
  optimum DIR   time ORTModelForSeq2SeqLM.generate at batch 1 and 16
  pytorch DIR   time T5ForConditionalGeneration.generate at batch 1 and 16
Greedy, exactly 64 new tokens (min_new_tokens = max_new_tokens = 64).
"""
import json
import resource
import sys
import time
from pathlib import Path

NEW_TOKENS = 64
INPUT_TOKENS = 256
NOTES = 16


def prepare(out: Path, tokenizer_dir: Path, notes_file: Path):
    import torch
    from transformers import AutoTokenizer, T5Config, T5ForConditionalGeneration
    from optimum.exporters.onnx import main_export

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(tokenizer_dir)
    config = T5Config(vocab_size=32128, d_model=512, d_kv=64, d_ff=2048, num_layers=6,
                      num_decoder_layers=6, num_heads=8, decoder_start_token_id=0,
                      pad_token_id=0, eos_token_id=1)
    model = T5ForConditionalGeneration(config).eval()
    print(f"parameters={sum(p.numel() for p in model.parameters())}")
    torch_dir = out / "torch"
    model.save_pretrained(torch_dir)
    tok.save_pretrained(torch_dir)
    main_export(str(torch_dir), output=str(out / "model"), task="text2text-generation-with-past", library_name="transformers")
    tok.save_pretrained(out / "model")
    texts = [json.loads(line)["transcription"] for line in notes_file.read_text().splitlines()]
    rows = []
    for text in texts:
        ids = tok(text * 3)["input_ids"][: INPUT_TOKENS - 1] + [config.eos_token_id]
        if len(ids) == INPUT_TOKENS:
            rows.append(ids)
        if len(rows) == NOTES:
            break
    (out / "inputs.json").write_text(json.dumps({"new_tokens": NEW_TOKENS, "input_ids": rows}))


def timed(generate, inputs, batch):
    import torch

    ids = torch.tensor(inputs[:batch])
    generate(ids)  # warm-up
    start = time.perf_counter()
    notes = 0
    for i in range(0, len(inputs) - batch + 1, batch):
        out = generate(torch.tensor(inputs[i:i + batch]))
        assert out.shape[1] == NEW_TOKENS + 1, out.shape
        notes += batch
    seconds = time.perf_counter() - start
    return notes / seconds, seconds


def run(engine: str, out: Path):
    import torch

    torch.set_num_threads(2)
    inputs = json.loads((out / "inputs.json").read_text())["input_ids"]
    if engine == "optimum":
        from optimum.onnxruntime import ORTModelForSeq2SeqLM
        model = ORTModelForSeq2SeqLM.from_pretrained(out / "model")
    else:
        from transformers import T5ForConditionalGeneration
        model = T5ForConditionalGeneration.from_pretrained(out / "torch").eval()
    kwargs = dict(max_new_tokens=NEW_TOKENS, min_new_tokens=NEW_TOKENS, do_sample=False, num_beams=1)

    def generate(ids):
        with torch.inference_mode():
            return model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), **kwargs)

    line = [engine]
    for batch in (1, 16):
        rate, seconds = timed(generate, inputs, batch)
        print(f"{engine} batch={batch} notes={len(inputs) // batch * batch} seconds={seconds:.3f} notes_per_s={rate:.3f}")
        line.append(f"b{batch}={rate:.3f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(" ".join(line) + f" peak_rss_mb={rss}")


if __name__ == "__main__":
    mode, out = sys.argv[1], Path(sys.argv[2])
    if mode == "prepare":
        prepare(out, Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        run(mode, out)
