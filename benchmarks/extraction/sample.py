"""Pick the postings of the requirement-extraction evaluation set (deterministic).

Run from the project root::

    .venv/bin/python benchmarks/extraction/sample.py [--corpus ../shared/corpus] [--check]

(``--check`` is what to run to confirm the committed ``sample.json`` is this script's output.)

It walks ``<corpus>/postings`` with the standard library only (never careerladder's
readers: the set must not depend on what the code under test can read), lists the
candidate postings of each source with a title of its own, and draws from each
source with one fixed seed: half of a source's draw from titles that name a
leadership level (manager, director, head, VP, CTO, chief; 经理/总监/负责人 for the
Chinese source), the rest from all its postings at random. Every item is

    {"id", "source", "path" (relative to corpus/postings), "record" (or null), "split"}

``split`` is ``dev`` or ``frozen``: inside each source the items are ordered by the
sha256 of their id and the first half is ``dev``, so a source is split evenly and an
item keeps its split whatever else is drawn.

A second draw with its own seed (``HOLDOUT_SEED``, ``HOLDOUT_DRAW``) follows the same
rules (half leadership titles per source, the same source mix: at least 20 from four
source families, at least 40 from the 2025-26 sources) among the postings not drawn
before: no id of the dev/frozen draw, no taimooralam title+company already drawn. Its
items have split ``holdout``, come after the dev/frozen items and leave them unchanged
(their seed, streams and order are the same as before). The holdout is labelled blind and
scored once, at the end.

Later draws (``LATER_DRAWS``, each after the previous one was scored: ``holdout2`` with 60 items,
``holdout3`` with 48; at least 12 from four source families and 24 from the 2025-26 sources) follow
the same rules among the postings no earlier draw took, come after the earlier items and leave them
unchanged. The result goes to ``sample.json`` beside this file; ``--check`` only compares a fresh
draw with the committed file.
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

SEED = 20260601
HERE = Path(__file__).resolve().parent
OUT = HERE / "sample.json"
#: ``../shared/corpus`` seen from the project root (this file is benchmarks/extraction/sample.py).
CORPUS = HERE.parent.parent.parent / "shared" / "corpus"

#: source name -> how many postings to draw (sum >= 120; >= 20 from four sources;
#: >= 40 from the 2025-26 sources taimooralam_md, taimooralam_json and gantryops).
DRAW = {
    "taimooralam_md": 18,
    "taimooralam_json": 8,
    "gantryops": 24,
    "remotewlb": 16,
    "remotewlb_history": 8,
    "gaganpreet": 20,
    "pythonjobs": 12,
    "emscad": 12,
    "rebase": 4,
}
#: Sources that count as one source for the "at least 20 from four sources" rule.
FAMILY = {"taimooralam_md": "taimooralam", "taimooralam_json": "taimooralam",
          "remotewlb": "remotewlb", "remotewlb_history": "remotewlb"}
RECENT = ("taimooralam_md", "taimooralam_json", "gantryops")

#: The held-out split's seed (a different one from SEED, drawn 2026-12-03).
HOLDOUT_SEED = 20261203
#: source name -> how many postings the holdout draws (>= 60; >= 20 from four families; >= 40 recent).
#: ``company_repos`` (five small company job repositories, 2015-22) is drawn only here.
HOLDOUT_DRAW = {
    "taimooralam_md": 14,
    "taimooralam_json": 7,
    "gantryops": 21,
    "remotewlb": 14,
    "remotewlb_history": 6,
    "gaganpreet": 20,
    "pythonjobs": 2,
    "emscad": 2,
    "rebase": 2,
    "company_repos": 2,
}
#: The second held-out split's seed (drawn 2026-12-03, after the holdout split was scored).
HOLDOUT2_SEED = 20261204
#: source name -> how many postings the holdout2 draw takes (60; >= 12 from four families; >= 24 recent).
HOLDOUT2_DRAW = {
    "taimooralam_md": 9,
    "taimooralam_json": 4,
    "gantryops": 13,
    "remotewlb": 9,
    "remotewlb_history": 4,
    "gaganpreet": 13,
    "pythonjobs": 3,
    "emscad": 3,
    "rebase": 1,
    "company_repos": 1,
}
#: The third held-out split's seed (drawn 2026-12-03, after holdout2 was scored and tuned on).
HOLDOUT3_SEED = 20261205
#: source name -> how many postings the holdout3 draw takes (48; 12 from each of four families; >= 24 recent).
HOLDOUT3_DRAW = {
    "taimooralam_md": 8,
    "taimooralam_json": 4,
    "gantryops": 12,
    "remotewlb": 9,
    "remotewlb_history": 3,
    "gaganpreet": 12,
}
#: Per split after the first: (draw, seed, least items, least per family, least recent).
LATER_DRAWS = {
    "holdout": (HOLDOUT_DRAW, HOLDOUT_SEED, 60, 20, 40),
    "holdout2": (HOLDOUT2_DRAW, HOLDOUT2_SEED, 60, 12, 24),
    "holdout3": (HOLDOUT3_DRAW, HOLDOUT3_SEED, 48, 12, 24),
}
#: Folders of ``company_repos`` and the files in them that are no posting (an index, a list of
#: openings, an onboarding guide).
COMPANY_REPOS = ("summercms__jobs", "parallel-capital__parallel-capital.github.io",
                 "coderanger__rackspace_devex_jobs", "moumen-soliman__careers",
                 "damianhakert__damianhakert.github.io")
NOT_POSTINGS = frozenset({"README.md", "careers.md", "preboarding.md"})

LEADERSHIP = re.compile(r"\b(?:manager|director|head|vp|vice\s+president|cto|chief)\b|经理|总监|负责人|CTO",
                        re.I)
HN_ITEM = re.compile(r"[?&]id=(\d+)")
TAG = re.compile(r"<[^>]+>")


def _title_key(title: str, company: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", f"{title}|{company}".lower()).split())


def _first_line_of_html(text: str) -> str:
    """The first line of an HN comment (up to the first ``<p>``), tags removed."""
    head = re.split(r"<p>|\n", text or "", maxsplit=1)[0]
    return " ".join(TAG.sub(" ", head).split())


def _taimooralam(postings: Path) -> tuple[list[dict], list[dict]]:
    """(md candidates, json candidates), each kind without repeats of a title+company. The md files
    were saved from the same records, so ``build`` keeps a json record out when its key was drawn
    as an md file (``key`` of each candidate)."""
    seen: set[str] = set()
    md: list[dict] = []
    for f in sorted(glob.glob(str(postings / "taimooralam__job-search/data/eval/raw/*/jd_texts/*.md"))):
        lines = Path(f).read_text(encoding="utf-8", errors="replace").splitlines()
        title = lines[0].lstrip("# ").strip() if lines else ""
        company = next((ln.split(":**", 1)[1].strip() for ln in lines[:8] if ln.startswith("**Company:**")), "")
        key = _title_key(title, company)
        if not title or key in seen:
            continue
        seen.add(key)
        md.append({"path": os.path.relpath(f, postings), "record": None, "title": title, "key": key})
    seen = set()
    js: list[dict] = []
    for f in sorted(glob.glob(str(postings / "taimooralam__job-search/data/eval/raw/*/jobs_all.json"))):
        for rec in json.loads(Path(f).read_text(encoding="utf-8")):
            title, company = str(rec.get("title") or ""), str(rec.get("company") or "")
            key = _title_key(title, company)
            if not title or not str(rec.get("job_description") or "").strip() or key in seen:
                continue
            seen.add(key)
            js.append({"path": os.path.relpath(f, postings), "record": str(rec["_id"]), "title": title, "key": key})
    return md, js


def _gantryops(postings: Path) -> list[dict]:
    """Comments of every run's raw.json (classified/analysis files are derived, skipped); an id
    seen in an earlier run is not taken again."""
    seen: set[str] = set()
    out = []
    for f in sorted(glob.glob(str(postings / "gantryops__hn-jobs-data/runs/*/raw.json"))):
        for job in json.loads(Path(f).read_text(encoding="utf-8")).get("jobs", []):
            ident = str(job.get("id"))
            text = job.get("text") or ""
            if ident in seen or len(text) < 200:
                continue
            seen.add(ident)
            out.append({"path": os.path.relpath(f, postings), "record": ident, "title": _first_line_of_html(text)})
    return out


def _remotewlb(postings: Path) -> tuple[list[dict], list[dict]]:
    """(README files, records of the history subset); a slug seen once is not taken again."""
    seen: set[str] = set()
    files = []
    root = postings / "RemoteWLB__remote-jobs"
    for f in sorted(glob.glob(str(root / "jobs/**/README.md"), recursive=True)):
        slug = Path(f).parent.name
        if slug in seen:
            continue
        seen.add(slug)
        with open(f, encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
        m = re.match(r"#\s*\[(.*)\]\(", first)
        files.append({"path": os.path.relpath(f, postings), "record": None, "title": m.group(1) if m else first})
    history = []
    hist = root / "_history_not_at_HEAD.leadership_title_subset.jsonl"
    for line in hist.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        slug = Path(rec["path"]).parent.name
        if slug in seen:
            continue
        seen.add(slug)
        m = re.match(r"#\s*\[(.*)\]\(", rec["text"])
        history.append({"path": os.path.relpath(hist, postings), "record": f"{rec['path']}@{rec['commit']}",
                        "title": m.group(1) if m else ""})
    return files, history


def _gaganpreet(postings: Path) -> list[dict]:
    """Posts of the monthly files, keyed by their HN item id (ids seen twice in a file are left out)."""
    out = []
    for f in sorted(glob.glob(str(postings / "gaganpreet__hn-hiring-mapped/src/web/data/*.json"))):
        records = json.loads(Path(f).read_text(encoding="utf-8"))
        ids = [m.group(1) if (m := HN_ITEM.search(str(r.get("url") or ""))) else None for r in records]
        for rec, ident in zip(records, ids):
            text = rec.get("full_html") or ""
            if ident is None or ids.count(ident) > 1 or len(text) < 200:
                continue
            out.append({"path": os.path.relpath(f, postings), "record": ident, "title": _first_line_of_html(text)})
    return out


def _pythonjobs(postings: Path) -> list[dict]:
    out = []
    for f in sorted(glob.glob(str(postings / "pythonjobs__jobs/jobs/*"))):
        if not os.path.isfile(f) or Path(f).name.startswith("test"):
            continue
        text = Path(f).read_text(encoding="utf-8", errors="replace")
        m = re.search(r"^title:\s*(.+)$", text, re.M)
        out.append({"path": os.path.relpath(f, postings), "record": None,
                    "title": m.group(1).strip().strip("'\"") if m else ""})
    return out


def _emscad(postings: Path) -> list[dict]:
    """Rows with a description of 200+ characters. In this subset nearly every row with text is
    one flagged fraudulent (the others hold a title and little else); their text still reads
    like a posting, which is all extraction needs."""
    f = postings / "grv7-deve__fakejobpost/fake_job_postings.csv"
    out = []
    with open(f, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            if len((row.get("description") or "").strip()) < 200:
                continue
            out.append({"path": os.path.relpath(f, postings), "record": row["job_id"], "title": row["title"]})
    return out


def _rebase(postings: Path) -> list[dict]:
    out = []
    for f in sorted(glob.glob(str(postings / "rebase-network__who-is-hiring/data/issues/*.json")),
                    key=lambda p: int(Path(p).stem) if Path(p).stem.isdigit() else 0):
        raw = json.loads(Path(f).read_text(encoding="utf-8")).get("raw_source") or {}
        if len(raw.get("body") or "") < 200:
            continue
        out.append({"path": os.path.relpath(f, postings), "record": None, "title": raw.get("title") or ""})
    return out


def _company_repos(postings: Path) -> list[dict]:
    """Markdown postings of the small company repositories; the title is the front matter's
    ``title``, else the first ``<h1>``, else the first ``#``/``##`` heading."""
    out = []
    for repo in COMPANY_REPOS:
        for f in sorted(glob.glob(str(postings / repo / "**/*.md"), recursive=True)):
            if Path(f).name in NOT_POSTINGS:
                continue
            text = Path(f).read_text(encoding="utf-8", errors="replace")
            m = (re.search(r"^title:\s*(.+)$", text, re.M) or re.search(r"<h1[^>]*>(.*?)</h1>", text)
                 or re.search(r"^#{1,2}\s+(.+)$", text, re.M))
            out.append({"path": os.path.relpath(f, postings), "record": None,
                        "title": m.group(1).strip().strip("'\"") if m else ""})
    return out


