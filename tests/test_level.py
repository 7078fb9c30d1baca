"""Leveling: the seeds with their titles hidden, evidence, title prior and inflation, the model API."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.leveling import FEATURES, MODEL_PATH, Leveler, default_leveler, features, level_role
from careerladder.pipeline import load
from careerladder.readers import read_text
from careerladder.pipeline import Analyzer

analyze = Analyzer().analyze  # the one analysis path, one document at a time

EXPECTED = {"000": {"em"}, "001": {"director"}, "002": {"director", "senior_director"}, "003": {"vp"},
            "004": {"em"}}
KEY_EVIDENCE = {"001": 44, "002": 3, "003": 10}  # a line a reader agrees with, per seed


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {r.id[:3]: r for r in load([seeds_dir]).roles}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seeds_leveled_right_with_titles_hidden(seeds, seed):
    hidden = dataclasses.replace(seeds[seed], title="Role")
    lv = level_role(hidden, use_title=False).leveling
    assert lv.level in EXPECTED[seed], (lv.level, lv.scores)
    assert abs(sum(lv.scores.values()) - 1) < 0.01
    if seed in KEY_EVIDENCE:
        assert KEY_EVIDENCE[seed] in {e.line for e in lv.evidence if e.weight > 0}


def test_evidence_is_statement_text_with_lines_and_competencies(seeds):
    lv = seeds["003"].leveling
    texts = {e.text for e in lv.evidence}
    assert any("board members" in t for t in texts)
    assert all(e.line > 0 and e.signal for e in lv.evidence)
    assert all(e.competency is None or isinstance(e.competency, str) for e in lv.evidence)


def test_title_is_a_prior_and_inflation_is_flagged():
    text = "- Write code every day and review pull requests\n- Run sprint planning and stand-ups for the team\n" \
           "- 3+ years of experience\n- Manage a team of 5 engineers\n"
    claimed = read_text("# VP of Engineering\n\n" + text, "vp.md")[0]
    role = analyze(claimed, "vp.md")[0]
    lv = role.leveling
    assert lv.title_level == "vp" and lv.text_level in ("em", "senior_em")
    assert lv.inflation == "title_above_text"
    honest = analyze(read_text("# Engineering Manager\n\n" + text, "em.md")[0], "em.md")[0].leveling
    assert honest.level == "em" and honest.inflation is None


def test_head_of_is_leveled_by_text(seeds):
    lv = seeds["002"].leveling
    assert lv.title_level == "unknown" and lv.inflation is None and lv.level == lv.text_level


def test_model_api():
    lev = default_leveler()
    assert lev.classes_ and len(lev.coef_[0]) == len(FEATURES)
    explained = lev.explain(top=3)
    assert set(explained) == set(lev.classes_) and all(len(v) == 3 for v in explained.values())
    with pytest.raises(RuntimeError, match="not fitted"):
        Leveler().predict([[0.0] * len(FEATURES)])


def test_a_model_trained_on_other_features_is_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_text())
    data["features"] = data["features"][:-1]
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="retrain"):
        Leveler.load(bad)


def test_fit_round_trip(tmp_path, seeds):
    X = [features(r)[0] for r in seeds.values()]
    lev = Leveler(C=1.0).fit(X, ["em", "director", "director", "vp", "em"], trained_on="seeds")
    lev.save(tmp_path / "m.json")
    again = Leveler.load(tmp_path / "m.json")
    assert again.predict(X) == lev.predict(X)


def test_cli_level_jsonl_and_hide_title(seeds_dir):
    out = CliRunner().invoke(app, ["level", str(seeds_dir), "--format", "jsonl", "--hide-title"])
    assert out.exit_code == 0
    rows = {json.loads(line)["source"].rsplit("/", 1)[-1][:3]: json.loads(line) for line in out.stdout.splitlines()}
    assert {k: r["level"] for k, r in rows.items()} == {"000": "em", "001": "director", "002": "director",
                                                         "003": "vp", "004": "em"}
    keys = {"source", "title", "title_level", "level", "confidence", "scores", "evidence", "inflation"}
    assert keys <= set(rows["001"])
    assert {"text", "line", "competency", "weight"} <= set(rows["001"]["evidence"][0])


def test_known_terms_are_the_vocabulary_terms_in_order(seeds):
    """The leveler looks only at vocabulary terms; it must see exactly those of ``terms`` (pairs too)."""
    from careerladder.leveling.features import expectations, terms

    leveler = default_leveler()
    checked = pairs = 0
    for role in seeds.values():
        for st in expectations(role):
            expected = tuple(t for t in terms(st.text) if t in leveler.idf_)
            assert leveler.known_terms(st.text) == expected, st.text
            checked += 1
            pairs += sum(" " in t for t in expected)
    assert checked > 50 and pairs > 0
