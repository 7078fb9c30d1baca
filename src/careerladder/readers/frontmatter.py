"""YAML front matter: split it off, load it safely, make it JSON-safe.

Loading never constructs objects: unknown tags (``!ruby/object``, ``!!python/...``)
load as the plain mapping, list or string they tag; ``!!timestamp`` and dates
become ISO-8601 strings. Front matter that nests deeper than
``thresholds.MAX_MARKUP_DEPTH``, refers to itself, expands (through aliases) to
more than ``thresholds.MAX_METADATA_VALUES`` values or is longer than
``thresholds.MAX_FRONT_MATTER_CHARS`` is refused with ``LimitError``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import frontmatter as _frontmatter
import yaml

from .. import thresholds
from ..errors import LimitError, ReadError


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


#: What a YAML constructor raises on a value its tag cannot hold (``!!float x``, ``!!bool maybe``,
#: ``!!timestamp nonsense``); PyYAML lets these escape instead of a ``YAMLError``.
_CONSTRUCTOR_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError)


def json_safe(value: Any) -> Any:
    """``value`` with dates as ISO strings, tuples as lists, other objects as ``str``, and
    strings UTF-8 can encode (lone surrogates become U+FFFD).

    Raises ``LimitError`` (without a file name) when ``value`` nests deeper than
    ``thresholds.MAX_MARKUP_DEPTH`` (a value that contains itself does) or holds more than
    ``thresholds.MAX_METADATA_VALUES`` values (YAML aliases can expand a short text into millions).
    """
    return _json_safe(value, [thresholds.MAX_METADATA_VALUES], 0)


def _json_safe(value: Any, budget: list[int], depth: int) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise LimitError(f"front matter expands to more than {thresholds.MAX_METADATA_VALUES} values "
                         "(YAML aliases?)")
    if depth > thresholds.MAX_MARKUP_DEPTH:
        raise LimitError(f"front matter nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels "
                         "(or refers to itself)")
    if isinstance(value, str):
        return _encodable(value)
    if isinstance(value, dict):
        return {_encodable(str(k)): _json_safe(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_json_safe(v, budget, depth + 1) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _encodable(text: str) -> str:
    """``text`` that UTF-8 can hold: escaped surrogate pairs (YAML/JSON ``"\\ud83d\\ude00"``) joined,
    lone surrogates replaced by U+FFFD (a database or file refuses them)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def load_yaml(text: str, source: str, first_line: int = 1) -> Any:
    """Parse YAML safely into JSON-safe values.

    Raises ``ReadError`` naming the line on a syntax error or a value its tag cannot
    hold (``!!float x``), ``LimitError`` when the text is too long, nests too deeply or
    expands too far (see the module docstring).
    """
    if len(text) > thresholds.MAX_FRONT_MATTER_CHARS:
        raise LimitError(f"front matter of {len(text)} characters, over the "
                         f"{thresholds.MAX_FRONT_MATTER_CHARS}-character limit", source, first_line)
    if flow_depth(text) > thresholds.MAX_MARKUP_DEPTH:  # PyYAML's scanner is quadratic in it
        raise LimitError(f"front matter nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels",
                         source, first_line)
    try:
        return json_safe(yaml.load(text, Loader=_TolerantSafeLoader))  # noqa: S506 - safe subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(f"broken YAML front matter: {' '.join(problem.split())}", source, line) from exc
    except _CONSTRUCTOR_ERRORS as exc:
        raise ReadError(f"broken YAML front matter: a tagged value cannot be read "
                        f"({type(exc).__name__})", source, first_line) from exc
    except RecursionError as exc:
        raise LimitError(f"front matter nests deeper than {thresholds.MAX_MARKUP_DEPTH} levels",
                         source, first_line) from exc
    except LimitError as exc:
        raise LimitError(exc.message, source, first_line) from exc


def flow_depth(text: str) -> int:
    """Deepest nesting of ``[``/``{`` in ``text`` (brackets inside quotes count too: an upper bound)."""
    if text.count("[") + text.count("{") <= thresholds.MAX_MARKUP_DEPTH:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return deepest


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
    for i, line in enumerate(lines[:thresholds.HEADERLESS_FRONT_MATTER_MAX_LINES]):
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
            meta = load_yaml(fm, source)
        except ReadError:  # not front matter after all (or too odd to be): the text is the body
            return {}, text, 1
        if not isinstance(meta, dict) or len(meta) < thresholds.HEADERLESS_FRONT_MATTER_MIN_KEYS:
            return {}, text, 1
        body_line = fm.count("\n") + 3
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(f"broken front matter: expected key: value pairs, got {type(meta).__name__}",
                        source, 1)
    return meta, body, body_line
