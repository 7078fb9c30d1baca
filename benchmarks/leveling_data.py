"""The leveling dataset: every labelled leadership role in ``../shared/corpus``, title hidden.

Datasheet (also in ``docs/leveling.md``):

* **Roles**: job postings from every folder of ``corpus/postings`` and the levels of every ladder in
  ``corpus/ladders``, read by careerladder's own readers and parser (the path a user's files take).
  The seeds are never used (they are the acceptance test).
* **Label**: the level the role's title *clearly* names (``extract.titles.clear_label``: engineering
  or software named, one level word, no "Head of", no two-level or banking-rank titles), one of
  ``em < senior_em < director < vp < cto`` with ``senior_director`` counted as ``director`` when
  scoring (the model learns it as its own step). A ladder level's title is read as an engineering
  title ("Director, Development" in an engineering ladder is a director). Titles that name an
  engineering individual contributor ("Senior Backend Engineer", "Staff Data Scientist") are
  labelled ``ic``; a sample of them is kept (at most ``IC_PER_SOURCE`` per source, chosen by a hash
  of the role id) so that the management classes are not drowned.
  A Hacker News post whose header names several roles, or no role field (the whole header line stands
  in for a title), is left out: its title says nothing sure of one role.
* **Source** (the unit of leave-one-source-out): a posting *template*, not a folder. RemoteWLB's
  current and older postings are one source; every Hacker News dump (gaganpreet, gantryops, oilnam,
  ceshine) is one source ``hn``; the small company job repositories are one source
  ``company-repos``; all career ladders are one source ``ladders``; each other folder is its own.
* **Group** (the unit of the grouped folds inside a source): the company (a ladder's company folder;
  a posting's organization, else its title), merged with every role whose text is a near duplicate
  (MinHash Jaccard of word 5-shingles >= 0.8 on the masked text), so reposts never sit on both sides
  of a split. Exact duplicates (the same masked text) are kept once; near duplicates that span two
  sources are kept in the first source only.
* **Masking** (title hidden, as ``corpus/README.md`` says): the title and the heading are dropped;
  in every statement and section heading the title string is removed, and so is
  every singular phrase naming one management level ("an experienced Director of Engineering",
  "the CTO") outside a "reports to ..." clause, which is a legitimate cue. Plurals ("you will manage
  directors") say whom the role manages and are kept.

    PYTHONPATH=src .venv/bin/python benchmarks/leveling_data.py          # build (cached) and print counts
    PYTHONPATH=src .venv/bin/python benchmarks/leveling_data.py --rebuild

The cache (``benchmarks/.cache/leveling_data.pkl``) holds analyzed roles; delete it or pass
``--rebuild`` after changing the readers, the parser, extraction or this file.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.classify import classify, default_classifier
from careerladder.errors import CareerLadderError
from careerladder.extract import extract
from careerladder.extract.titles import clear_label, title_level
from careerladder.model import Role, Section, Statement
from careerladder.parse import parse
from careerladder.readers import iter_files, read_path
from devset import LEVEL_PHRASE, REPORTS_TO

CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = Path(__file__).parent / ".cache" / "leveling_data.pkl"
CLASSES = ("em", "senior_em", "director", "vp", "cto")
#: Individual-contributor postings kept per source (a hash of the role id chooses them).
IC_PER_SOURCE = 400
#: What a masked phrase becomes: nothing (a placeholder word would itself be learned, since level
#: phrases are masked far more often in management postings than in others).
MASK = ""

#: Folder -> source (a template). Folders not named here are their own source.
SOURCE_OF = {
    "RemoteWLB__remote-jobs": "remotewlb",
    "gaganpreet__hn-hiring-mapped": "hn", "gantryops__hn-jobs-data": "hn",
    "oilnam__whereis-whoishiring-hiring": "hn", "ceshine__whoishiring": "hn",
    "summercms__jobs": "company-repos", "parallel-capital__parallel-capital.github.io": "company-repos",
    "coderanger__rackspace_devex_jobs": "company-repos", "moumen-soliman__careers": "company-repos",
    "damianhakert__damianhakert.github.io": "company-repos",
    "pythonjobs__jobs": "pythonjobs", "grv7-deve__fakejobpost": "emscad",
    "rebase-network__who-is-hiring": "rebase", "taimooralam__job-search": "taimooralam",
}

#: A singular phrase naming one management level, with its article (masked outside "reports to").
_SINGULAR = re.compile(rf"(?:\b(?:a|an|the)\s+)?(?<![\w-]){LEVEL_PHRASE}(?![\w-])(?!\s*s\b)", re.IGNORECASE)
_IC_TITLE = re.compile(r"\b(?:engineer|developer|programmer|architect|scientist|sre|devops)s?\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Example:
    """One labelled role: ``role`` is analyzed (extract, classify) and masked; ``text`` its masked
    statements joined (the baseline's input); ``key`` the role id; ``title`` the hidden title."""

    key: str
    source: str
    folder: str
    group: str
    label: str
    title: str
    role: Role
    text: str


def mask_text(text: str, title: str | None) -> str:
    """``text`` with ``title`` and singular level phrases removed (``MASK``), outside "reports to ..."
    clauses."""
    if title and title.strip() and len(title.strip()) > 2:
        text = re.sub(re.escape(title.strip()), MASK, text, flags=re.IGNORECASE)
    keep = [(m.start(), m.end()) for m in REPORTS_TO.finditer(text)]
    if not keep:
        return _SINGULAR.sub(MASK, text)
    return _SINGULAR.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in keep) else MASK, text)


