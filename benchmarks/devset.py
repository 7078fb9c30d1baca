"""The leveling development set, built as ``../shared/corpus/README.md`` describes.

Source: RemoteWLB postings (README files at HEAD and the historical leadership-title subset).
Label: the canonical level the title *clearly* names (``careerladder.extract.titles.clear_label``),
``senior_director`` merged into ``director`` for the five evaluation classes; anything unclear is dropped.
Masking (title hidden): the title line is removed, the title string is replaced wherever it recurs, and
every other phrase naming one management level in the singular ("an experienced Director of
Engineering", "As a Senior Engineering Manager", "a passionate CTO", "the hiring manager") is replaced by
"this role" — except inside a "reports to ..." clause, which is a legitimate cue. Plurals ("you will manage
directors") describe whom the role manages and are kept. The board's "CLICK TO APPLY" line and every URL
are removed (the job's URL slug repeats its title).
Duplicates: reposted jobs (same title, company and text) are kept once; cross-validation groups by
company, so one company's posting template never sits on both sides of a split. The mask also takes
the article before a level phrase ("an Engineering Manager" -> "this role"): "an" would give the
level away.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.extract.titles import clear_label  # noqa: E402

REMOTEWLB = ROOT.parent / "shared" / "corpus" / "postings" / "RemoteWLB__remote-jobs"
CLASSES = ("em", "senior_em", "director", "vp", "cto")
MASK = "this role"

_TITLE_LINE = re.compile(r"^#\s*\[(?P<title>[^\]]+)\]\((?P<url>[^)]*)\)\s*$", re.M)
_COMPANY_LINE = re.compile(r"^###\s+(?P<company>.+?)\s*$", re.M)
_APPLY_LINE = re.compile(r"^#+\s*CLICK TO \[APPLY\].*$", re.M | re.I)
_LINK_TARGET = re.compile(r"\]\((?:https?://|www\.)[^)]*\)")
_BARE_URL = re.compile(r"https?://\S+")
_MOD = r"(?:(?:senior|sr\.?|principal|staff|group|associate|lead|executive|assistant|deputy|founding|interim|" \
       r"global|regional|junior)\s+)*"
_FUNC = r"(?:(?:software|engineering|development|technology|technical|tech|platform|data|product|mobile|web|" \
        r"backend|back-end|frontend|front-end|full-stack|qa|quality|sre|devops|infrastructure|security|cloud|" \
        r"machine\s+learning|ml|ai|systems?|it|application|applications|r&d)\s+)*"
_CORE = (r"(?:engineering\s+manager|development\s+manager|engineering\s+director|engineering\s+lead|"
         r"tech(?:nical)?\s+lead\s+manager|team\s+lead|senior\s+manager|"
         r"manager,?\s+(?:of\s+)?(?:software\s+)?(?:engineering|development)|"
         r"director(?:,?\s+(?:of\s+)?(?:[\w&/-]+\s+){0,3}(?:engineering|technology|development|platform))?|"
         r"vp(?:,?\s+(?:of\s+)?(?:[\w&/-]+\s+){0,3}(?:engineering|technology|development|platform))?|"
         r"vice\s+president(?:,?\s+(?:of\s+)?(?:[\w&/-]+\s+){0,3}(?:engineering|technology|development))?|"
         r"head\s+of\s+(?:[\w&/-]+\s+){0,2}(?:engineering|technology|development|platform|software)|"
         r"cto|chief\s+(?:technology|technical)\s+officer|manager)")
#: A phrase naming one management level ("Senior Director of Platform Engineering"), shared with
#: leveling_data.py's masking.
LEVEL_PHRASE = rf"{_MOD}{_FUNC}{_CORE}"
_SINGULAR = re.compile(rf"(?:\b(?:a|an)\s+)?(?<![\w-]){LEVEL_PHRASE}(?![\w-])(?!\s*s\b)", re.I)
#: A "reports to ..." clause (a legitimate level cue, never masked).
REPORTS_TO = re.compile(r"\breport(?:s|ing)?\s+(?:directly\s+)?(?:in)?to\b[^.;\n]{0,80}", re.I)


@dataclass(frozen=True)
class Example:
    """One development posting: its path, company, title, label, full text and masked text."""

    path: str
    company: str
    title: str
    label: str
    text: str
    masked: str

    @property
    def group(self) -> str:
        """Cross-validation group: the company (its postings share templates), else the title."""
        return self.company.lower() if self.company.strip() and self.company.lower() != "none" \
            else self.title.lower()


def mask(text: str, title: str) -> str:
    """``text`` with the title line removed, the title replaced, and singular level phrases masked
    outside "reports to" clauses."""
    text = _TITLE_LINE.sub("", text, count=1)
    text = _APPLY_LINE.sub("", text)
    text = _BARE_URL.sub("", _LINK_TARGET.sub("]", text))
    if title.strip():
        text = re.sub(re.escape(title.strip()), MASK, text, flags=re.I)
    keep = [(m.start(), m.end()) for m in REPORTS_TO.finditer(text)]

    def repl(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in keep):
            return m.group(0)
        return MASK

    return _SINGULAR.sub(repl, text)


def _examples_from(path: str, text: str) -> Example | None:
    m = _TITLE_LINE.search(text)
    if not m:
        return None
    title = m.group("title").strip()
    label = clear_label(title)
    if label is None:
        return None
    label = "director" if label == "senior_director" else label
    company = _COMPANY_LINE.search(text)
    return Example(path, company.group("company").strip() if company else "", title, label, text, mask(text, title))


def load(root: Path = REMOTEWLB) -> list[Example]:
    """All labelled, de-duplicated development examples (HEAD files, then the history subset)."""
    out: list[Example] = []
    seen: set[str] = set()

    def add(ex: Example | None) -> None:
        if ex is None:
            return
        key = hashlib.sha1(f"{ex.company}|{ex.title}|{' '.join(ex.text.split()[20:400])}".encode()).hexdigest()
        if key not in seen:
            seen.add(key)
            out.append(ex)

    for line in (root / "_files_present_at_HEAD.txt").read_text().split():
        path = root / line
        if path.name == "README.md" and path.exists():
            head = path.read_text(encoding="utf-8", errors="replace")
            add(_examples_from(line, head))
    with open(root / "_history_not_at_HEAD.leadership_title_subset.jsonl", encoding="utf-8") as fh:
        for row in fh:
            rec = json.loads(row)
            add(_examples_from(f"{rec['path']}@{rec['commit'][:8]}", rec["text"]))
    return out


if __name__ == "__main__":
    from collections import Counter

    data = load()
    print(len(data), Counter(e.label for e in data), len({e.group for e in data}), "groups")
    for e in data[:3]:
        print("----", e.title, "|", e.label)
        print(e.masked[:1500])
