"""YAML front matter: split it off, load it safely, make it JSON-safe.

Loading never constructs objects: unknown tags (``!ruby/object``, ``!!python/...``)
load as the plain mapping, list or string they tag; ``!!timestamp`` and dates
become ISO-8601 strings.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import frontmatter as _frontmatter
import yaml

from ..errors import ReadError


class _TolerantSafeLoader(yaml.SafeLoader):
    """SafeLoader that reads any unknown tag as the plain node under it."""


def _plain(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_TolerantSafeLoader.add_multi_constructor("!", _plain)
_TolerantSafeLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


def json_safe(value: Any) -> Any:
    """``value`` with dates as ISO strings, tuples as lists, other objects as ``str``."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [json_safe(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def load_yaml(text: str, source: str, first_line: int = 1) -> Any:
    """Parse YAML safely; ``ReadError`` naming the line on a syntax error."""
    try:
        return json_safe(yaml.load(text, Loader=_TolerantSafeLoader))  # noqa: S506 - safe subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(f"broken YAML front matter: {problem}", source, line) from exc


_HANDLER = _frontmatter.YAMLHandler()


def has_front_matter(text: str) -> bool:
    """True when ``text`` opens with a ``---`` front-matter fence."""
    return _HANDLER.detect(text.lstrip("\ufeff"))


def _headerless_split(text: str) -> tuple[str, str] | None:
    """``key: value`` lines closed by a ``---`` line but never opened by one (pythonjobs)."""
    first = text.split("\n", 1)[0]
    if ":" not in first or first.startswith((" ", "#", "<", "-", "{", "[")):
        return None
    key = first.split(":", 1)[0]
    if not key.replace("_", "").replace("-", "").isalnum():
        return None
    lines = text.split("\n")
    for i, line in enumerate(lines[:200]):
        if line.rstrip() == "---":
            return "\n".join(lines[:i]), "\n".join(lines[i + 1:])
    return None


def split(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """Split ``text`` into (metadata, body, line number of the body's first line).

    No front matter: ``({}, text, 1)``. Front matter that is not a mapping or
    does not parse raises ``ReadError`` naming the file and line.
    """
    text = text.lstrip("\ufeff")
    if has_front_matter(text):
        try:
            fm, body = _HANDLER.split(text)
        except ValueError as exc:
            raise ReadError("broken front matter: opening '---' is never closed", source, 1) from exc
        meta = load_yaml(fm, source, first_line=2)
        fm_end = len(text) - len(body) if text.endswith(body) else len(text)
        body_line = text[:fm_end].count("\n") + 1
    else:
        parts = _headerless_split(text)
        if parts is None:
            return {}, text, 1
        fm, body = parts
        try:
            meta = json_safe(yaml.load(fm, Loader=_TolerantSafeLoader))  # noqa: S506
        except yaml.YAMLError:
            return {}, text, 1
        if not isinstance(meta, dict) or len(meta) < 2:
            return {}, text, 1
        body_line = fm.count("\n") + 3
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(f"broken front matter: expected key: value pairs, got {type(meta).__name__}",
                        source, 1)
    return meta, body, body_line
