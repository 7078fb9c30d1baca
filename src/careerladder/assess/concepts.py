"""Words that name the same act in a career ladder and in evidence, grouped (our own small thesaurus).

A promotion committee reads "spoke at a conference" as giving talks and "recruited six engineers" as hiring
(``benchmarks/assessment/RULES.md`` section 1: the meaning counts, not the words). The word matcher of
``HybridMatcher`` counts a group's name as a term of every text holding one of its words, so the two
share a term. The groups were written from what engineering-leadership ladders ask, one per act, not from
the evaluation labels. Pure: no I/O.

>>> sorted(concepts(["spoke", "at", "two", "podcasts"]))
['=speaking']
"""

from __future__ import annotations

from typing import Iterable

#: Act -> the words (lower case, as ``extract.grammar.tokens`` gives them) that name it.
GROUPS: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "speaking": "talk talks spoke speak speaks speaking speaker conference conferences podcast podcasts meetup "
                "meetups keynote spoken present presented presenting presentation presentations",
    "hiring": "hire hires hired hiring recruit recruits recruited recruiting recruitment interview interviews "
              "interviewed interviewing",
    "reliability": "reliability slo slos sla slas uptime availability outage outages incident incidents "
                   "postmortem postmortems error-budget",
    "spend": "budget budgets cost costs spend spending bill",
    "writing": "written writing wrote write writes memo update updates explainer",
    "reorganising": "reorganised reorganized reorganise reorganize reorg restructure restructured restructuring "
                    "boundaries",
    "growing-people": "grew promoted promotion promotions mentor mentored coach coached coaching successor",
    "architecture": "architecture architectural architect architects monolith design designs",
    "executives": "ceo cfo cpo cto board executive executives exec",
}.items()}

_BY_WORD: dict[str, tuple[str, ...]] = {}
for _name, _words in GROUPS.items():
    for _w in _words:
        _BY_WORD[_w] = _BY_WORD.get(_w, ()) + (f"={_name}",)


def concepts(words: Iterable[str]) -> set[str]:
    """The group terms ("=hiring") the ``words`` name."""
    return {c for w in words for c in _BY_WORD.get(w, ())}


__all__ = ["GROUPS", "concepts"]
