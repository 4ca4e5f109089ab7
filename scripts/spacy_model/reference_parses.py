#!/usr/bin/env python3
"""Reference dependency parses from spaCy en_core_web_sm 3.8, for NewsGraphSyntax's parser tests.

Developers only. Needs spaCy 3.8 and the model package (see convert_weights.py). Run it from the
repository root with the peers' Python, e.g. PEERS_VENV/bin/python scripts/spacy_model/reference_parses.py

For every text it records what the Swift parser needs as input and what it must reproduce:
  - the shared tok2vec network's output (`nlp.get_pipe("tok2vec")(doc)` → `doc.tensor`, count × 96),
    little-endian float32, base64;
  - spaCy's parse after the `parser` pipe: `doc[i].head.i`, `doc[i].dep_`, `doc[i].is_sent_start`
    (None, possible only in theory, is written as false);
  - the tokens (text, `is_space`), for the deprojectivizer (it skips space tokens) and for reading failures.

Output: JSON Lines, one document per line:
  {"name", "tokens": [str], "spaces": [bool], "heads": [int], "labels": [str], "sentStarts": [bool],
   "vectors": base64 of count × 96 float32}

usage:
  reference_parses.py
      writes Tests/NewsGraphSyntaxTests/Resources/parser-reference.jsonl from the opening paragraphs of a
      few of our own example articles (Examples/; never third-party text: this file is committed).
  reference_parses.py --out FILE [--chars N] [--jsonl-limit K] INPUT...
      any .txt files (whole, or the first N characters) and .jsonl files (the "text" field of the
      first K lines) into FILE, for checks outside the repository (e.g. /tmp).
"""
import argparse, base64, json, pathlib, sys

import numpy as np
import spacy

from model_loader import load_model

# Our own example articles (Examples/ is written by the project) and how much of each goes in the fixture.
FIXTURE_TEXTS = [
    ("Examples/articles/story-a-zhob-checkpost-wire.txt", 900),
    ("Examples/heldout/hti-kenscoff-gangs-live.txt", 900),
    ("Examples/articles/story-b-daraban-operation-local.txt", 1100),  # two lifted labels (nsubj||ccomp)
    ("Examples/heldout/ph-negros-npa-army-release.txt", 600),
]
FIXTURE_OUT = "Tests/NewsGraphSyntaxTests/Resources/parser-reference.jsonl"
ROOT = pathlib.Path(__file__).resolve().parent.parent.parent



def cut(text, limit):
    """The text up to the last sentence end (". " or a paragraph break) before `limit` characters."""
    if limit is None or len(text) <= limit:
        return text
    head = text[:limit]
    end = max(head.rfind(". "), head.rfind(".\n"), head.rfind("\n\n"))
    return head[: end + 1] if end > 0 else head


def record(nlp, name, text):
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("tok2vec")(doc)
    vectors = np.ascontiguousarray(doc.tensor, dtype="<f4").copy()
    doc = nlp.get_pipe("tagger")(doc)
    doc = nlp.get_pipe("parser")(doc)
    check = nlp(text)
    assert [t.head.i for t in check] == [t.head.i for t in doc], f"{name}: pipe-by-pipe parse differs from nlp()"
    assert vectors.shape == (len(doc), 96), vectors.shape
    return {
        "name": name,
        "tokens": [t.text for t in doc],
        "spaces": [bool(t.is_space) for t in doc],
        "heads": [t.head.i for t in doc],
        "labels": [t.dep_ for t in doc],
        "sentStarts": [t.is_sent_start is True for t in doc],
        "vectors": base64.b64encode(vectors.tobytes()).decode("ascii"),
    }


def inputs(paths, chars, jsonl_limit):
    for p in map(pathlib.Path, paths):
        if p.suffix == ".jsonl":
            with p.open(encoding="utf-8") as f:
                for k, line in enumerate(f):
                    if jsonl_limit is not None and k >= jsonl_limit:
                        break
                    row = json.loads(line)
                    yield f"{p.name}:{row.get('id', k)}", row["text"]
        else:
            yield p.name, cut(p.read_text(encoding="utf-8"), chars)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out")
    ap.add_argument("--chars", type=int)
    ap.add_argument("--jsonl-limit", type=int)
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()
    nlp = load_model()
    if args.out:
        docs = inputs(args.inputs, args.chars, args.jsonl_limit)
        out = pathlib.Path(args.out)
    else:
        docs = ((pathlib.Path(p).name, cut((ROOT / p).read_text(encoding="utf-8"), n)) for p, n in FIXTURE_TEXTS)
        out = ROOT / FIXTURE_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    n_docs = n_tokens = 0
    with out.open("w", encoding="utf-8") as f:
        for name, text in docs:
            if not text:
                continue
            row = record(nlp, name, text)
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n_docs += 1
            n_tokens += len(row["tokens"])
    print(f"wrote {out}: {n_docs} documents, {n_tokens} tokens")


if __name__ == "__main__":
    main()