def _mask_statement(st: Statement, title: str | None) -> Statement:
    return replace(st, text=mask_text(st.text, title), label=mask_text(st.label, title) if st.label else st.label,
                   children=tuple(_mask_statement(c, title) for c in st.children))


def _mask_section(s: Section, title: str | None) -> Section:
    heading = mask_text(s.heading, title)
    return replace(s, heading=heading, path=tuple(mask_text(p, title) for p in s.path),
                   statements=tuple(_mask_statement(st, title) for st in s.statements),
                   subsections=tuple(_mask_section(x, title) for x in s.subsections))


def mask_role(role: Role) -> Role:
    """``role`` as an untitled text: title and heading gone, the title and level phrases masked."""
    return replace(role, title=None, heading=None, sections=tuple(_mask_section(s, role.title) for s in role.sections))


def label_of(title: str | None) -> str | None:
    """``em``/``senior_em``/``director``/``senior_director``/``vp``/``cto`` from a title that clearly names
    one (scoring counts ``senior_director`` as ``director``; the model learns it as its own step), ``ic``
    for an engineering individual contributor's title, else None."""
    level = clear_label(title)
    if level:
        return level
    if title and title_level(title) == "ic" and _IC_TITLE.search(title):
        return "ic"
    return None


def scored(label: str) -> str:
    """The label as scored: ``senior_director`` counts as ``director``."""
    return "director" if label == "senior_director" else label


def _text(role: Role) -> str:
    from careerladder.model import role_statements
    return "\n".join(st.text for _, st in role_statements(role))


def _hash(s: str) -> int:
    return int(hashlib.sha1(s.encode()).hexdigest()[:12], 16)


def _candidates(root: Path, kind: str):
    """(folder, file, document) for every document under ``root`` (errors skipped)."""
    for path, base in iter_files([root]):
        folder = path.relative_to(root).parts[0]
        if folder.startswith("_"):
            continue
        try:
            docs = read_path(path, str(path.relative_to(root)))
        except CareerLadderError:
            continue
        except Exception:  # noqa: BLE001 - a reader bug is not the benchmark's business
            continue
        for doc in docs:
            yield folder, path, doc