def candidates(postings: Path) -> dict[str, list[dict]]:
    """Candidate postings per source, in a fixed order."""
    md, js = _taimooralam(postings)
    files, history = _remotewlb(postings)
    return {"taimooralam_md": md, "taimooralam_json": js, "gantryops": _gantryops(postings),
            "remotewlb": files, "remotewlb_history": history, "gaganpreet": _gaganpreet(postings),
            "pythonjobs": _pythonjobs(postings), "emscad": _emscad(postings), "rebase": _rebase(postings),
            "company_repos": _company_repos(postings)}


def draw(pool: list[dict], n: int, rng: random.Random) -> list[dict]:
    """``n`` items of ``pool``: half (rounded up) from leadership titles, the rest from everything left."""
    leaders = [c for c in pool if LEADERSHIP.search(c["title"])]
    picked = rng.sample(leaders, min(len(leaders), (n + 1) // 2))
    taken = {id(c) for c in picked}
    rest = [c for c in pool if id(c) not in taken]
    picked += rng.sample(rest, n - len(picked))
    return picked


def item_id(source: str, c: dict) -> str:
    return f"{source}:{c['record'] or c['path']}"


def build(corpus: Path) -> list[dict]:
    """The dev/frozen draw, then the later draws in LATER_DRAWS' order (see the module docstring)."""
    pools = candidates(corpus / "postings")
    drawn_keys: set[str] = set()
    items = _draw_dev_frozen(pools, drawn_keys)
    for split, (sizes, seed, *_rules) in LATER_DRAWS.items():
        items += _draw_later(pools, drawn_keys, {it["id"] for it in items}, split, sizes, seed)
    return items


def _draw_dev_frozen(pools: dict[str, list[dict]], drawn_keys: set[str]) -> list[dict]:
    """The first draw (SEED, DRAW), split dev/frozen; adds the taimooralam keys it draws to ``drawn_keys``."""
    items: list[dict] = []
    for source, n in DRAW.items():
        rng = random.Random(f"{SEED}:{source}")  # one stream per source: a change in one leaves the others
        pool = [c for c in pools[source] if c.get("key") not in drawn_keys]
        picked = draw(pool, n, rng)
        drawn_keys |= {c["key"] for c in picked if c.get("key")}
        chosen = [{"id": item_id(source, c), "source": source, "path": c["path"], "record": c["record"]}
                  for c in picked]
        by_hash = sorted(chosen, key=lambda it: hashlib.sha256(it["id"].encode()).hexdigest())
        dev = {it["id"] for it in by_hash[: (len(by_hash) + 1) // 2]}
        for it in sorted(chosen, key=lambda it: it["id"]):
            it["split"] = "dev" if it["id"] in dev else "frozen"
            items.append(it)
    return items


def _draw_later(pools: dict[str, list[dict]], drawn_keys: set[str], drawn_ids: set[str], split: str,
                sizes: dict[str, int], seed: int) -> list[dict]:
    """A later draw (``seed``, ``sizes`` per source) among candidates whose id and taimooralam key were
    not drawn before, all of split ``split``; adds the taimooralam keys it draws to ``drawn_keys``."""
    items: list[dict] = []
    for source, n in sizes.items():
        rng = random.Random(f"{seed}:{source}")
        pool = [c for c in pools[source]
                if c.get("key") not in drawn_keys and item_id(source, c) not in drawn_ids]
        picked = draw(pool, n, rng)
        drawn_keys |= {c["key"] for c in picked if c.get("key")}
        chosen = [{"id": item_id(source, c), "source": source, "path": c["path"], "record": c["record"],
                   "split": split} for c in picked]
        items += sorted(chosen, key=lambda it: it["id"])
    return items


def _mix_problems(items: list[dict], least: int, name: str, per_family: int = 20,
                  recent: int = 40) -> list[str]:
    problems = []
    families: dict[str, int] = {}
    for it in items:
        fam = FAMILY.get(it["source"], it["source"])
        families[fam] = families.get(fam, 0) + 1
    if len(items) < least:
        problems.append(f"{name}: only {len(items)} items")
    if sum(1 for n in families.values() if n >= per_family) < 4:
        problems.append(f"{name}: fewer than four sources with {per_family} items: {families}")
    if sum(1 for it in items if it["source"] in RECENT) < recent:
        problems.append(f"{name}: fewer than {recent} items from the 2025-26 sources")
    return problems


def check_rules(items: list[dict]) -> list[str]:
    """What the sample misses of its stated rules (empty when it meets them all): the dev/frozen
    draw and each later draw meet their source mix; no id is drawn twice."""
    first = [it for it in items if it["split"] in ("dev", "frozen")]
    problems = _mix_problems(first, 120, "dev/frozen")
    for split, (_sizes, _seed, least, per_family, recent) in LATER_DRAWS.items():
        problems += _mix_problems([it for it in items if it["split"] == split], least, split, per_family, recent)
    if len({it["id"] for it in items}) != len(items):
        problems.append("duplicate ids")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS),
                    help="the shared corpus folder (default: ../shared/corpus beside the project root)")
    ap.add_argument("--check", action="store_true", help="compare a fresh draw with sample.json, write nothing")
    args = ap.parse_args(argv)
    items = build(Path(args.corpus))
    problems = check_rules(items)
    for p in problems:
        print("sample rule not met:", p, file=sys.stderr)
    text = json.dumps(items, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("sample.json is up to date" if same else "sample.json differs from a fresh draw")
        return 0 if same and not problems else 1
    OUT.write_text(text, encoding="utf-8")
    counts: dict[str, dict[str, int]] = {}
    for it in items:
        counts.setdefault(it["source"], dict.fromkeys(("dev", "frozen", *LATER_DRAWS), 0))[it["split"]] += 1
    for source, c in counts.items():
        print(f"{source:20} " + "  ".join(f"{split} {n:3}" for split, n in c.items()))
    print(f"{'total':20} {len(items)} items -> {OUT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
