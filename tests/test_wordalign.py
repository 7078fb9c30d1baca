"""Word alignment by meaning (assess.wordalign), on sentences written by us."""

from __future__ import annotations

import numpy as np
import pytest

from careerladder import thresholds as T
from careerladder.assess.wordalign import alignment

try:
    from careerladder.embed import model

    model()
except Exception as exc:  # the embedding wheel is missing
    pytest.skip(f"embedding model not installed: {exc}", allow_module_level=True)


def test_shape_and_empty_texts():
    out = alignment(["Spoke at a conference", "", "1234"], ["Give talks", "Hire engineers"])
    assert out.shape == (3, 2)
    assert np.all(out[1:] == 0.0)  # no known word: nothing to align
    assert alignment([], ["x"]).shape == (0, 1)


def test_paraphrase_aligns_above_unrelated():
    reliability = "Own the reliability and quality targets of the group's services."
    hiring = "Interview and hire engineers for the team."
    slos = "Defined SLOs for every customer-facing service with the teams; pages out of hours halved."
    recruited = "Recruited six engineers in a year."
    budget = "Own a yearly budget for people, cloud and tooling."
    chess = "Runs the office chess club."
    a = alignment([slos, recruited, budget, chess], [reliability, hiring])
    assert a[0, 0] > max(a[2, 0], a[3, 0])  # service level objectives ~ reliability targets
    assert a[1, 1] > max(a[2, 1], a[3, 1]) > 0.0  # recruited ~ hire
    assert a[1, 1] - T.ASSESS_ALIGN_ZERO > 0.1  # a paraphrase clears the zero point of the meaning score


def test_symmetric_and_identical_text_scores_one():
    texts = ["Hired four engineering managers", "Recruited managers for the teams"]
    out = alignment(texts, texts)
    assert np.allclose(out, out.T)
    assert np.allclose(np.diag(out), 1.0)
