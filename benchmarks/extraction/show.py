"""Print sampled postings as a labeller reads them (standard library only, no careerladder).

    .venv/bin/python benchmarks/extraction/show.py ID [ID ...]     # one or more sample ids
    .venv/bin/python benchmarks/extraction/show.py --list [dev|frozen]

Files are printed with their source line numbers (line locators are these numbers).
A record of a container file (JSON list, JSON Lines, CSV row) is printed field by
field; HTML text fields are shown twice: as stored and with ``<p>`` turned into line
breaks and entities decoded, which is easier to read (word locators are the first
three words of a block as it reads there).
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTINGS = HERE.parent.parent.parent / "shared" / "corpus" / "postings"  # ../shared beside the project root


def readable(fragment: str) -> str:
    text = re.sub(r"<p>|<br\s*/?>|</li>|</pre>", "\n", fragment)
    text = re.sub(r"<li>", "\n- ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def record_fields(item: dict) -> dict:
    path = POSTINGS / item["path"]
    rec = item["record"]
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            return next(row for row in csv.DictReader(fh) if row["job_id"] == rec)
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if f"{r['path']}@{r['commit']}" == rec:
                return r
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "jobs" in data:
        return next(j for j in data["jobs"] if str(j.get("id")) == rec)
    for r in data:
        if str(r.get("_id")) == rec or re.search(rf"[?&]id={rec}$", str(r.get("url") or "")):
            return r
    raise KeyError(rec)


def show(item: dict) -> None:
    print(f"===== {item['id']}  [{item['source']}, {item['split']}]")
    path = POSTINGS / item["path"]
    if item["record"] is None:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".json":  # rebase issue: only raw_source is the poster's
            raw = json.loads(text)["raw_source"]
            print("TITLE:", raw.get("title"))
            print("LABELS:", [lb.get("name") if isinstance(lb, dict) else lb for lb in raw.get("labels") or []])
            print(raw.get("body"))
            return
        for n, line in enumerate(text.splitlines(), 1):
            print(f"{n:4}| {line}")
        return
    rec = record_fields(item)
    for key, value in rec.items():
        if key in ("full_html", "text", "job_description", "description", "company_profile", "requirements",
                   "benefits"):
            continue
        if isinstance(value, str) and len(value) > 300:
            value = value[:300] + "..."
        print(f"{key}: {value}")
    for key in ("company_profile", "description", "requirements", "benefits", "job_description", "full_html",
                "text"):
        value = rec.get(key)
        if not value:
            continue
        print(f"--- {key}")
        if "<" in value and key in ("full_html", "text") and not value.startswith("# "):
            print(readable(value))
        else:
            print(value)


def main(argv: list[str]) -> int:
    items = json.loads((HERE / "sample.json").read_text(encoding="utf-8"))
    if argv and argv[0] == "--list":
        for it in items:
            if len(argv) < 2 or it["split"] == argv[1]:
                print(it["split"], it["id"])
        return 0
    by_id = {it["id"]: it for it in items}
    for ident in argv:
        show(by_id[ident])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # piped into head
        sys.exit(0)
