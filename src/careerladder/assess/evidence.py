"""Evidence files for an assessment: who, against which level, and what they did.

Three formats, all read into one ``EvidenceFile`` (see ``docs/assess.md``):

- **Markdown** with optional YAML front matter (``person``, ``ladder``,
  ``level``, ``perspective``, ``date``): every bullet, numbered item,
  paragraph and table row of the body is one evidence item; headings and
  block quotes (``> a note``) are not.
- **YAML** (``.yaml``/``.yml``): the same keys plus ``evidence:``, a list of
  strings or of mappings ``{text, date, competency, expectation}``.
- **Plain text** (a résumé or "brag document"): every paragraph and bullet is
  one evidence item.

An item's text may open with bracketed tags: ``[2025-11-04]`` (a date,
YYYY-MM-DD), ``[hiring]`` or ``[competency: hiring]`` (a competency id or
name, ``careerladder.competencies``), ``[expectation: <statement id>]`` (or a
bare statement id such as ``[003_e49c1f1394c4b8c3.txt:12]``). Tags are
syntax, read without regular expressions.

>>> ev = parse_evidence("---\\nperson: Ada\\n---\\n- [2025-11-04] [hiring] Hired two managers.\\n", "ada.md")
>>> ev.person, ev.items[0].line, ev.items[0].date, ev.items[0].competencies, ev.items[0].text
('Ada', 4, '2025-11-04', ('hiring',), 'Hired two managers.')

Every problem raises ``errors.EvidenceError`` naming the file and the line.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..competencies import BY_ID, COMPETENCIES
from ..errors import EvidenceError, ReadError
from ..readers import read_text
from ..readers.base import content_hash, decode, read_bytes
from ..vocab import normalize

#: Who wrote the evidence.
PERSPECTIVES: tuple[str, ...] = ("self", "manager", "peer")
#: Keys an evidence file's front matter (or YAML top level) may hold.
HEADER_KEYS: tuple[str, ...] = ("person", "ladder", "level", "perspective", "date")
#: Keys one YAML evidence item may hold.
ITEM_KEYS: tuple[str, ...] = ("text", "date", "competency", "expectation")
YAML_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
#: Tag keys (``[key: value]``) and what they set.
TAG_KEYS: dict[str, str] = {"date": "date", "competency": "competency", "comp": "competency",
                            "expectation": "expectation", "exp": "expectation"}
#: Block kinds of the readers that become evidence items (headings and ``> notes`` do not).
ITEM_BLOCKS = frozenset({"paragraph", "item", "row"})

_COMPETENCY_NAMES = {normalize(c.id): c.id for c in COMPETENCIES} | {normalize(c.name): c.id for c in COMPETENCIES}


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One piece of evidence: ``id`` (``e1``, ``e2``... in file order), ``text`` without its
    tags, ``line`` (1-based source line), ``date`` (ISO ``YYYY-MM-DD`` or None),
    ``competencies`` (competency ids it is tagged with: restricts what it can match),
    ``expectations`` (statement ids or quoted expectation texts it is tagged with, as written)."""

    id: str
    text: str
    line: int
    date: str | None = None
    competencies: tuple[str, ...] = ()
    expectations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A person's evidence for one level.

    ``source``: the file as named; ``format``: ``markdown``, ``yaml`` or ``text``;
    ``person``/``ladder``/``level``/``date``: from the header, None when absent
    (``ladder`` is a path relative to the file's folder, ``level`` a role id or title);
    ``perspective``: one of ``PERSPECTIVES`` (``self`` by default); ``items``: at least one;
    ``content_hash``: sha256 of the text.
    """

    source: str
    format: str
    items: tuple[EvidenceItem, ...]
    content_hash: str
    person: str | None = None
    ladder: str | None = None
    level: str | None = None
    perspective: str = "self"
    date: str | None = None


def read_evidence(path: Path | str, source: str | None = None) -> EvidenceFile:
    """The evidence file at ``path`` (format by suffix, then content).

    Raises ``EvidenceError`` (file and line) when it is missing, empty, binary or malformed.
    """
    path = Path(path)
    source = source or str(path)
    try:
        text = decode(read_bytes(path, source), source)
    except ReadError as exc:
        raise EvidenceError(exc.message, source, exc.line or 1) from exc
    fmt = "yaml" if path.suffix.lower() in YAML_SUFFIXES else None
    return parse_evidence(text, source, fmt=fmt)


def parse_evidence(text: str, source: str, *, fmt: str | None = None) -> EvidenceFile:
    """Evidence from ``text`` (``fmt``: ``yaml``, or None for Markdown / plain text by content).

    Also what the web app calls for pasted evidence. Raises ``EvidenceError`` naming
    ``source`` and the line on empty input, broken YAML, unknown keys or tags, bad dates
    and files without a single evidence item.
    """
    if not text.strip():
        raise EvidenceError("empty evidence file", source, 1)
    if fmt == "yaml" or (fmt is None and source.lower().endswith(YAML_SUFFIXES)):
        header, items = _parse_yaml(text, source)
        fmt = "yaml"
    else:
        header, items, fmt = _parse_prose(text, source)
    if not items:
        raise EvidenceError("no evidence items: add bullets or paragraphs saying what was done",
                            source, max(1, len(text.splitlines())))
    perspective = header.get("perspective") or "self"
    return EvidenceFile(source, fmt, tuple(items), content_hash(text), person=header.get("person"),
                        ladder=header.get("ladder"), level=header.get("level"), perspective=perspective,
                        date=header.get("date"))


# -- header -------------------------------------------------------------------
def _key_line(lines: list[str], key: str, default: int) -> int:
    for i, line in enumerate(lines):
        if line.split(":", 1)[0].strip() == key:
            return i + 1
    return default


def _header(meta: dict[str, Any], source: str, lines: list[str]) -> dict[str, str]:
    """Validated header values as strings; unknown keys and bad values raise ``EvidenceError``."""
    out: dict[str, str] = {}
    for key, value in meta.items():
        line = _key_line(lines, str(key), 1)
        if key not in HEADER_KEYS:
            raise EvidenceError(f"unknown key {key!r} (known: {', '.join(HEADER_KEYS)})", source, line)
        if value is None or value == "":
            continue
        if isinstance(value, (dict, list)):
            raise EvidenceError(f"{key!r} must be a single value, not a {type(value).__name__}", source, line)
        value = _iso(value) if key == "date" else str(value).strip()
        if key == "date":
            value = _date(value, source, line)
        if key == "perspective" and value not in PERSPECTIVES:
            raise EvidenceError(f"perspective {value!r} is not one of {', '.join(PERSPECTIVES)}", source, line)
        out[key] = value
    return out


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (_dt.date, _dt.datetime)) else str(value).strip()


def _date(value: str, source: str, line: int) -> str:
    try:
        return _dt.date.fromisoformat(value[:10] if len(value) > 10 and value[10] in "T " else value).isoformat()
    except ValueError:
        raise EvidenceError(f"date {value!r} is not a date (use YYYY-MM-DD)", source, line) from None


# -- Markdown and plain text ------------------------------------------------------
def _parse_prose(text: str, source: str) -> tuple[dict[str, str], list[EvidenceItem], str]:
    try:
        docs = read_text(text, source, Path(source))
    except ReadError as exc:
        raise EvidenceError(exc.message, source, exc.line or 1) from exc
    meta = dict(docs[0].metadata) if docs else {}
    header = _header(meta, source, text.splitlines()) if meta else {}
    items: list[EvidenceItem] = []
    for doc in docs:
        for block in doc.blocks:
            if block.kind not in ITEM_BLOCKS:
                continue
            body = " ".join(block.text.split())
            if block.label and not body.startswith(block.label):
                body = f"{block.label}: {body}"
            item = _tagged(body, block.line, len(items) + 1, source)
            if item is not None:
                items.append(item)
    fmt = "markdown" if meta or Path(source).suffix.lower() in MARKDOWN_SUFFIXES else "text"
    return header, items, fmt


def _tagged(body: str, line: int, n: int, source: str) -> EvidenceItem | None:
    """An item from text that may open with ``[tag]`` groups; None when only tags remain."""
    tags: list[str] = []
    rest = body.strip()
    while rest.startswith("["):
        end = rest.find("]")
        if end < 0 or rest[end + 1:end + 2] == "(":
            break
        tags.append(rest[1:end].strip())
        rest = rest[end + 1:].lstrip(" :-–—").strip()
    fields: dict[str, list[str]] = {"date": [], "competency": [], "expectation": []}
    for tag in tags:
        kind, value = _tag(tag, source, line)
        fields[kind].append(value)
    if len(fields["date"]) > 1:
        raise EvidenceError(f"more than one date tag ({', '.join(fields['date'])})", source, line)
    if not rest:
        if tags:
            raise EvidenceError("evidence item has tags but no text", source, line)
        return None
    return EvidenceItem(f"e{n}", rest, line, fields["date"][0] if fields["date"] else None,
                        tuple(dict.fromkeys(fields["competency"])), tuple(dict.fromkeys(fields["expectation"])))


def _tag(tag: str, source: str, line: int) -> tuple[str, str]:
    """(kind, value) of one tag: ``date``, ``competency`` or ``expectation``."""
    key, sep, value = tag.partition(":")
    kind = TAG_KEYS.get(key.strip().lower()) if sep else None
    if kind is None:
        value = tag
        if _is_date(tag):
            kind = "date"
        elif normalize(tag) in _COMPETENCY_NAMES:
            kind = "competency"
        elif ":" in tag and tag.rsplit(":", 1)[1].strip().isdigit():
            kind = "expectation"
        else:
            raise EvidenceError(f"unknown tag [{tag}]: use [YYYY-MM-DD], a competency such as [hiring] "
                                f"or [expectation: <statement id>]", source, line)
    value = value.strip()
    if not value:
        raise EvidenceError(f"tag [{tag}] has no value", source, line)
    if kind == "date":
        value = _date(value, source, line)
    elif kind == "competency":
        value = _competency(value, source, line)
    return kind, value


def _is_date(text: str) -> bool:
    parts = text.strip().split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4


def _competency(value: str, source: str, line: int) -> str:
    cid = _COMPETENCY_NAMES.get(normalize(value))
    if cid is None:
        raise EvidenceError(f"unknown competency {value!r} (known: {', '.join(BY_ID)})", source, line)
    return cid


# -- YAML -------------------------------------------------------------------------
def _parse_yaml(text: str, source: str) -> tuple[dict[str, str], list[EvidenceItem]]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise EvidenceError(f"broken YAML: {problem}", source, mark.line + 1 if mark else 1) from exc
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise EvidenceError("expected a mapping with person, level and an 'evidence' list", source, 1)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in root.value}
    nodes = {str(k.value): v for k, v in root.value}
    raw_items = data.pop("evidence", None)
    header = _header(data, source, text.splitlines())
    node = nodes.get("evidence")
    if raw_items is None or node is None:
        raise EvidenceError("no 'evidence' list", source, lines.get("evidence", 1))
    if not isinstance(raw_items, list) or not isinstance(node, yaml.SequenceNode):
        raise EvidenceError("'evidence' must be a list of items", source, lines["evidence"])
    items = []
    for raw, item_node in zip(raw_items, node.value):
        line = item_node.start_mark.line + 1
        item = _yaml_item(raw, item_node, line, len(items) + 1, source)
        if item is not None:
            items.append(item)
    return header, items


def _yaml_item(raw: Any, node: yaml.Node, line: int, n: int, source: str) -> EvidenceItem | None:
    if isinstance(raw, str):
        return _tagged(" ".join(raw.split()), line, n, source)
    if not isinstance(raw, dict):
        raise EvidenceError(f"an evidence item must be text or a mapping, not {type(raw).__name__}", source, line)
    key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) \
        else {}
    for key in raw:
        if key not in ITEM_KEYS:
            raise EvidenceError(f"unknown item key {key!r} (known: {', '.join(ITEM_KEYS)})", source,
                                key_lines.get(str(key), line))
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EvidenceError("evidence item has no 'text'", source, line)
    item = _tagged(" ".join(text.split()), key_lines.get("text", line), n, source)
    assert item is not None
    date = item.date
    if raw.get("date") is not None:
        date = _date(_iso(raw["date"]), source, key_lines.get("date", line))
    comps = list(item.competencies)
    for value in _listed(raw.get("competency")):
        comps.append(_competency(value, source, key_lines.get("competency", line)))
    exps = list(item.expectations) + [v.strip() for v in _listed(raw.get("expectation")) if v.strip()]
    return EvidenceItem(item.id, item.text, line, date, tuple(dict.fromkeys(comps)), tuple(dict.fromkeys(exps)))


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


__all__ = ["EvidenceItem", "EvidenceFile", "read_evidence", "parse_evidence", "PERSPECTIVES"]
