"""Word alignment by meaning: how well the words of one text find words of like meaning in another.

The mean of a sentence's word vectors (``careerladder.embed.embed``) blurs a long evidence item into its
topic: "Defined SLOs for all 23 customer-facing services together with the teams; pages out of hours
halved in a year" and "Own the reliability and quality targets of the group's services" have a centered
cosine of 0.02, no more than a line about a budget (0.05); aligned word by word they score 0.40 against
the budget line's 0.36.
Here every content word of each text is matched to its nearest word of the other (cosine of the word
vectors of the shipped model, taken from the mean of its ``thresholds.ASSESS_ALIGN_CENTER_WORDS`` most
frequent words, so that the direction all words share does not count), each word weighted by how rare it
is (``log(rank + thresholds.ASSESS_ALIGN_RANK_OFFSET)``, the model's rows being ordered by frequency);
the score is the harmonic mean of the two directions (as in BERTScore, Zhang et al. 2020, with static
word vectors). On the tune half of the assessment set it separates the items a labeller cited for a met
expectation from the others better than the centered sentence cosine (ROC AUC 0.79 against 0.71;
``benchmarks/assessment/README.md``, round 3).

``alignment(rows, cols)`` -> float array (len(rows), len(cols)) in [-1, 1]; 0 where a text has no known
word. Raises ``embed.ModelError`` when the model is missing. Pure apart from loading the model.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .. import thresholds as T

_CENTER: list[np.ndarray] = []


def _center(vectors: np.ndarray) -> np.ndarray:
    if not _CENTER:
        _CENTER.append(np.asarray(vectors[:T.ASSESS_ALIGN_CENTER_WORDS], dtype=np.float64).mean(axis=0))
    return _CENTER[0]


def _words(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """(unit word vectors of every text one after another, their weights, start offset of each text)."""
    from ..embed import model

    m = model()
    ids: list[int] = []
    starts: list[int] = []
    for text in texts:
        starts.append(len(ids))
        ids += list(dict.fromkeys(m.ids(text)))
    rows = np.asarray(m.vectors[ids], dtype=np.float64) - _center(m.vectors) if ids else np.zeros((0, 1))
    if ids:
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    weights = np.log(np.asarray(ids, dtype=np.float64) + T.ASSESS_ALIGN_RANK_OFFSET)
    return rows, weights, starts


def alignment(rows: Sequence[str], cols: Sequence[str]) -> np.ndarray:
    """The word alignment of every text of ``rows`` with every text of ``cols`` (see the module docstring)."""
    out = np.zeros((len(rows), len(cols)))
    if not rows or not cols:
        return out
    va, wa, sa = _words(rows)
    vb, wb, sb = _words(cols)
    if not len(wa) or not len(wb):
        return out
    sim = va @ vb.T
    ea, eb = sa + [len(wa)], sb + [len(wb)]
    for r in range(len(rows)):
        a0, a1 = ea[r], ea[r + 1]
        if a0 == a1:
            continue
        block = sim[a0:a1]
        for c in range(len(cols)):
            b0, b1 = eb[c], eb[c + 1]
            if b0 == b1:
                continue
            s = block[:, b0:b1]
            recall = float(s.max(axis=1) @ wa[a0:a1] / wa[a0:a1].sum())
            precision = float(s.max(axis=0) @ wb[b0:b1] / wb[b0:b1].sum())
            if recall + precision > 0:
                out[r, c] = 2 * recall * precision / (recall + precision)
    return out


__all__ = ["alignment"]
