"""Hacker News API items: ``{"id", "by", "time", "text"}`` as the HN API serves them (``format="hn_item"``).

An item alone, a JSON list or JSON Lines of items, or the items under a key of a bigger object
(``{"jobs": [...]}``, as job scrapers save a run). A configuration of the generic export reader
(``readers.exports``): the ``text`` is comment HTML read like the HN posts already supported
(``readers.hn``: the first line ``Company | Role | Location | REMOTE`` gives the title, company,
location and remote; ``<pre>`` blocks are lists); an item with a ``title`` (a job story) keeps it.
``fragment`` is the item ``id``; ``metadata`` keeps ``by`` as ``user``, the ``time`` (Unix seconds)
as ``date`` (ISO, UTC), the item's ``url`` (the HN page when the item has none) and every other
field. Deleted or dead items and items without text are skipped and counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from ..model import Block
from .exports import RecordsReader, head_keys
from .fields import Choice
from .hn import comment_blocks

#: Keys that make a record an HN API item.
ITEM_KEYS = frozenset({"by", "time", "text"})
ITEM_URL = "https://news.ycombinator.com/item?id="


class HNItemReader(RecordsReader):
    """HN API items (``{id, by, time, text}``), alone, in a list, in JSON Lines or under a key."""

    name = "hn_item"
    what = "HN items"
    fixed = Choice((("title", "title"), ("text", "text"), ("date", "time"), ("id", "id")))

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        return 0.97 if start.startswith(("[", "{")) and ITEM_KEYS <= head_keys(head) else 0.0

    def blocks(self, value: str, line: int, hn_post: bool) -> list[Block]:
        if "<" in value and ">" in value:
            return comment_blocks(value, line, locate=False)
        return super().blocks(value, line, hn_post)

    def metadata(self, meta: dict[str, Any], rec: Mapping, record, container: str, source: str) -> dict[str, Any]:
        meta["user"] = meta.pop("by", None)
        meta.pop("time", None)  # kept as "date"
        if not meta.get("url") and rec.get("id") is not None:
            meta["url"] = f"{ITEM_URL}{rec['id']}"
        meta["record_line"] = record.line
        return meta
