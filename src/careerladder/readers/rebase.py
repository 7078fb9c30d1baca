"""rebase-network "who is hiring" issues: one JSON file per GitHub issue.

::

    {"repo": "...", "issue_number": 7,
     "raw_source": {"title": "[远程] 示例科技 诚聘 后端工程师 薪水 20-30K", "body": "## 公司介绍\\r\\n...",
                    "labels": [], "state": "open", "created_at": "...", "author": "...", ...},
     "normalized": {...}, "rich": {...}}

Only ``raw_source`` is read: it is the poster's own words. ``normalized`` and
``rich`` were made later by other tools and are ignored, as are the issue's
comments (bot replies). The body is Markdown (often Chinese, ``\\r\\n`` line ends)
read with ``markdown_blocks``; every block carries the line of the ``"body"`` field
(the text is one JSON string), after the title as a level-1 heading at the line of the
``"title"`` field (``records.posting``).

The title follows the board's template ``[地点] 公司 诚聘 职位 薪水 …`` ("[place]
company is hiring role, salary …"): leading ``[...]``/``【...】`` groups give
``location``; text before ``诚聘`` (or ``招聘``) gives the organization (a trailing
``公司`` "company" dropped; posters sometimes give a description such as "a top
exchange" instead of a name, kept as written); text after it, up to ``薪水``/``薪资``
("salary"), gives the title, the rest ``salary``. A title without the marker is the
title as written (without the place group) and no organization. An issue with an
empty body is a title-only posting (its title as the only block).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import ReadError
from ..model import Document
from .markdown import markdown_blocks
from .records import pin_lines, posting, text_of

RAW = "raw_source"
HIRING_MARKERS = ("诚聘", "招聘")
SALARY_MARKERS = ("薪水", "薪资", "薪酬")
COMPANY_SUFFIX = "公司"
BRACKETS = (("[", "]"), ("【", "】"))
KEPT = ("number", "url", "state", "created_at", "updated_at", "closed_at", "author")


def split_title(title: str) -> dict[str, str | None]:
    """``{"location", "organization", "role", "salary"}`` from an issue title (see module docstring)."""
    rest = title.strip()
    places = []
    while rest:
        pair = next(((o, c) for o, c in BRACKETS if rest.startswith(o)), None)
        end = rest.find(pair[1]) if pair else -1
        if end < 0:
            break
        places.append(rest[1:end].strip())
        rest = rest[end + 1:].strip()
    out: dict[str, str | None] = {"location": " / ".join(p for p in places if p) or None,
                                  "organization": None, "role": rest or None, "salary": None}
    marker = next((m for m in HIRING_MARKERS if m in rest), None)
    if marker:
        before, _, after = rest.partition(marker)
        before = before.strip()
        if before.endswith(COMPANY_SUFFIX) and len(before) > len(COMPANY_SUFFIX):
            before = before[:-len(COMPANY_SUFFIX)].strip()
        out["organization"] = before or None
        out["role"] = after.strip(" ：:") or rest
    role = out["role"] or ""
    marks = [(role.find(m), m) for m in SALARY_MARKERS if m in role]
    if marks:
        cut_at, mark = min(marks)
        if cut_at > 0:
            out["salary"] = role[cut_at + len(mark):].strip(" ：:") or None
            out["role"] = role[:cut_at].strip()
    return out


def _labels(value: Any) -> list[str]:
    names = []
    for label in value if isinstance(value, list) else []:
        name = label.get("name") if isinstance(label, dict) else label
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


class RebaseIssueReader:
    """One rebase-network issue file (``raw_source`` with ``title`` and ``body``)."""

    name = "rebase_issue"

    def sniff(self, path: Path, head: str) -> float:
        start = head.lstrip("\ufeff \t\r\n")
        return 0.97 if start.startswith("{") and f'"{RAW}"' in head else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(f"broken JSON: {exc.msg}", source, exc.lineno) from exc
        raw = data.get(RAW) if isinstance(data, dict) else None
        if not isinstance(raw, dict):
            raise ReadError(f"no {RAW} object", source, 1)
        title = text_of(raw.get("title"))
        body = raw.get("body") if isinstance(raw.get("body"), str) else ""
        if not title and not body.strip():
            raise ReadError(f"{RAW} has neither title nor body", source, 1)
        at = text.find(f'"{RAW}"')
        key = text.find('"body"', max(at, 0))
        body_line = text.count("\n", 0, key) + 1 if key >= 0 else 1
        parts = split_title(title or "")
        meta: dict[str, Any] = {k: raw.get(k) for k in KEPT}
        meta.update(issue_title=title, labels=_labels(raw.get("labels")), location=parts["location"],
                    salary=parts["salary"], company=parts["organization"])
        blocks = pin_lines(markdown_blocks(body.replace("\r\n", "\n").replace("\r", "\n")), body_line)
        raw_text = json.dumps(raw, ensure_ascii=False, sort_keys=True)
        title_key = text.find('"title"', max(at, 0))
        yield posting(source, self.name, blocks, raw_text, title=parts["role"] or title,
                      organization=parts["organization"], metadata=meta,
                      title_line=text.count("\n", 0, title_key) + 1 if title_key >= 0 else 1)