def build(progress: bool = True) -> list[Example]:
    """Every example (see the module docstring), in a stable order."""
    classifier = default_classifier()
    out: list[Example] = []
    ic_seen: dict[str, list[Example]] = defaultdict(list)
    for kind in ("postings", "ladders"):
        root = CORPUS / kind
        n = 0
        for folder, path, doc in _candidates(root, kind):
            n += 1
            if progress and n % 2000 == 0:
                print(f"  {kind}: {n} documents", file=sys.stderr)
            source = "ladders" if kind == "ladders" else SOURCE_OF.get(folder, folder)
            if doc.metadata.get("title_from") in ("roles", "header"):
                continue  # an HN post naming several roles, or whose header names none (the title is a guess)
            if kind == "postings" and doc.title is not None and label_of(doc.title) is None:
                continue  # cheap filter: the title is known and labels nothing
            key = f"{path.relative_to(root)}#{doc.fragment}" if doc.fragment else str(path.relative_to(root))
            try:
                roles = parse(doc, key)
            except CareerLadderError:
                continue
            for role in roles:
                label = label_of(role.title)
                if label is None and kind == "ladders" and role.title:
                    label = label_of(f"{role.title} engineering")  # an engineering ladder's "Director"
                if label is None or (kind == "ladders") != (role.kind == "ladder_level"):
                    continue
                if label == "ic" and kind == "ladders":
                    continue
                role = classify(extract(role), classifier)
                masked = mask_role(role)
                company = folder if kind == "ladders" else (role.organization or role.title or key)
                ex = Example(role.id, source, folder, f"{source}:{company.strip().lower()}", label, role.title or "",
                             masked, _text(masked))
                (ic_seen[source] if label == "ic" else out).append(ex)
    for source, items in ic_seen.items():
        items.sort(key=lambda e: _hash(e.key))
        out.extend(items[:IC_PER_SOURCE])
    return _dedupe(out)


def _dedupe(examples: list[Example]) -> list[Example]:
    """Exact duplicates kept once; near duplicates merged into one group (first source wins)."""
    from datasketch import MinHash, MinHashLSH

    seen: set[str] = set()
    kept: list[Example] = []
    for ex in examples:
        words = _WORDS.findall(ex.text.lower())
        h = hashlib.sha1(" ".join(words).encode()).hexdigest()
        if h in seen or len(words) < 10:
            continue
        seen.add(h)
        kept.append(ex)
    lsh = MinHashLSH(threshold=0.8, num_perm=64)
    parent = list(range(len(kept)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    drop: set[int] = set()
    for i, ex in enumerate(kept):
        words = _WORDS.findall(ex.text.lower())
        m = MinHash(num_perm=64, seed=1)
        m.update_batch([" ".join(words[j:j + 5]).encode() for j in range(max(1, len(words) - 4))])
        for j in lsh.query(m):
            if kept[j].source != ex.source:
                drop.add(i)
            else:
                parent[find(i)] = find(j)
        if i not in drop:
            lsh.insert(i, m)
    first_group: dict[int, str] = {}
    out = []
    for i, ex in enumerate(kept):
        if i in drop:
            continue
        group = first_group.setdefault(find(i), ex.group)  # a cluster takes its first member's group
        out.append(replace(ex, group=group) if group != ex.group else ex)
    return out


def load(rebuild: bool = False) -> list[Example]:
    """The dataset, from the cache when it exists (``rebuild``: read the corpus again)."""
    if CACHE.exists() and not rebuild:
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    data = build()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with open(CACHE, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data


def table(data: list[Example]) -> str:
    """Counts per source and label (Markdown), for the datasheet."""
    labels = ("ic",) + CLASSES
    by = defaultdict(Counter)
    for ex in data:
        by[ex.source][scored(ex.label)] += 1
    lines = ["| source | " + " | ".join(labels) + " | management | groups |", "|---" * (len(labels) + 3) + "|"]
    groups = defaultdict(set)
    for ex in data:
        if ex.label != "ic":
            groups[ex.source].add(ex.group)
    for source in sorted(by, key=lambda s: -sum(v for k, v in by[s].items() if k != "ic")):
        c = by[source]
        lines.append(f"| {source} | " + " | ".join(str(c[lv]) for lv in labels)
                     + f" | {sum(c[lv] for lv in CLASSES)} | {len(groups[source])} |")
    total = Counter(scored(ex.label) for ex in data)
    lines.append("| **all** | " + " | ".join(str(total[lv]) for lv in labels)
                 + f" | {sum(total[lv] for lv in CLASSES)} | {len({ex.group for ex in data if ex.label != 'ic'})} |")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    import leveling_data  # the pickled examples must name this module, not __main__

    print(leveling_data.table(leveling_data.load(args.rebuild)))
