#!/usr/bin/env python3
"""spaCy's tokens and lexical features for texts, as JSON, to check the Swift tokenizer against (developers only).

    PEERS_VENV/bin/python scripts/spacy_model/reference_tokens.py                # the committed test reference
    PEERS_VENV/bin/python scripts/spacy_model/reference_tokens.py --corpus OUT   # ../shared/corpus, never committed
    PEERS_VENV/bin/python scripts/spacy_model/reference_tokens.py --jsonl IN OUT # texts of a JSON Lines file

Default: our own Examples/articles/*.txt and Examples/heldout/*.txt into
Tests/NewsGraphSyntaxTests/Resources/tokenizer-reference.json. With --corpus: /work/shared/corpus/real/*.txt and the
`text` fields of cnc/subtask1-{dev,train}.jsonl into OUT (third-party text: keep OUT outside the repository).

Format: {"spacy", "model", "rows": [[norm, NORM, PREFIX, SUFFIX, SHAPE], ...] (keys as 16 hex digits, shared by
tokens), "texts": [{"name", "text", "tokens": [[start, end, spacy, is_space, row], ...]}]}.
"""
import argparse
import json
import pathlib
import sys

import spacy

from model_loader import load_model

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "Tests/NewsGraphSyntaxTests/Resources/tokenizer-reference.json"
CORPUS = REPO.parent / "shared/corpus"



def own_texts():
    for folder in ("Examples/articles", "Examples/heldout"):
        for path in sorted((REPO / folder).glob("*.txt")):
            yield f"{folder}/{path.name}", path.read_text(encoding="utf-8")


def corpus_texts():
    for path in sorted((CORPUS / "real").glob("*.txt")):
        yield f"real/{path.name}", path.read_text(encoding="utf-8")
    for split in ("dev", "train"):
        with open(CORPUS / f"cnc/subtask1-{split}.jsonl", encoding="utf-8") as f:
            for n, line in enumerate(f):
                record = json.loads(line)
                yield f"cnc/{split}/{record.get('id', n)}", record["text"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", metavar="OUT", help="dump the shared corpus into OUT instead")
    parser.add_argument("--jsonl", nargs=2, metavar=("IN", "OUT"),
                        help="dump the `text` of each JSON line of IN (e.g. from fuzz_texts.py) into OUT")
    args = parser.parse_args()
    nlp = load_model()
    if args.jsonl:
        out = pathlib.Path(args.jsonl[1])
        lines = pathlib.Path(args.jsonl[0]).read_text(encoding="utf-8").splitlines()
        texts = ((f"{args.jsonl[0]}:{n + 1}", json.loads(line)["text"]) for n, line in enumerate(lines) if line)
    else:
        out = pathlib.Path(args.corpus) if args.corpus else DEFAULT_OUT
        if args.corpus and REPO in out.resolve().parents:
            sys.exit("corpus text must not enter the repository: choose OUT outside it")
        texts = corpus_texts() if args.corpus else own_texts()
    rows, row_of, docs = [], {}, []
    cols = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"]
    for name, text in texts:
        doc = nlp.tokenizer(text)
        arr = doc.to_array(cols)
        tokens = []
        for tok, feats in zip(doc, arr):
            row = (tok.norm_, *("%016x" % int(v) for v in feats[:4]))
            if row not in row_of:
                row_of[row] = len(rows)
                rows.append(list(row))
            assert int(feats[4]) == (1 if tok.whitespace_ else 0) and int(feats[5]) == int(tok.is_space)
            tokens.append([tok.idx, tok.idx + len(tok.text), int(feats[4]), int(feats[5]), row_of[row]])
        docs.append({"name": name, "text": text, "tokens": tokens})
    out.parent.mkdir(parents=True, exist_ok=True)
    data = {"spacy": spacy.__version__, "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
            "rows": rows, "texts": docs}
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(docs)} texts, {sum(len(d['tokens']) for d in docs)} tokens, {len(rows)} feature rows")


if __name__ == "__main__":
    main()
