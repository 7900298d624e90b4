#!/usr/bin/env python3
"""Scores reference/candidate pairs with the Python rouge-score package, the reference that
io.clinsum.core.eval.RougeScorer must reproduce.

Input: JSONL, one {"id": ..., "reference": ..., "candidate": ...} per line.
Output: JSONL, one line per pair in input order:
  {"id": ..., "rouge1": {"precision": p, "recall": r, "fmeasure": f}, "rouge2": {...},
   "rougeL": {...}, "rougeLsum": {...}}
Floats are written with repr precision, so they parse back to the same doubles.

Prints "rouge_score=VERSION nltk=VERSION pairs=N scoring_seconds=S" on stdout, S timing only
the scoring loop (not reading, writing or importing).

    python rouge_reference.py --input pairs.jsonl --output scores.jsonl
"""

import argparse
import importlib.metadata
import json
import time

from rouge_score import rouge_scorer

ROUGE_TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument(
        "--no-stemmer", action="store_true", help="score with use_stemmer=False"
    )
    args = parser.parse_args()

    with open(args.input, encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f if line.strip()]

    scorer = rouge_scorer.RougeScorer(ROUGE_TYPES, use_stemmer=not args.no_stemmer)
    start = time.perf_counter()
    results = [scorer.score(p["reference"], p["candidate"]) for p in pairs]
    elapsed = time.perf_counter() - start

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for pair, scores in zip(pairs, results):
            record = {"id": pair["id"]}
            for rouge_type in ROUGE_TYPES:
                s = scores[rouge_type]
                record[rouge_type] = {
                    "precision": float(s.precision),
                    "recall": float(s.recall),
                    "fmeasure": float(s.fmeasure),
                }
            out.write(json.dumps(record) + "\n")
    versions = " ".join(
        f"{name.replace('-', '_')}={importlib.metadata.version(name)}"
        for name in ("rouge-score", "nltk")
    )
    print(f"{versions} pairs={len(pairs)} scoring_seconds={elapsed:.6f}")


if __name__ == "__main__":
    main()
