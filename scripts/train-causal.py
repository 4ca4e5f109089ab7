#!/usr/bin/env python3
"""Train the causal-sentence model (logistic regression) from features dumped by newsgraph.

    newsgraph evaluate --cnc ../shared/corpus/cnc/subtask1-train.jsonl --dump-features /tmp/train.tsv
    python3 scripts/train-causal.py /tmp/train.tsv --out Sources/NewsGraphExtraction/Resources/Lexicons/Models/causal-sentence.tsv

The features are computed in Swift only (CausalFeatures); this script never hashes or parses text. It reads
the dump (id, label, feature indexes, feature names), keeps features seen in at least --min-df training
sentences, and picks the L2 strength C and the decision threshold by stratified k-fold cross-validation on
the TRAINING file only: for each C, the out-of-fold probabilities give, for every threshold, precision and
recall; the threshold kept is the one with the best F1 among those whose precision reaches
--precision-floor; the C kept is the one whose best such F1 is highest. The final model is fitted on the
whole training file with that C. Never pass the dev split here: it is for reporting only.

Deterministic: fixed fold seed, liblinear solver. Needs numpy, scipy and scikit-learn (training only).
"""
import argparse
import hashlib
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

FORMAT = "newsgraph-causal-sentence-model\t1"


def read_dump(path):
    features_version, bits = None, None
    ids, labels, rows, names = [], [], [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newsgraph causal-sentence features"):
                parts = line.split("\t")
                features_version, bits = parts[1], int(parts[3])
                continue
            if not line or line.startswith("#"):
                continue
            sid, label, idx, nm = line.split("\t")
            ids.append(sid)
            labels.append(int(label))
            indexes = [int(i) for i in idx.split()] if idx else []
            rows.append(indexes)
            for n in nm.split():
                names.setdefault(hash_index(n, bits), set()).add(n)
    if bits is None:
        sys.exit(f"{path}: no header line; dump it with `newsgraph evaluate --cnc FILE --dump-features OUT`")
    data, cols, ptr = [], [], [0]
    for r in rows:
        cols.extend(r)
        data.extend([1.0] * len(r))
        ptr.append(len(cols))
    X = csr_matrix((np.array(data, dtype=np.float64), np.array(cols), np.array(ptr)), shape=(len(rows), 1 << bits))
    return features_version, bits, ids, np.array(labels), X, names


def hash_index(name, bits):
    """FNV-1a 64 of the UTF-8 name, low `bits` bits: only to label the top features in the printout."""
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h & ((1 << bits) - 1)


def best_threshold(y, p, floor):
    """(f1, precision, recall, threshold): best F1 with precision >= floor over all cut points of p."""
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    prec, rec = tp / k, tp / max(1, ys.sum())
    f1 = np.where(prec + rec > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0)
    best = (0.0, 0.0, 0.0, 0.5)
    for i in range(len(ps)):
        if i + 1 < len(ps) and ps[i + 1] == ps[i]:
            continue  # a threshold cannot split ties
        if prec[i] >= floor and f1[i] > best[0]:
            cut = ps[i] if i + 1 == len(ps) else (ps[i] + ps[i + 1]) / 2
            best = (f1[i], prec[i], rec[i], float(cut))
    return best


def fit(X, y, C):
    m = LogisticRegression(C=C, solver="liblinear", max_iter=5000, tol=1e-6, random_state=0)
    m.fit(X, y)
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", help="features of the training split (newsgraph evaluate --cnc … --dump-features)")
    ap.add_argument("--out", required=True, help="the model file to write")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-df", type=int, default=3, help="keep features seen in at least this many sentences")
    ap.add_argument("--precision-floor", type=float, default=0.82,
                    help="the threshold must keep cross-validated precision at or above this")
    ap.add_argument("--grid", default="0.01,0.03,0.1,0.3", help="values of C to try")
    ap.add_argument("--source", default="", help="the training file, for the model's comments (name and sha256)")
    args = ap.parse_args()

    version, bits, ids, y, X, names = read_dump(args.train)
    df = np.asarray((X > 0).sum(axis=0)).ravel()
    keep = df >= args.min_df
    X = X[:, np.flatnonzero(keep)]
    kept = np.flatnonzero(keep)
    print(f"{len(y)} sentences ({y.sum()} causal), {keep.sum()} features kept (df >= {args.min_df}) of {2 ** bits}")

    folds = list(StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed).split(X, y))
    results = []
    for C in [float(c) for c in args.grid.split(",")]:
        oof = np.zeros(len(y))
        for tr, te in folds:
            oof[te] = fit(X[tr], y[tr], C).predict_proba(X[te])[:, 1]
        f1, p, r, t = best_threshold(y, oof, args.precision_floor)
        at_half = oof >= 0.5
        p5 = (y[at_half].sum() / max(1, at_half.sum()))
        r5 = y[at_half].sum() / y.sum()
        print(f"C={C:<6} cv: F1 {f1:.3f} P {p:.3f} R {r:.3f} at threshold {t:.3f}  (at 0.5: P {p5:.3f} R {r5:.3f})")
        results.append((f1, p, r, t, C))
    f1, p, r, t, C = max(results, key=lambda x: (x[0], -x[4]))
    model = fit(X, y, C)
    w = np.zeros(1 << bits)
    w[kept] = model.coef_.ravel()
    bias = float(model.intercept_[0])

    source = ""
    if args.source:
        with open(args.source, "rb") as f:
            source = f"{args.source.split('/')[-1]} sha256 {hashlib.sha256(f.read()).hexdigest()}"
    nz = np.flatnonzero(np.abs(w) > 1e-9)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# newsgraph causal-sentence model: logistic regression over hashed CausalFeatures.\n")
        out.write("# Written by scripts/train-causal.py (reproduce with scripts/train-causal.sh); see docs/causal-model.md.\n")
        out.write(f"# Training data: Causal News Corpus V2 subtask 1 train (CC0), {len(y)} sentences, {y.sum()} causal. {source}\n")
        out.write(f"# L2, liblinear, C={C} and threshold chosen by {args.folds}-fold CV on train (seed {args.seed}): "
                  f"best F1 with precision >= {args.precision_floor}.\n")
        out.write(f"# Cross-validated on train at the threshold: P {p:.3f} R {r:.3f} F1 {f1:.3f}. min-df {args.min_df}.\n")
        out.write("# Lines: key<TAB>value header lines, then w<TAB>index<TAB>weight for each non-zero weight.\n")
        out.write(f"format\t{FORMAT}\n")
        out.write(f"features\t{version}\n")
        out.write(f"bits\t{bits}\n")
        out.write(f"bias\t{bias:.6g}\n")
        out.write(f"threshold\t{t:.6g}\n")
        for i in nz:
            out.write(f"w\t{i}\t{w[i]:.5g}\n")
    print(f"chose C={C}, threshold {t:.4f}: cv P {p:.3f} R {r:.3f} F1 {f1:.3f}; wrote {len(nz)} weights to {args.out}")
    order = np.argsort(-w)
    label = lambda i: "|".join(sorted(names.get(i, {"?"})))[:60]
    print("top causal features:    " + ", ".join(f"{label(i)} {w[i]:.2f}" for i in order[:15]))
    print("top non-causal features: " + ", ".join(f"{label(i)} {w[i]:.2f}" for i in order[::-1][:15]))


if __name__ == "__main__":
    main()
