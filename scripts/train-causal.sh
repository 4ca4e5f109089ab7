#!/usr/bin/env bash
# Rebuilds the causal-sentence model (Lexicons/Models/causal-sentence.tsv) from the Causal News Corpus training
# split, then scores it on the dev split. See docs/causal-model.md.
#
#   scripts/train-causal.sh                       # uses ../shared/corpus/cnc and a venv under /tmp
#   CNC=/path/to/cnc PYTHON=/path/to/python scripts/train-causal.sh
#
# Steps: build newsgraph (release); dump the features of every training sentence (computed in Swift);
# train the logistic regression (scripts/train-causal.py: C and threshold by cross-validation on train only);
# write the model; report precision, recall and F1 on dev (never used for any choice).
set -euo pipefail
cd "$(dirname "$0")/.."
CNC=${CNC:-../shared/corpus/cnc}
OUT=Sources/NewsGraphExtraction/Resources/Lexicons/Models/causal-sentence.tsv
WORK=${WORK:-$(mktemp -d /tmp/train-causal.XXXXXX)}
if [ -z "${PYTHON:-}" ]; then
    VENV=${VENV:-/tmp/newsgraph-train-venv}
    if ! "$VENV/bin/python" -c 'import numpy, scipy, sklearn' 2>/dev/null; then
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install --quiet numpy scipy scikit-learn
    fi
    PYTHON=$VENV/bin/python
fi
swift build -c release --product newsgraph
NG=$(swift build -c release --show-bin-path)/newsgraph
"$NG" evaluate --cnc "$CNC/subtask1-train.jsonl" --dump-features "$WORK/train.tsv"
mkdir -p "$(dirname "$OUT")"
"$PYTHON" scripts/train-causal.py "$WORK/train.tsv" --out "$OUT" --source "$CNC/subtask1-train.jsonl"
# (the build's resource bundle holds the old copy: read the lexicons from the source tree)
NEWSGRAPH_RESOURCES=Sources/NewsGraphExtraction/Resources "$NG" evaluate --cnc "$CNC/subtask1-dev.jsonl"
