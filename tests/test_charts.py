"""Charts: pygal SVG with no script, no comment and no link leaving the document; text escaped; PNG on demand."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from careerladder import thresholds
from careerladder.competencies import IDS
from careerladder.render import charts

HOSTILE = "Director <script>alert(1)</script> & <img src=x onerror=alert(2)>"


def _elements(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@pytest.mark.parametrize("make", [
    lambda: charts.radar_svg([(HOSTILE, {"hiring": 3, "strategy": 1}), ("VP", {"budget_business": 2})],
                             title=HOSTILE),
    lambda: charts.matrix_svg([(HOSTILE, {"hiring": 3}), ("VP", {"strategy": 4})], title=HOSTILE),
], ids=["radar", "matrix"])
def test_chart_svg_is_inert_and_escapes_document_text(make):
    svg = make()
    elements = _elements(svg)  # well-formed XML
    tags = {_local(e.tag) for e in elements}
    assert "script" not in tags and "foreignObject" not in tags
    for e in elements:
        for name, value in e.attrib.items():
            assert not _local(name).lower().startswith("on"), (e.tag, name)
            if _local(name) == "href":
                assert value.startswith("#"), value
    assert "<!--" not in svg, "pygal's comments (with its URLs) are removed"
    assert "kozea" not in svg.lower() and "pygal.org" not in svg
    # the hostile text is there, as text: escaped in the markup, intact once parsed
    assert "&lt;script&gt;" in svg and "<script" not in svg
    texts = " ".join(e.text or "" for e in elements)
    assert "Director <script>alert(1)</script>" in texts
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_radar_has_an_accessible_name_and_a_reading_of_its_data():
    svg = charts.radar_svg([("Engineering Manager", {"people_management": 4, "hiring": 1})], title="EM coverage")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "EM coverage"
    desc = next(e for e in root.iter() if _local(e.tag) == "desc").text
    assert desc == "Engineering Manager: People management 4, Hiring 1."


def test_radar_draws_one_axis_per_competency_and_keeps_the_given_scale():
    svg = charts.radar_svg([("A", {"hiring": 2})], max_value=9, legend=False)
    labels = [e.text for e in ET.fromstring(svg).iter() if _local(e.tag) == "text"]
    for comp in IDS:
        assert charts.axis_label(comp) in labels
    assert "10" in labels and "2" in labels, "the radial scale runs past the fixed maximum, not to the data's"
    assert labels == [e.text for e in ET.fromstring(charts.radar_svg([("B", {"culture": 7})], max_value=9,
                                                                     legend=False)).iter() if _local(e.tag) == "text"]


def test_png_export_renders_the_svg():
    svg = charts.matrix_svg([("EM", {"hiring": 1}), ("Director", {"strategy": 3})], title="Acme")
    png = charts.svg_to_png(svg)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width == thresholds.MATRIX_WIDTH


def test_coverage_description_names_empty_roles():
    assert charts.coverage_description([("X", {})]) == "X: no classified expectations."
