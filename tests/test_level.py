"""Leveling: the seeds with their titles hidden, evidence, title prior and inflation, the model API."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.leveling import FEATURES, MODEL_PATH, Leveler, default_leveler, level_role
from careerladder.pipeline import Analyzer, load
from careerladder.readers import read_text
from careerladder.vocab import LEVELS

analyze = Analyzer().analyze  # the one analysis path, one document at a time
analyze_any = Analyzer(any_text=True).analyze  # text the user says is a role, titled or not

EXPECTED = {"000": {"em"}, "001": {"director"}, "002": {"director", "senior_director"}, "003": {"vp"},
            "004": {"em"}}
KEY_EVIDENCE = {"001": {44}, "002": {3, 16, 25}, "003": {10}}  # lines a reader agrees with, per seed


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {r.id[:3]: r for r in load([seeds_dir]).roles}


#: Seeds the text-only model still misses (within one level): issue 18 stays open on them.
MISSED = {"001": "the text alone reads Mariana Tek's Director as a Senior Engineering Manager"}


@pytest.mark.parametrize("seed", [pytest.param(s, marks=pytest.mark.xfail(reason=MISSED[s], strict=True))
                                  if s in MISSED else s for s in sorted(EXPECTED)])
def test_seeds_leveled_right_with_titles_hidden(seeds, seed):
    hidden = dataclasses.replace(seeds[seed], title="Role")
    lv = level_role(hidden, use_title=False).leveling
    assert lv.level in EXPECTED[seed], (lv.level, lv.scores)
    assert abs(sum(lv.scores.values()) - 1) < 0.01
    if seed in KEY_EVIDENCE:
        assert KEY_EVIDENCE[seed] & {e.line for e in lv.evidence if e.weight > 0}


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
    assert len(lev.coef_) == len(FEATURES) == len(lev.ic_coef_)
    assert list(lev.thresholds_) == sorted(lev.thresholds_, reverse=True)  # P(level > k) falls with k
    explained = lev.explain(top=3)
    assert set(explained) == {"higher level", "lower level", "management", "individual contributor"}
    assert all(0 < len(v) <= 3 and all(w > 0 for _, w in v) for v in explained.values())
    with pytest.raises(RuntimeError, match="not fitted"):
        Leveler().scores([0.0] * len(FEATURES), {})


def test_a_model_trained_on_other_features_is_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_text())
    data["features"] = data["features"][:-1]
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="retrain"):
        Leveler.load(bad)


def test_fit_round_trip(tmp_path, seeds):
    roles = list(seeds.values())
    lev = Leveler(C=1.0).fit(roles, ["em", "director", "director", "vp", "ic"], sources=["a", "a", "b", "b", "b"],
                             trained_on="seeds")
    lev.save(tmp_path / "m.json")
    again = Leveler.load(tmp_path / "m.json")
    for role in roles:
        a, b = level_role(role, lev, use_title=False).leveling, level_role(role, again, use_title=False).leveling
        assert a.text_level == b.text_level and a.scores == pytest.approx(b.scores, abs=1e-3)
    with pytest.raises(ValueError, match="unknown level labels"):
        Leveler().fit(roles[:1], ["chief"])


PROSE = ("- Own the reliability of our payments platform and the roadmap of the teams that build it\n"
         "- Coach and grow engineering managers, run calibration and promotion reviews for their reports\n"
         "- Hire engineers and managers as the organization doubles\n"
         "- Work with product and finance leaders on headcount and budget for the year\n")


def test_untitled_text_is_leveled_from_its_content():
    role = analyze_any(read_text(PROSE, "pasted.txt")[0], "pasted.txt")[0]
    lv = role.leveling
    assert lv.title_level == "unknown" and lv.reason is None
    assert lv.text_level in ("senior_em", "director", "senior_director") and lv.level == lv.text_level
    assert abs(sum(lv.scores.values()) - 1) < 0.01 and set(lv.scores) == {"ic", *LEVELS}
    assert any(e.signal == "signal:manages_managers" and e.weight > 0 for e in lv.evidence)


def test_text_abstains_with_a_reason():
    lv = analyze_any(read_text("We offer great benefits and a friendly office.\n", "x.txt")[0], "x.txt")[0].leveling
    assert lv.text_level == "unknown" and lv.reason == "too little role content"
    assert lv.level == "unknown" and lv.evidence == () and lv.inflation is None


def test_text_not_in_english_abstains_and_the_title_levels_it():
    text = ("# Director of Engineering\n\n"
            "- Verantwortung für mehrere Entwicklungsteams und deren Führungskräfte übernehmen\n"
            "- Budgetplanung gemeinsam mit Geschäftsführung verantworten und Einstellung neuer Mitarbeitender leiten\n"
            "- Technische Strategie für Plattform, Infrastruktur, Qualität, Sicherheit festlegen\n")
    lv = analyze(read_text(text, "de.md")[0], "de.md")[0].leveling
    assert lv.text_level == "unknown" and lv.reason == "not in English"
    assert lv.level == "director" and lv.inflation is None


def test_a_clear_title_still_levels_when_the_text_abstains():
    lv = analyze(read_text("# Director of Engineering\n\nWe offer great benefits.\n", "d.md")[0], "d.md")[0].leveling
    assert lv.text_level == "unknown" and lv.level == "director" and lv.inflation is None


def test_an_individual_contributor_posting_reads_as_ic():
    text = ("- Write and review Python and Go services for our checkout APIs every day\n"
            "- Fix production bugs, write tests and take part in the on-call rotation\n"
            "- Pair with other engineers on code reviews and design documents\n"
            "- 4+ years of professional software development experience\n")
    lv = analyze_any(read_text(text, "ic.txt")[0], "ic.txt")[0].leveling
    assert lv.text_level == "ic" and lv.scores["ic"] > 0.5


def test_cli_level_jsonl_and_hide_title(seeds_dir):
    out = CliRunner().invoke(app, ["level", str(seeds_dir), "--format", "jsonl", "--hide-title"])
    assert out.exit_code == 0
    rows = {json.loads(line)["source"].rsplit("/", 1)[-1][:3]: json.loads(line) for line in out.stdout.splitlines()}
    assert {k: r["level"] for k, r in rows.items() if k not in MISSED} == \
        {k: min(v) for k, v in EXPECTED.items() if k not in MISSED}
    keys = {"source", "title", "title_level", "level", "confidence", "scores", "evidence", "inflation", "reason"}
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
