#!/usr/bin/env python3
"""Export spaCy en_core_web_sm 3.8's tokenizer rules and lexical tables for NewsGraphSyntax (developers only).

Writes Sources/NewsGraphSyntax/Resources/Model/tokenizer.json (format: Model/FORMAT.md, "tokenizer.json").
The Swift tokenizer (Sources/NewsGraphSyntax/Tokenizer/) reads it; no Python at run time.

Run with the peers' venv, from any folder but the repository's scripts folder:
    PEERS_VENV/bin/python scripts/spacy_model/export_tokenizer.py
"""
import json
import pathlib
import re
import unicodedata
import re._parser as sre_parse
import sys

import spacy

from model_loader import load_model
from spacy.lang.norm_exceptions import BASE_NORMS
from spacy.strings import get_string_id
from spacy.symbols import IDS as SYMBOLS_BY_STR
from spacy.attrs import ORTH, NORM
from spacy.tokenizer import Tokenizer

REPO = pathlib.Path(__file__).resolve().parents[2]
OUT = REPO / "Sources/NewsGraphSyntax/Resources/Model/tokenizer.json"

# Python's str.isspace() characters (what `\s` means in a Python str pattern).
PY_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Python's `\w` in a str pattern: str.isalnum() or "_"; ICU's \w also takes marks and joiners, so spell it out.
PY_WORD = r"\p{L}\p{N}_"



def class_escape(ch):
    """A literal character inside an ICU set: ASCII punctuation is always escaped (ICU sets give
    meaning to `[`, `{`, `&`, `-`, `$`, `^`...)."""
    if ch.isascii() and not ch.isalnum() and ch != " ":
        return "\\" + ch
    return ch


def to_icu(pattern):
    """Translate a Python `re` pattern (as spaCy builds them) into ICU regex syntax with the same meaning."""
    out = []
    i = 0
    n = len(pattern)
    if pattern.startswith("(?u)"):
        i = 4
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            e = pattern[i + 1]
            if e in "uUx":
                width = {"u": 4, "U": 8, "x": 2}[e]
                code = pattern[i + 2:i + 2 + width]
                out.append("\\x{%X}" % int(code, 16))
                i += 2 + width
                continue
            if e == "w":
                out.append(PY_WORD if in_class else "[" + PY_WORD + "]")
            elif e == "s":
                out.append(PY_SPACE if in_class else "[" + PY_SPACE + "]")
            elif e == "S":
                if in_class:
                    raise ValueError("\\S inside a class: " + pattern[max(0, i - 20):i + 20])
                out.append("[^" + PY_SPACE + "]")
            elif e == "W" or e == "D":
                raise ValueError("unsupported escape \\" + e)
            elif e == "d":
                out.append("\\p{Nd}")
            elif e.isalnum() and e not in "bB":
                raise ValueError("unsupported escape \\" + e)
            else:
                out.append(class_escape(e) if in_class else "\\" + e)
            i += 2
            continue
        if in_class:
            if c == "]" and not (out and out[-1] in ("[", "[^")):
                out.append("]")
                in_class = False
            elif c == "-" and out[-1] not in ("[", "[^") and i + 1 < n and pattern[i + 1] != "]":
                out.append("-")
            else:
                out.append(class_escape(c))
            i += 1
            continue
        if c == "[":
            in_class = True
            if pattern[i + 1] == "^":
                out.append("[^")
                i += 2
            else:
                out.append("[")
                i += 1
            continue
        if c == "{":
            m = re.match(r"\{\d+(,\d*)?\}", pattern[i:])
            if m:
                out.append(m.group(0))
                i += len(m.group(0))
                continue
            out.append("\\{")
            i += 1
            continue
        if c == "}":
            out.append("\\}")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


MAX_CODE = 0x10FFFF
ANY = [(0, MAX_CODE)]


def split_alternatives(pattern):
    """The top-level alternatives of a pattern (spaCy joins its affix lists with `|`)."""
    alts, depth, in_class, i, start = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]" or pattern[i + 1:i + 3] == "^]":
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            alts.append(pattern[start:i])
            start = i + 1
        i += 1
    alts.append(pattern[start:])
    return alts


def char_set(items, reverse):
    """(ranges, nullable): the characters a match of the parsed sequence can start (or, reversed, end) with."""
    out, nullable = [], True
    for op, av in (reversed(items) if reverse else items):
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            chars, empty = [(av, av)], False
        elif name in ("NOT_LITERAL", "ANY"):
            chars, empty = ANY, False
        elif name == "IN":
            chars, empty = [], False
            for kind, value in av:
                if str(kind) == "LITERAL":
                    chars.append((value, value))
                elif str(kind) == "RANGE":
                    chars.append(tuple(value))
                else:
                    chars = ANY
                    break
        elif name == "BRANCH":
            chars, empty = [], False
            for seq in av[1]:
                sub, sub_empty = char_set(list(seq), reverse)
                chars += sub
                empty = empty or sub_empty
        elif name == "SUBPATTERN":
            chars, empty = char_set(list(av[3]), reverse)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            chars, empty = char_set(list(av[2]), reverse)
            empty = empty or av[0] == 0
        else:
            chars, empty = ANY, True
        out += chars
        if not empty:
            nullable = False
            break
    return out, nullable


