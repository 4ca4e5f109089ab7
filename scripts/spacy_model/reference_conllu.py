#!/usr/bin/env python3
"""spaCy en_core_web_sm 3.8's parse of our own example articles, as CoNLL-U, for the end-to-end test.

Developers only. Writes Tests/NewsGraphSyntaxTests/Resources/examples-reference.conllu: one `# newdoc id`
block per text of Examples/articles, sentences as spaCy's parser splits them, whitespace tokens left out
(a token whose head is one attaches to its nearest non-space ancestor), the columns `newsgraph parse`
writes: FORM, UPOS, XPOS (tag_), HEAD (0 for the root), DEPREL (dep_, `root` for the root), MISC
`TokenRange=start:end` (code points) and `SpaceAfter=No`. Only texts of this repository: third-party text
never enters the repository.

usage: PEERS_VENV/bin/python scripts/spacy_model/reference_conllu.py
"""
import pathlib

from model_loader import load_model

REPO = pathlib.Path(__file__).resolve().parents[2]
OUT = REPO / "Tests/NewsGraphSyntaxTests/Resources/examples-reference.conllu"


def printed_head(tok):
    h = tok.head
    while h.is_space and h.head.i != h.i:
        h = h.head
    return None if h.i == tok.i or h.is_space else h


def main():
    nlp = load_model(disable=["ner", "lemmatizer"])
    lines = []
    for path in sorted((REPO / "Examples/articles").glob("*.txt")):
        doc = nlp(path.read_text())
        lines.append(f"# newdoc id = {path.stem}")
        n = 0
        for sent in doc.sents:
            kept = [t for t in sent if not t.is_space]
            if not kept:
                continue
            n += 1
            ids = {t.i: k + 1 for k, t in enumerate(kept)}
            lines.append(f"# sent_id = {path.stem}-{n}")
            for k, t in enumerate(kept):
                h = printed_head(t)
                head = ids.get(h.i, 0) if h is not None else 0
                label = "root" if head == 0 else t.dep_
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                space = bool(t.whitespace_) or (nxt is not None and nxt.is_space)
                misc = f"TokenRange={t.idx}:{t.idx + len(t.text)}" + ("" if space else "|SpaceAfter=No")
                lines.append("\t".join([str(k + 1), t.text, "_", t.pos_, t.tag_, "_", str(head), label, "_", misc]))
            lines.append("")
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
