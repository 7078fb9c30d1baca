"""Scoring evidence items against expectations, in [0, 1]: by words (``LexicalMatcher``) and by
meaning and words together (``HybridMatcher``, the default of ``assess``).

Both follow the scikit-learn stage API: ``fit(expectations)`` then ``score(items, expectations)`` ->
array (len(items), len(expectations)); after ``score`` the attribute ``how_`` says, per cell, what the
score rests on: ``lexical`` (shared words), ``meaning`` (statement embeddings: the words differ, the
sense agrees), ``dates`` (years of experience counted from dated roles, ``years``) or ``span`` (people,
teams or rank of reports against a headcount or rank the expectation asks, ``scope``).

``HybridMatcher`` adds to the words: the centered embedding cosine (``careerladder.embed``), negative
remarks ("has not yet coached anyone", "rarely in the room") that evidence nothing, at most
``thresholds.ASSESS_ITEM_MAX_EXPECTATIONS`` expectations credited per item unless it scores at least
``thresholds.ASSESS_ITEM_COVERS_SCORE`` on more, "N+ years" expectations judged from dates, and headcount
and rank statements judged from the span the evidence gives (``scope``). An
item's scores depend on another item only through a negative remark (it holds the expectation it is about
down) and the span and years read from all items together; adding evidence other than a negative remark never
lowers readiness. Pure: no I/O.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .. import thresholds as T
from ..classify import default_classifier, stem
from ..extract.grammar import tokens
from ..model import Expectation, Statement
from .evidence import EvidenceItem
from .concepts import concepts
from .parts import parts
from .scope import exec_limit, org_scope_limit, rank_limit, scope_verdict
from .years import asks_years, years_verdict

if TYPE_CHECKING:
    import numpy as np

#: Words that, near the start of an item, make it a remark that something is missing ("Has never given a
#: talk", "Rarely in the room with Sales", "Strategy is the gap", "defers to the architects").
NEGATIVE_CUES = frozenset((
    "not never rarely seldom hardly no lacks lacking gap defers doesn't hasn't didn't isn't can't cannot won't "
    "struggles weak less").split())
#: Openings that make an item an intent, not something done ("I plan to speak at...").
INTENT_OPENINGS: tuple[str, ...] = ("i plan to", "plan to", "i want to", "wants to", "i would like to",
                                    "next year i", "i hope to", "aims to")


#: An item whose act is taking a course is learning, not doing (RULES.md section 1: "took a first-time manager
#: course" evidences nothing on the ladder).
COURSE = re.compile(r"^\W*(?:i\s+)?(?:finished|completed|took|attended|passed|enrolled in|am taking|taking|doing)\s+"
                    r"(?:(?!through\b|with\b|for\b)[\w'’-]+\s+){0,4}(?:course|training|bootcamp|workshop|certificate|"
                    r"certification)\b", re.I)


#: An item that only names a role and its dates ("Senior Engineering Manager, Fernway · 2019 – 2021"): read for
#: years and span (``years``, ``scope``), evidence of no act on its own.
ROLE_LINE = re.compile(r"^[^.;:!?]{0,120}?(?:·|,|\(|-|–|—)\s*(?:since\s+)?(?:19|20)\d\d(?:\s*(?:–|—|-|to)\s*"
                       r"(?:(?:19|20)\d\d|now|present|today))?\)?\.?$", re.I)
#: Background outside the work a ladder asks (RULES.md section 1: languages, a degree, learning something).
BACKGROUND = re.compile(r"^\W*(?:(?:languages?|education|interests|hobbies|skills|certifications?)\s*:|"
                        r"(?:msc|m\.sc\.?|bsc|b\.sc\.?|ba|ma|phd|ph\.d\.?|mba|meng|beng|bachelor|master|diploma)\b|"
                        r"(?:i\s+am\s+|i'm\s+)?learning\b)", re.I)
#: Languages a person may list; an item naming two or more is a list of languages spoken, not an act.
LANGUAGES = frozenset("""english german french spanish italian portuguese dutch polish hungarian czech swedish
norwegian danish finnish greek turkish russian ukrainian arabic hebrew hindi urdu bengali mandarin cantonese
chinese japanese korean vietnamese thai indonesian swahili yoruba igbo hausa amharic""".split())


def is_background(text: str) -> bool:
    """Whether an item is a role line, a language list, a degree or something being learnt (``ROLE_LINE``,
    ``BACKGROUND``, two or more of ``LANGUAGES``): evidence of no act on the ladder by itself."""
    low = " ".join(text.split())
    named = {w.strip(".,;:()").lower() for w in low.split()} & LANGUAGES
    return bool(ROLE_LINE.match(low) or BACKGROUND.match(low) or len(named) >= 2)


class _Text:
    """A text standing in for an expectation where only ``statement.text`` is read (a part of one)."""

    def __init__(self, text: str):
        self.statement = self
        self.text = text


class _Analyzer:
    """Stemmed words without stop words, plus adjacent pairs: what TF-IDF counts; with ``groups``, also the
    names of the thesaurus groups its words belong to (``concepts``)."""

    def __init__(self, stop_words: frozenset[str], groups: bool = False):
        self.stop_words = stop_words
        self.groups = groups

    def __call__(self, text: str) -> list[str]:
        toks = [t for t in tokens(text) if t not in self.stop_words and len(t) >= T.ASSESS_MIN_TERM_CHARS]
        words = [stem(t) for t in toks]
        extra = sorted(concepts(toks)) if self.groups else []
        return words + [f"{a} {b}" for a, b in zip(words, words[1:])] + extra


def _competencies(items: Sequence[EvidenceItem], expectations: Sequence[Expectation]) -> tuple["np.ndarray",
                                                                                                "np.ndarray"]:
    """(agreement, allowed): the best shared competency score per cell, in [0, 1], and False where an item's
    competency tags exclude the expectation."""
    import numpy as np

    clf = default_classifier()
    item_comps = [{c: 1.0 for c in i.competencies} if i.competencies else
                  {c.competency: c.score for c in clf.predict_one(Statement(i.id, i.text, i.line, i.line))}
                  for i in items]
    exp_comps = [{c.competency: c.score for c in e.statement.competencies} for e in expectations]
    agree = np.zeros((len(items), len(expectations)))
    allowed = np.ones((len(items), len(expectations)), dtype=bool)
    for r, ic in enumerate(item_comps):
        for c, ec in enumerate(exp_comps):
            shared = [min(ic[k], ec[k]) for k in ic.keys() & ec.keys()]
            if shared:
                agree[r, c] = max(shared)
            elif items[r].competencies:
                allowed[r, c] = False  # a competency tag restricts what the item can match
    return agree, allowed


class LexicalMatcher:
    """Scores evidence items against expectations by words, in [0, 1].

    ``fit(expectations)`` learns the TF-IDF vocabulary and weights from the expectations' texts only
    (attribute ``vectorizer_``); ``score(items, expectations)`` returns an array of shape
    (len(items), len(expectations)): ``lexical_weight`` x TF-IDF cosine (stemmed words and word pairs)
    + the rest x competency agreement. ``lexical_weight`` None (the default) reads
    ``thresholds.ASSESS_LEXICAL_WEIGHT``.
    """

    min_shared_terms = 1
    concept_groups = False

    def __init__(self, lexical_weight: float | None = None):
        self.lexical_weight = lexical_weight

    def fit(self, expectations: Sequence[Expectation]) -> "LexicalMatcher":
        # imported here: scikit-learn takes seconds to import and only assessments need it
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

        texts = [e.statement.text for e in expectations] or [""]
        self.vectorizer_ = TfidfVectorizer(analyzer=_Analyzer(ENGLISH_STOP_WORDS, self.concept_groups),
                                           sublinear_tf=True)
        try:
            self.vectorizer_.fit(texts)
        except ValueError:  # no words at all: every cosine is 0
            self.vectorizer_ = None
        return self

    def _cosine(self, items: Sequence[EvidenceItem], expectations: Sequence[Expectation]) -> "np.ndarray":
        import numpy as np

        if not hasattr(self, "vectorizer_"):
            raise RuntimeError(f"{type(self).__name__} is not fitted; call fit() first")
        if self.vectorizer_ is None or not items or not expectations:
            return np.zeros((len(items), len(expectations)))
        a = self.vectorizer_.transform([i.text for i in items])
        b = self.vectorizer_.transform([e.statement.text for e in expectations])
        cosine = (a @ b.T).toarray()  # rows are L2-normalized: cosine
        if self.min_shared_terms > 1:
            shared = ((a > 0).astype(np.int32) @ (b > 0).astype(np.int32).T).toarray()
            cosine[shared < self.min_shared_terms] = 0.0
        return cosine

    def score(self, items: Sequence[EvidenceItem], expectations: Sequence[Expectation]) -> "np.ndarray":
        import numpy as np

        words = self._cosine(items, expectations)
        lexical = T.ASSESS_LEXICAL_WEIGHT if self.lexical_weight is None else self.lexical_weight
        out = lexical * words
        if items and expectations:
            agree, allowed = _competencies(items, expectations)
            out = np.where(allowed, out + (1.0 - lexical) * agree, 0.0)
        self.how_ = np.full(out.shape, "lexical", dtype=object)
        return np.clip(out, 0.0, 1.0)


def is_negative(text: str) -> bool:
    """Whether an item says something is missing: a negative cue among its first
    ``thresholds.ASSESS_NEGATION_WORDS`` words ("has never given a talk", "rarely in the room")."""
    low = " ".join(text.lower().split())
    words = [w.strip(".,;:!?()\"'") for w in low.replace("’", "'").split()[:T.ASSESS_NEGATION_WORDS]]
    return any(w in NEGATIVE_CUES or w.endswith("n't") for w in words)


def evidences_nothing(text: str) -> bool:
    """Whether an item is no evidence of doing anything: a negative remark (``is_negative``), an
    opening of intent ("I plan to speak..."), a course taken (``COURSE``) or background (``is_background``:
    a role line, languages, a degree; role lines still give years and span)."""
    low = " ".join(text.lower().split())
    return low.startswith(INTENT_OPENINGS) or bool(COURSE.search(low)) or is_negative(low) or is_background(text)


class HybridMatcher(LexicalMatcher):
    """Scores evidence items against expectations by meaning and words together, in [0, 1].

    A cell scores ``ASSESS_WORDS_WEIGHT`` x TF-IDF cosine (0 unless the two share ``ASSESS_MIN_SHARED_TERMS``
    stems, stem pairs or thesaurus groups: ``concepts``, "spoke at a conference" and "give talks" share
    ``=speaking``) + ``ASSESS_MEANING_WEIGHT`` x the meaning score: the larger of the centered
    embedding cosine and (word alignment - ``ASSESS_ALIGN_ZERO``) x ``ASSESS_ALIGN_SCALE`` (``wordalign``; below 0
    counts 0) + ``ASSESS_COMPETENCY_WEIGHT`` x competency agreement (all in
    ``thresholds``), 0 when the two share no words and the embedding cosine is below
    ``ASSESS_MEANING_ALONE``; a negative or intended item scores 0 everywhere, and an expectation it is about
    (it scores at least ``ASSESS_NEGATIVE_SCORE`` there and no other item scores more) is held at
    ``ASSESS_NEGATIVE_CAP``; an item keeps its
    ``ASSESS_ITEM_MAX_EXPECTATIONS`` best cells and any cell of at least ``ASSESS_ITEM_COVERS_SCORE``,
    the rest drop to 0. An expectation that asks years (``years.asks_years``) is scored from dates as of
    ``assessed_on`` (ISO date; ``assess`` sets it): 1 on the items the count used when met, halfway
    between the partly and met thresholds when partly, 0 otherwise; so is a headcount statement from the
    span (``scope.scope_verdict``), and a rank statement is limited by the rank of the reports
    (``scope.rank_limit``: the items naming a rank reached score ``ASSESS_RANK_SCORE``; one lower caps it
    at partly; none, 0). ``meaning=False`` keeps everything
    but the embeddings (to measure what they add); ``align=False`` keeps the sentence cosine alone (round 2).
    An expectation asking more than one group is partly at most when no director reports to the person
    (``scope.org_scope_limit``). Raises ``embed.ModelError`` when the model is missing.
    """

    def __init__(self, meaning: bool = True, assessed_on: str | None = None, align: bool = True):
        super().__init__(lexical_weight=1.0)
        self.min_shared_terms = T.ASSESS_MIN_SHARED_TERMS
        self.concept_groups = True
        self.meaning = meaning
        self.align = align
        self.assessed_on = assessed_on

    def fit(self, expectations: Sequence[Expectation]) -> "HybridMatcher":
        super().fit(expectations)
        self.expectation_vectors_ = self._vectors([e.statement.text for e in expectations])
        self.fitted_texts_ = [e.statement.text for e in expectations]
        return self

    def _vectors(self, texts: Sequence[str]) -> "np.ndarray | None":
        if not self.meaning:
            return None
        from ..embed import centered, embed

        return centered(embed(list(texts)))

    def _raw(self, items: Sequence[EvidenceItem], expectations: Sequence[Expectation], agree: "np.ndarray",
             how: "np.ndarray | None" = None) -> "np.ndarray":
        """Words, meaning and competency agreement together, before any rule (``how`` is marked in place)."""
        import numpy as np

        words = self._cosine(items, expectations)
        out = T.ASSESS_WORDS_WEIGHT * words + T.ASSESS_COMPETENCY_WEIGHT * agree
        if self.meaning:
            texts = [e.statement.text for e in expectations]
            exp_vectors = self.expectation_vectors_ if texts == getattr(self, "fitted_texts_", None) \
                else self._vectors(texts)
            cosine = self._vectors([i.text for i in items]) @ exp_vectors.T
            if self.align:  # words of like meaning, one by one: "spoke at" for "give talks" (assess.wordalign)
                from .wordalign import alignment

                aligned = alignment([i.text for i in items], texts)
                cosine = np.maximum(cosine, (aligned - T.ASSESS_ALIGN_ZERO) * T.ASSESS_ALIGN_SCALE)
            meaning = T.ASSESS_MEANING_WEIGHT * np.clip(cosine, 0.0, 1.0)
            if how is not None:
                how[meaning > T.ASSESS_WORDS_WEIGHT * words] = "meaning"
            out = out + meaning
            out[(words == 0) & (cosine < T.ASSESS_MEANING_ALONE)] = 0.0  # no shared words: the sense must agree
        return out

    def _parts_covered(self, items: Sequence[EvidenceItem], expectations: Sequence[Expectation],
                       agree: "np.ndarray", usable: "np.ndarray") -> "np.ndarray":
        """Per expectation, whether every act it asks (``parts``) is evidenced by some usable item."""
        import numpy as np

        texts, owner = [], []
        for c, e in enumerate(expectations):
            acts = parts(e.statement.text)
            if len(acts) > 1:
                texts += acts
                owner += [c] * len(acts)
        covered = np.ones(len(expectations), dtype=bool)
        if not texts:
            return covered
        shims = [_Text(t) for t in texts]
        scores = self._raw(items, shims, agree[:, owner]) * usable[:, owner]
        for p, c in enumerate(owner):
            covered[c] &= bool(scores[:, p].max() >= T.ASSESS_PART_SCORE)
        return covered

    def score(self, items: Sequence[EvidenceItem], expectations: Sequence[Expectation]) -> "np.ndarray":
        import numpy as np

        shape = (len(items), len(expectations))
        how = np.full(shape, "lexical", dtype=object)
        if not items or not expectations:
            self.how_ = how
            return np.zeros(shape)
        agree, allowed = _competencies(items, expectations)
        out = self._raw(items, expectations, agree, how)
        out = np.where(allowed, out, 0.0)
        negative = np.array([is_negative(i.text) for i in items])
        void = np.array([evidences_nothing(i.text) for i in items])
        if negative.any():  # a remark that something is missing is evidence against what it is about
            against = out[negative].max(axis=0)
            best_for = out[~void].max(axis=0) if (~void).any() else np.zeros(out.shape[1])
            vetoed = (against >= T.ASSESS_NEGATIVE_SCORE) & (against >= best_for * T.ASSESS_NEGATIVE_BEST_SHARE)
            out[:, vetoed] = np.minimum(out[:, vetoed], T.ASSESS_NEGATIVE_CAP)
        out[void, :] = 0.0
        if out.shape[1] > T.ASSESS_ITEM_MAX_EXPECTATIONS:
            rest = np.argsort(-out, axis=1, kind="stable")[:, T.ASSESS_ITEM_MAX_EXPECTATIONS:]  # ties: ladder order
            rows = np.arange(out.shape[0])[:, None]
            out[rows, rest] = np.where(out[rows, rest] >= T.ASSESS_ITEM_COVERS_SCORE, out[rows, rest], 0.0)
        usable = allowed & ~void[:, None]
        compound = ~self._parts_covered(items, expectations, agree, usable)  # one act of two shown: partly
        out[:, compound] = np.minimum(out[:, compound], (T.ASSESS_MET_SCORE + T.ASSESS_PARTLY_SCORE) / 2)
        out = np.clip(out, 0.0, 1.0)
        self._spans(out, how, items, expectations)
        self.how_ = how
        return out

    def _spans(self, out: "np.ndarray", how: "np.ndarray", items: Sequence[EvidenceItem],
               expectations: Sequence[Expectation]) -> None:
        """Expectations that ask years, a headcount or a rank of reports, judged from what all items say
        together (``years``, ``scope``): their columns of ``out`` and ``how`` are set in place."""
        import datetime as _dt

        import numpy as np

        on = self.assessed_on or _dt.date.today().isoformat()
        mid = (T.ASSESS_MET_SCORE + T.ASSESS_PARTLY_SCORE) / 2
        credit = {"met": 1.0, "partly": mid}
        ids = [i.id for i in items]
        for c, e in enumerate(expectations):
            text = e.statement.text
            if asks_years(text):
                verdict = years_verdict(text, items, on)
                used = {i.id for i in verdict.items}
                out[:, c] = [credit.get(verdict.status, 0.0) if i in used else 0.0 for i in ids]
                how[:, c] = "dates"
                continue
            scope = scope_verdict(text, items)
            if scope is not None:
                out[:, c] = [credit.get(scope.status, 0.0) if i in scope.items else 0.0 for i in ids]
                how[:, c] = "span"
                continue
            if "partly" in (org_scope_limit(text, items), exec_limit(text, items)):  # the act from a smaller seat
                out[:, c] = np.minimum(out[:, c], mid)
            limit = rank_limit(text, items)
            if limit is None:
                continue
            status, naming = limit
            rows = [r for r, i in enumerate(ids) if i in naming]
            if status == "not_evidenced":
                out[:, c] = 0.0
                continue
            if status == "partly":
                out[:, c] = np.minimum(out[:, c], mid)
            floor = T.ASSESS_RANK_SCORE if status == "met" else mid
            raise_ = [r for r in rows if out[r, c] < floor]
            out[raise_, c] = floor
            how[raise_, c] = "span"


__all__ = ["LexicalMatcher", "HybridMatcher", "is_negative", "evidences_nothing", "is_background", "NEGATIVE_CUES",
           "INTENT_OPENINGS", "COURSE", "ROLE_LINE", "BACKGROUND", "LANGUAGES"]
