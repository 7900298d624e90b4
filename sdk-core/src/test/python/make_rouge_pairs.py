#!/usr/bin/env python3
"""Builds the reference/candidate pairs that RougeParityIT scores with Java and rouge-score.

Deterministic: the same data and seed give the same file byte for byte. Pairs come from
real clinical text (MTSamples, MTS-Dialog; see sdk-core/src/test/resources/rouge/README.md)
plus hand-written edge cases.

To add pairs, write a generator taking (data_dir, rng) that yields (id, reference, candidate)
and append it to SOURCES; ids must be unique. Append at the end: sources share one seeded random
generator, so a source inserted earlier would change the draws of those after it.

    python make_rouge_pairs.py --data-dir /work/shared/data \
        --output sdk-core/src/test/resources/rouge/pairs.jsonl
"""

import argparse
import csv
import json
import pathlib
import random
import re

SEED = 20240611
MTS_DIALOG_ROWS = 160
VERY_LONG_REPEATS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text):
    """Splits text after '.', '!' or '?' followed by whitespace; drops empty pieces."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def words_prefix(text, n):
    return " ".join(text.split()[:n])


def shuffled_words(text, rng):
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def mtsamples(data_dir, rng):
    """Reference = the one-line description; candidates = parts of the transcription."""
    path = data_dir / "mtsamples-dev.jsonl"
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for r in records:
        ref = r["description"]
        sents = sentences(r["transcription"])
        key = f"mts-{r['id']}"
        yield f"{key}-first-sentence", ref, sents[0] if sents else ""
        yield f"{key}-first3-newlines", ref, "\n".join(sents[:3])
        yield f"{key}-whole", ref, r["transcription"]
        yield f"{key}-sample-name", ref, r["sample_name"]
        yield f"{key}-lead-words", ref, words_prefix(r["transcription"], len(ref.split()))
        yield f"{key}-shuffled", ref, shuffled_words(ref, rng)
        yield f"{key}-upper", ref, ref.upper()
        yield f"{key}-reversed-roles", "\n".join(sents[:5]), ref
        picked = sorted(rng.sample(range(len(sents)), min(4, len(sents))))
        yield f"{key}-sampled-sentences", "\n".join(sents[:4]), "\n".join(sents[i] for i in picked)


def mts_dialog(data_dir, rng):
    """Reference = the clinician's note section; candidates = views of the conversation."""
    path = data_dir / "mts-dialog" / "MTS-Dialog-TrainingSet.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rng.sample(rows, MTS_DIALOG_ROWS):
        ref = row["section_text"]
        lines = [l.strip() for l in row["dialogue"].split("\n") if l.strip()]
        patient = [l.split(":", 1)[1].strip() for l in lines if l.startswith("Patient:")]
        doctor = [l.split(":", 1)[1].strip() for l in lines if l.startswith("Doctor:")]
        key = f"dlg-{row['ID']}"
        yield f"{key}-patient", ref, " ".join(patient)
        yield f"{key}-doctor-lines", ref, "\n".join(doctor)
        yield f"{key}-dialogue", ref, row["dialogue"]
        yield f"{key}-truncated", ref, words_prefix(ref, max(1, len(ref.split()) // 2))
        yield f"{key}-shuffled", ref, shuffled_words(ref, rng)
        yield f"{key}-ref-sentences", "\n".join(sentences(ref)), " ".join(patient[:3])


def edge_cases(data_dir, rng):
    """Hand-written corner cases of tokenization, stemming and the LCS variants."""
    long_text = " ".join(
        json.loads(line)["transcription"]
        for line in (data_dir / "mtsamples-dev.jsonl").open(encoding="utf-8")
        if line.strip()
    )
    long_words = long_text.split()
    very_long = " ".join(long_words[:1500])
    cases = [
        ("empty-both", "", ""),
        ("empty-reference", "", "The patient is stable."),
        ("empty-candidate", "The patient is stable.", ""),
        ("whitespace-both", "  \t ", " \n "),
        ("whitespace-candidate", "Chest pain.", "   \t  "),
        ("newlines-only", "\n\n\n", "\n"),
        ("punctuation-only", "!!! ... ---", "?,;:()[]{}"),
        ("punctuation-vs-text", "...", "No acute distress."),
        ("identical", "Patient denies fever or chills.", "Patient denies fever or chills."),
        ("identical-case-punct", "Patient denies FEVER, chills!", "patient denies fever chills"),
        ("all-caps", "HISTORY OF PRESENT ILLNESS: CHEST PAIN", "history of present illness chest pain"),
        ("digits", "BP 120/80, HR 72, temp 98.6F on 2023-01-05.", "BP 120 80 HR 72 temp 98 6F"),
        ("digits-words", "covid19 b12 3rd 1st 2nd 10mg", "covid19 b12 third first 10 mg"),
        ("hyphenated", "Follow-up x-ray in two-week intervals; well-being good.", "follow up x ray two week"),
        ("apostrophes", "Patient's mother's history; don't smoke.", "patient s mother s history don t smoke"),
        ("accents", "Café résumé naïve señor Zoë", "cafe resume naive senor zoe"),
        ("greek", "Ο ασθενής έχει πυρετό; β-blocker 5 mg", "beta blocker 5 mg"),
        ("cjk", "患者 has 高血压 hypertension", "hypertension patient"),
        ("dotted-capital-i", "İstanbul İİ İnfection", "i stanbul infection"),
        ("kelvin-sign", "Temperature 310\u212a, \u212aeeps", "temperature 310k keeps"),
        ("ligature-sharp-s", "\ufb01brosis Straße", "fibrosis strasse"),
        ("fullwidth", "\uff21\uff22\uff23 \uff11\uff12\uff13 ABC", "abc 123"),
        ("non-ascii-digits", "\u0663\u0664 \u00b2 \u2163 24", "34 2 iv 24"),
        ("supplementary-plane", "\U0001d400\U0001d401 tumor \U0001f600 size", "tumor size"),
        ("combining-marks", "cafe\u0301 nai\u0308ve", "cafe naive"),
        ("tabs-crlf", "Line one.\r\nLine two.\tTabbed.", "line one\nline two tabbed"),
        ("repeated-tokens", "the the the the the", "the"),
        ("repeated-bigrams", "no no no no", "no no"),
        ("stemming", "infections infected infecting infective", "infection infect"),
        ("short-not-stemmed", "was has is bus gas", "wa ha is bu ga"),
        ("irregular-forms", "dying lying tying skies news innings outings cannings", "die lie tie sky news inning"),
        ("porter-step2", "relational conditional rationalization hopefulness", "relate condition rational hope"),
        ("porter-y", "happy sky enjoy spy fly try", "happi sky enjoy spi fli tri"),
        ("lsum-trailing-newline", "first sentence here\nsecond sentence\n", "second sentence\nfirst sentence"),
        ("lsum-blank-lines", "\n\nalpha beta\n\n\ngamma delta\n", "gamma delta\n\n\nalpha beta"),
        ("lsum-punct-lines", "alpha beta\n...\ngamma", "---\ngamma alpha\n!!!\nbeta"),
        ("lsum-ties", "a b a b", "b a\na b\nb b a a"),
        ("lsum-double-count", "pain pain pain\npain relief", "pain\npain pain relief relief"),
        ("lsum-many-sentences", "\n".join(long_words[:40]), "\n".join(reversed(long_words[:40]))),
        ("very-long", very_long, " ".join(long_words[700:2200])),
        ("very-long-shuffled", very_long, shuffled_words(very_long, rng)),
        (
            "very-long-repeated",
            " ".join([long_words[i] for i in range(0, 600)] * VERY_LONG_REPEATS),
            " ".join(long_words[100:1000]),
        ),
    ]
    for name, ref, cand in cases:
        yield f"edge-{name}", ref, cand


SOURCES = [mtsamples, mts_dialog, edge_cases]


def main():
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=pathlib.Path, default=pathlib.Path("/work/shared/data"))
    parser.add_argument(
        "--output",
        type=pathlib.Path,
        default=here.parent / "resources" / "rouge" / "pairs.jsonl",
    )
    args = parser.parse_args()

    rng = random.Random(SEED)
    seen = set()
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        for source in SOURCES:
            for pair_id, reference, candidate in source(args.data_dir, rng):
                if pair_id in seen:
                    raise ValueError(f"duplicate pair id {pair_id}")
                seen.add(pair_id)
                record = {"id": pair_id, "reference": reference, "candidate": candidate}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(seen)} pairs to {args.output}")


if __name__ == "__main__":
    main()
