#!/usr/bin/env python3
"""Reference token vectors and tags of spaCy en_core_web_sm 3.8 for our own example texts.

Developers only. Writes Tests/NewsGraphSyntaxTests/Resources/tok2vec-reference.json: per text, spaCy's
lexical feature keys (NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE as decimal strings), its tags, and its
tok2vec output (`doc.tensor`, float32 little-endian, base64). Only texts of this repository (Examples/) may be
used: third-party text never enters the repository.

usage: PEERS_VENV/bin/python scripts/spacy_model/reference_tok2vec.py FILE.txt... > OUT.json
"""
import base64, json, sys, pathlib

import numpy as np
import spacy

from model_loader import load_model


def main():
    nlp = load_model(disable=["ner", "lemmatizer"])
    out = []
    for path in sys.argv[1:]:
        text = pathlib.Path(path).read_text()
        doc = nlp(text)
        feats = doc.to_array(["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"])
        out.append({
            "id": pathlib.Path(path).stem,
            "text": text,
            "features": [[str(int(v)) for v in row] for row in feats],
            "tags": [t.tag_ for t in doc],
            "tensor": base64.b64encode(np.asarray(doc.tensor, dtype="<f4").tobytes()).decode(),
        })
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
