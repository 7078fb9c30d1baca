"""YAML with the line of every value: what a ladder kept as YAML needs to give each level and each
expectation its source line.

``load(text, source)`` composes the YAML (``yaml.compose`` with the safe loader: no object is
ever constructed, whatever the tags say) and gives plain values that remember where they start:
``Text`` (every scalar, as written: ``3`` is ``"3"``), ``Map`` (a mapping, keys are ``Text``) and
``Seq`` (a list), each with ``line`` (1-based; a block scalar's first line of text). Limits as for
front matter (``thresholds.MAX_MARKUP_DEPTH``, ``thresholds.MAX_METADATA_VALUES``: aliases cannot
expand a short file into millions of values), and ``thresholds.MAX_LADDER_YAML_CHARS``.

>>> doc = load("company: Acme\\ntracks:\\n  - name: management\\n    note: |\\n      two\\n", "x.yaml")
>>> doc["tracks"][0]["name"], doc["tracks"][0]["name"].line, doc["tracks"][0]["note"].line
('management', 3, 5)
"""

from __future__ import annotations

import yaml

from .. import thresholds
from ..errors import LimitError, ReadError
from .frontmatter import flow_depth


class Text(str):
    """A YAML scalar as written, with ``line``."""

    line: int

    def __new__(cls, value: str, line: int) -> "Text":
        self = super().__new__(cls, value)
        self.line = line
        return self


class Map(dict):
    """A YAML mapping (``Text`` keys), with ``line``."""

    line: int = 0


class Seq(list):
    """A YAML list, with ``line``."""

    line: int = 0


def _line(node: yaml.Node) -> int:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        line += 1  # the text of a block scalar starts under its indicator
    return line


def _convert(node: yaml.Node, budget: list[int], depth: int):
    budget[0] -= 1
    if budget[0] < 0:
        raise LimitError(f"YAML expands to more than {thresholds.MAX_METADATA_VALUES} values (aliases?)")
    if depth > thresholds.MAX_MARKUP_DEPTH:
        raise LimitError(f"YAML nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels (or refers to itself)")
    if isinstance(node, yaml.MappingNode):
        out = Map()
        out.line = _line(node)
        for key, value in node.value:
            name = _convert(key, budget, depth + 1)
            out[Text(str(name), _line(key))] = _convert(value, budget, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = Seq(_convert(v, budget, depth + 1) for v in node.value)
        seq.line = _line(node)
        return seq
    value = node.value if node.tag != "tag:yaml.org,2002:null" else ""
    return Text(str(value), _line(node))


def load(text: str, source: str):
    """The YAML document in ``text`` as ``Map``/``Seq``/``Text`` values (None for an empty document).

    Raises ``ReadError`` naming the line of a syntax error, ``LimitError`` when the YAML nests too
    deeply or expands too far, or is longer than ``thresholds.MAX_LADDER_YAML_CHARS``."""
    if len(text) > thresholds.MAX_LADDER_YAML_CHARS:
        raise LimitError(f"YAML of {len(text)} characters, over the {thresholds.MAX_LADDER_YAML_CHARS}-character "
                         "limit for a ladder", source)
    if flow_depth(text) > thresholds.MAX_MARKUP_DEPTH:  # PyYAML's scanner is quadratic in it
        raise LimitError(f"YAML nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels", source)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(f"broken YAML: {' '.join(problem.split())}", source,
                        mark.line + 1 if mark is not None else None) from exc
    except RecursionError as exc:
        raise LimitError(f"YAML nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels", source) from exc
    if node is None:
        return None
    try:
        return _convert(node, [thresholds.MAX_METADATA_VALUES], 0)
    except LimitError as exc:
        raise LimitError(exc.message, source) from exc
    except RecursionError as exc:
        raise LimitError(f"YAML nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels", source) from exc


__all__ = ["Map", "Seq", "Text", "load"]