def alternative_chars(alternative, reverse):
    ranges, nullable = char_set(list(sre_parse.parse(alternative)), reverse)
    return ANY if nullable else ranges


def dispatch(pattern, reverse):
    """Group a pattern's alternatives by the first (reverse: last) character of their matches: for each range
    of characters, the ICU pattern of the alternatives (in their order) that can match there. Alternatives that
    cannot match at a character would not have matched anyway, so each group finds what the whole pattern does."""
    alts = split_alternatives(pattern)
    sets = [alternative_chars(a, reverse) for a in alts]
    points = sorted({lo for ranges in sets for lo, _ in ranges} | {hi + 1 for ranges in sets for _, hi in ranges})
    groups, index = {}, []
    for lo, nxt in zip(points, points[1:]):
        members = tuple(i for i, ranges in enumerate(sets) if any(a <= lo <= b for a, b in ranges))
        if not members:
            continue
        if members not in groups:
            groups[members] = len(groups)
        g = groups[members]
        if index and index[-1][2] == g and index[-1][1] + 1 == lo:
            index[-1][1] = nxt - 1
        else:
            index.append([lo, nxt - 1, g])
    patterns = [None] * len(groups)
    for members, g in groups.items():
        patterns[g] = to_icu("|".join(alts[i] for i in members))
    return {"ranges": index, "patterns": patterns}


def merged(ranges):
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def pattern_of(fn):
    return None if fn is None else fn.__self__.pattern


def main():
    nlp = load_model()
    tok = nlp.tokenizer
    strings = nlp.vocab.strings

    special = {}
    for key in sorted(tok.rules):
        pieces = []
        for sub in tok.rules[key]:
            orth = sub.get(ORTH, sub.get("ORTH"))
            norm = sub.get(NORM, sub.get("NORM"))
            pieces.append([orth] if norm is None else [orth, norm])
        special[key] = pieces

    # Rules that spaCy's final PhraseMatcher pass can restore (faster_heuristics: rules with an affix or a space),
    # each with the token texts the affix rules alone cut it into.
    bare = Tokenizer(nlp.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                     infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    matcher = {}
    for key in sorted(tok.rules):
        if tok.find_prefix(key) or tok.find_infix(key) or tok.find_suffix(key) or " " in key:
            matcher[key] = [t.text for t in bare(key)]

    # The lexeme NORM getter: lexeme_norm table (keyed by string id), then BASE_NORMS, then lower().
    norms = {}
    for key, value in BASE_NORMS.items():
        norms[str(get_string_id(key))] = value
    table = nlp.vocab.lookups.get_table("lexeme_norm")
    for key, value in table.items():
        norms[str(key)] = value

    data = {
        "source": {
            "spacy": spacy.__version__,
            # PythonText.unicodeVersion in the Swift code must be this (str.isalpha/lower follow it).
            "unicodeVersion": unicodedata.unidata_version,
            "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        },
        "prefix": to_icu(pattern_of(tok.prefix_search)),
        "suffix": to_icu(pattern_of(tok.suffix_search)),
        "prefixByFirstChar": dispatch(pattern_of(tok.prefix_search), reverse=False),
        "suffixByLastChar": dispatch(pattern_of(tok.suffix_search), reverse=True),
        "infixFirstChars": merged(r for a in split_alternatives(pattern_of(tok.infix_finditer))
                                  for r in alternative_chars(a, reverse=False)),
        # Every URL match has a "." (host names end in ".tld", IPv4 addresses have three); checked below.
        "urlRequiredChar": ".",
        "infix": to_icu(pattern_of(tok.infix_finditer)),
        "tokenMatch": None if tok.token_match is None else to_icu(pattern_of(tok.token_match)),
        "urlMatch": None if tok.url_match is None else to_icu(pattern_of(tok.url_match)),
        "specialCases": special,
        "specialMatcher": matcher,
        "symbols": {s: i for s, i in SYMBOLS_BY_STR.items() if s},
        "lexemeNorm": norms,
    }
    url = tok.url_match.__self__
    assert "." in url.pattern and not any(url.match(u.replace(".", "")) for u in
                                          ("www.example.org", "a.b/c?d", "x@y.com", "10.1.2.3", "http://z.io"))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes): {len(special)} special cases, {len(matcher)} matcher rules, "
          f"{len(norms)} norms, {len(SYMBOLS_BY_STR)} symbols")


if __name__ == "__main__":
    main()
