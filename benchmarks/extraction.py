"""Requirement extraction, headings, boilerplate and organization against hand labels (one command).

    .venv/bin/python benchmarks/extraction.py [--split dev|frozen|all|holdout|holdout2|holdout3] [--json] [--misses]
    .venv/bin/python benchmarks/extraction.py --split holdout3 --check-labels   # labels only, runs nothing

The postings are ``benchmarks/extraction/sample.json`` (drawn by ``sample.py``), the labels
``benchmarks/extraction/labels.jsonl`` (dev and frozen), ``labels_holdout.jsonl``,
``labels_holdout2.jsonl`` and ``labels_holdout3.jsonl`` (the held-out splits, each scored once;
``all`` is dev + frozen and never includes them), written by hand under ``LABELLING.md``, which also defines the matching done here. Each posting is read the way a user would: a file through ``read_path``;
a record of a container file through ``read_path`` and the document whose ``fragment`` is the
record; when the current version cannot read the file (or has no such fragment) the record's
title and description go through ``read_text`` instead, and that fallback is counted. Then
``parse`` (as ``careerladder inspect FILE`` does: the text is taken as one role, titled or not)
and ``extract``. Printed per split: precision and recall per requirement type and
overall (micro), organization precision (over non-null predictions) and recall, the share of
postings parsed as ``job_posting``, the recall of labelled headings among section headings,
and boilerplate marking precision and recall, each beside its target. ``--json`` prints the
same figures as JSON; ``--misses`` lists what was missed and what was wrong, per posting.
Deterministic: same code and corpus, same numbers.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder import extract, parse, read_path, read_text  # noqa: E402
from careerladder.errors import CareerLadderError  # noqa: E402
from careerladder.model import Role, Section, iter_statements  # noqa: E402

HERE = ROOT / "benchmarks" / "extraction"
SAMPLE = HERE / "sample.json"
LABELS = HERE / "labels.jsonl"
HOLDOUT_LABELS = HERE / "labels_holdout.jsonl"
HOLDOUT2_LABELS = HERE / "labels_holdout2.jsonl"
HOLDOUT3_LABELS = HERE / "labels_holdout3.jsonl"
#: The splits each ``--split`` value scores: ``all`` is the first draw only, a held-out split is asked for by name.
SPLITS = {"dev": {"dev"}, "frozen": {"frozen"}, "all": {"dev", "frozen"}, "holdout": {"holdout"},
          "holdout2": {"holdout2"}, "holdout3": {"holdout3"}}
#: The label file each ``--split`` value reads (the held-out labels live apart so tuning never reads them).
LABEL_FILES = {"dev": LABELS, "frozen": LABELS, "all": LABELS, "holdout": HOLDOUT_LABELS,
               "holdout2": HOLDOUT2_LABELS, "holdout3": HOLDOUT3_LABELS}
POSTINGS = ROOT.parent / "shared" / "corpus" / "postings"

TYPES = ("years_experience", "team_size", "direct_reports", "manages_managers", "education", "technology",
         "location", "remote")
#: Section kinds that count as "marked as boilerplate" (legal/application do not exist yet).
MARKED = frozenset({"about", "benefits", "legal", "application"})
#: (figure, minimum) pairs; figures without a target are reported without one.
TARGETS = {
    "overall_precision": 0.95, "overall_recall": 0.90, "location_recall": 0.85, "team_size_recall": 0.85,
    "organization_precision": 0.95, "organization_recall": 0.70, "job_posting_share": 0.95,
    "boilerplate_precision": 0.95,
}


# ---------------------------------------------------------------- normalization (LABELLING.md)

def fold(text: str) -> str:
    """Lower case, accents and punctuation folded to spaces, single spaces (CJK kept as is)."""
    out = []
    for ch in unicodedata.normalize("NFKD", text or ""):
        if unicodedata.combining(ch):
            continue
        out.append(ch.lower() if ch.isalnum() else " ")
    return " ".join("".join(out).split())


#: short form -> synonyms (LABELLING.md "Synonyms"); matching replaces each by an id token.
PLACE_SYNONYMS = {
    "US": ["USA", "U.S.", "U.S.A.", "United States", "United States of America", "America"],
    "UK": ["U.K.", "United Kingdom", "Great Britain", "Britain", "GB"],
    "UAE": ["United Arab Emirates", "U.A.E."],
    "Saudi Arabia": ["KSA", "Kingdom of Saudi Arabia"],
    "EU": ["Europe", "European Union"],
    "New York": ["NYC", "New York City"],
    "San Francisco": ["SF", "Bay Area", "San Francisco Bay Area", "SF Bay Area"],
    "Washington DC": ["Washington D.C.", "DC"],
    "Netherlands": ["The Netherlands", "Holland", "NL"],
    "Germany": ["Deutschland"],
    "Bengaluru": ["Bangalore"],
    "Munich": ["München"], "Cologne": ["Köln"], "Vienna": ["Wien"], "Lisbon": ["Lisboa"],
    "Warsaw": ["Warszawa"], "Prague": ["Praha"],
    "Beijing": ["北京"], "Shanghai": ["上海"], "Shenzhen": ["深圳"], "Hangzhou": ["杭州"],
    "Guangzhou": ["广州"], "Chengdu": ["成都"], "Singapore": ["新加坡"], "Hong Kong": ["香港"],
    "APAC": ["Asia Pacific", "Asia-Pacific"], "LATAM": ["Latin America"],
    "North America": [], "South America": [],
}
TECH_SYNONYMS = {
    "Go": ["Golang"], "JavaScript": ["JS"], "TypeScript": ["TS"], "Node.js": ["Node", "NodeJS"],
    "React": ["ReactJS", "React.js"], "Vue.js": ["Vue", "VueJS"], "Angular": ["AngularJS"],
    "Next.js": ["NextJS"], "PostgreSQL": ["Postgres"], "Kubernetes": ["K8s"],
    "GCP": ["Google Cloud", "Google Cloud Platform"], "AWS": ["Amazon Web Services"],
    "Azure": ["Microsoft Azure"], ".NET": ["dotnet", "ASP.NET", ".NET Core"], "C#": ["CSharp"],
    "C++": ["cpp"], "Ruby on Rails": ["Rails", "RoR"], "Spring": ["Spring Boot"],
    "Elasticsearch": ["Elastic Search"], "scikit-learn": ["sklearn"], "Hugging Face": ["HuggingFace"],
    "OpenAI": ["OpenAI API", "GPT", "ChatGPT"], "Claude": ["Anthropic Claude"], "Objective-C": ["ObjC"],
    "HTML": ["HTML5"], "CSS": ["CSS3"], "Express": ["Express.js"], "MongoDB": ["Mongo"],
    "Terraform": ["HCL"], "Google Analytics": ["GA4"], "Microsoft Excel": ["Excel"],
    "Microsoft Office": ["MS Office", "Office 365", "Microsoft 365"], "Ethereum": ["ETH"],
    "Bitcoin": ["BTC"], "Solana": ["SOL"],
}


def _place_id(short: str) -> str:
    return "loc_" + fold(short).replace(" ", "_")


def _place_patterns() -> list[tuple[re.Pattern[str], str]]:
    pairs = []
    for short, synonyms in PLACE_SYNONYMS.items():
        for name in [short, *synonyms]:
            folded = fold(name)
            if folded:
                pairs.append((folded, _place_id(short)))
    pairs.sort(key=lambda p: -len(p[0]))  # "latin america" before "america"
    out = []
    for folded, ident in pairs:
        if folded.isascii():  # whole words only; "_" counts as a word character (ids are not hit again)
            out.append((re.compile(rf"(?<![a-z0-9_]){re.escape(folded)}(?![a-z0-9_])"), f" {ident} "))
        else:  # CJK names are written without spaces around them
            out.append((re.compile(re.escape(folded)), f" {ident} "))
    return out


_PLACES = _place_patterns()


def place(text: str) -> str:
    """A place string folded, with every synonym replaced by its short form's id, padded with spaces."""
    folded = fold(text)
    for pattern, ident in _PLACES:
        folded = pattern.sub(ident, folded)
    return " " + " ".join(folded.split()) + " "


def location_matches(label: str, predicted: str) -> bool:
    """The label's words (after synonyms) occur, in order, inside the predicted place."""
    wanted = place(label).strip()
    return bool(wanted) and f" {wanted} " in place(predicted)


def _squash(name: str) -> str:
    return re.sub(r"[\s.\-]+", "", (name or "").lower())


_TECH = {_squash(alias): _squash(short) for short, aliases in TECH_SYNONYMS.items() for alias in [short, *aliases]}


def technology(name: str) -> str:
    """A technology name compared without case, spaces, dots or hyphens, synonyms resolved."""
    squashed = _squash(name)
    return _TECH.get(squashed, squashed)


_LEGAL_SUFFIX = re.compile(r"[\s,]+(?:inc|ltd|llc|gmbh|ag|se|plc|corp|co|kg|s\.?a|b\.?v|limited|corporation)\.?$",
                           re.I)
_DOMAIN_END = re.compile(r"\.(?:com|io|ai|co|net|org|vc|eu)$", re.I)


def organization(name: str | None) -> str:
    """An organization name without parenthetical, legal suffixes or domain ending; letters and digits only."""
    if not name:
        return ""
    text = re.sub(r"\([^)]*\)", " ", name).strip()
    text = re.sub(r"&\s*co\.?\s*kg$", "", text, flags=re.I).strip()
    for _ in range(3):
        text = _LEGAL_SUFFIX.sub("", _DOMAIN_END.sub("", text.strip())).strip()
    return re.sub(r"[^0-9a-z]", "", fold(text))


def organization_matches(label: str | None, predicted: str | None) -> bool:
    a, b = organization(label), organization(predicted)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long_.startswith(short))


def heading_key(text: str) -> str:
    """A heading folded for comparison; a trailing parenthetical does not count."""
    return fold(re.sub(r"\s*\([^()]*\)\s*$", "", text or ""))


# ---------------------------------------------------------------- requirement matching

def label_key(req: dict):
    """What a labelled requirement is compared by (LABELLING.md "Matching")."""
    kind = req["type"]
    if kind in ("years_experience", "direct_reports"):
        return (_num(req.get("min")), _num(req.get("max")))
    if kind == "team_size":
        return (_num(req.get("min")), _num(req.get("max")), req.get("unit") or "people")
    if kind == "manages_managers":
        return "yes"
    if kind == "technology":
        return technology(req["value"])
    if kind == "location":
        return place(req["value"]).strip()
    return (req.get("value") or "").lower()  # education, remote


def predicted_key(req) -> object:
    """The same key for one of careerladder's ``Requirement`` objects."""
    kind = req.type
    if kind in ("years_experience", "direct_reports"):
        return (_num(req.min), _num(req.max))
    if kind == "team_size":
        return (_num(req.min), _num(req.max), req.unit or "people")
    if kind == "manages_managers":
        return "yes"
    if kind == "technology":
        return technology(req.value or req.text)
    if kind == "location":
        return place(req.value or req.text).strip()
    return (req.value or "").lower()


def _num(value) -> float | None:
    return None if value is None else float(value)


def matches(kind: str, gold, pred) -> bool:
    if kind == "location":
        return bool(gold) and f" {gold} " in f" {pred} "
    return gold == pred


# ---------------------------------------------------------------- running careerladder

@dataclass
class Output:
    """What careerladder made of one sampled posting."""

    roles: list[Role] = field(default_factory=list)
    fallback: bool = False
    error: str | None = None


def record_text(item: dict) -> tuple[str, str]:
    """(title, description) of a sampled record, read with the standard library (for the fallback)."""
    path = POSTINGS / item["path"]
    rec = item["record"]
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            row = next(r for r in csv.DictReader(fh) if r.get("job_id") == rec)
        return row.get("title") or "", "\n\n".join(row.get(k) or "" for k in ("company_profile", "description",
                                                                               "requirements", "benefits"))
    if path.suffix == ".jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if f"{r['path']}@{r['commit']}" == rec:
                return "", r["text"]
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data.get("jobs", []) if isinstance(data, dict) else data
    for r in records:
        if rec in (str(r.get("_id")), str(r.get("id"))) or str(r.get("url") or "").endswith(f"id={rec}"):
            title = str(r.get("title") or "")
            body = r.get("job_description") or r.get("text") or r.get("full_html") or r.get("description") or ""
            return title, str(body)
    raise KeyError(f"{item['path']}#{rec}")


def run(item: dict) -> Output:
    """Read, parse and extract one sampled posting as a user would; see the module docstring."""
    out = Output()
    doc_id = item["path"] + (f"#{item['record']}" if item["record"] else "")
    document = None
    try:
        docs = read_path(POSTINGS / item["path"], source=item["path"])
        if item["record"] is None:
            document = docs[0]
        else:
            document = next((d for d in docs if d.fragment == item["record"]), None)
    except CareerLadderError as exc:
        out.error = f"read: {exc}"  # kept only when the fallback below does not give a role either
    if document is None and item["record"] is not None:
        title, body = record_text(item)
        text = f"{title}\n\n{body}" if title else body
        name = f"{item['record']}.html" if re.search(r"<(?:p|a|br|i|b|pre|code)\b", body) else f"{item['record']}.txt"
        out.fallback = True
        try:
            document = read_text(text, name)[0]
        except CareerLadderError as exc:
            out.error = f"fallback read: {exc}"
    if document is None:
        return out
    try:
        out.roles = [extract(role) for role in parse(document, doc_id, any_text=True)]
        out.error = None
    except CareerLadderError as exc:
        out.error = f"parse: {exc}"
    return out


# ---------------------------------------------------------------- boilerplate locators

@dataclass
class Node:
    section: Section
    parent: "Node | None"
    statements: list  # every statement of this section (not of its subsections), depth first


def section_nodes(roles: list[Role]) -> list[Node]:
    nodes: list[Node] = []

    def walk(sections, parent):
        for s in sections:
            node = Node(s, parent, list(iter_statements(s.statements)))
            nodes.append(node)
            walk(s.subsections, node)

    for role in roles:
        walk(role.sections, None)
    return nodes


def _starts_with(text: str, words: str) -> bool:
    """``text`` starts with ``words``, or is itself the start of them (a sentence split inside the
    first three words: "Hi everyone!" for "Hi everyone! Jon")."""
    want, got = fold(words).split(), fold(text).split()
    k = min(len(want), len(got))
    return k > 0 and got[:k] == want[:k]


def _contains(text: str, words: str) -> bool:
    want = fold(words)
    return bool(want) and f" {want} " in f" {fold(text)} "


def _glued(text: str, words: str) -> bool:
    """The words occur even without spaces around them ("Who we areWe operate ...")."""
    want = fold(words).replace(" ", "")
    return bool(want) and want in fold(text).replace(" ", "")


def locate(nodes: list[Node], locator: str) -> Node | None:
    """The innermost section holding the start of a labelled block, or None when nothing fits."""
    how, _, what = locator.partition(":")
    if how == "heading":
        key = heading_key(what)
        for n in nodes:
            if n.section.heading and heading_key(n.section.heading) == key:
                return n
        how = "words"  # a heading the reader did not see may start a statement ("About UsFoundever ...")
    if how == "line":
        line = int(what)
        for n in nodes:
            if any(st.line <= line <= max(st.line, st.end_line) for st in n.statements):
                return n
        return next((n for n in nodes if n.section.line == line), None)
    for test in (_starts_with, _contains, _glued):
        for n in nodes:
            if any(test(st.text, what) for st in n.statements):
                return n
    for n in nodes:  # a "Key: value" line or a short line the reader made a heading ("Hiring Process: Phone ...")
        if n.section.heading and _starts_with(_opening(n), what):
            return n
    return None


def _opening(node: Node) -> str:
    """The section's heading and its first statement, as the text read before the reader split them."""
    first = node.statements[0].text if node.statements else ""
    return f"{node.section.heading} {first}"


def _glued_start(text: str, words: str) -> bool:
    """``text`` starts with ``words`` even run together ("The BenefitsGenerous paid time off")."""
    want = fold(words).replace(" ", "")
    return bool(want) and fold(text).replace(" ", "").startswith(want)


def removed(nodes: list[Node], locator: str) -> bool:
    """True when a labelled block's start is nowhere in the roles: the reader dropped it (the
    RemoteWLB reader drops the board's closing apply line on purpose) or cut it off (a block
    longer than ``thresholds.MAX_STATEMENT_CHARS`` loses its tail)."""
    what = locator.partition(":")[2]
    if locator.startswith("line:"):
        return False
    return bool(nodes) and not any(_glued(n.section.heading, what) or _glued(_opening(n), what) or
                                   any(_glued(st.text, what) for st in n.statements) for n in nodes)


def is_marked(node: Node | None) -> bool:
    return node is not None and node.section.kind in MARKED


def starts_block(node: Node, blocks: list[dict]) -> bool:
    """True when a section begins where a labelled block begins (its heading, line or words)."""
    first = node.statements[0] if node.statements else None
    for b in blocks:
        how, _, what = b["locator"].partition(":")
        if how == "heading" and node.section.heading and heading_key(node.section.heading) == heading_key(what):
            return True
        if how == "words" and node.section.heading and _starts_with(_opening(node), what):
            return True  # the block's first words became the heading ("Hiring Process: Phone screen ...")
        if first is None:
            continue
        if how == "line" and first.line == int(what):
            return True
        if how in ("words", "heading") and (_starts_with(first.text, what) or _glued_start(first.text, what)):
            return True
    return False


# ---------------------------------------------------------------- scoring

@dataclass
class Counts:
    labels: int = 0
    found: int = 0
    predictions: int = 0
    correct: int = 0

    def add(self, other: "Counts") -> None:
        self.labels += other.labels
        self.found += other.found
        self.predictions += other.predictions
        self.correct += other.correct

    @property
    def precision(self) -> float | None:
        return self.correct / self.predictions if self.predictions else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None


def score_requirements(label: dict, roles: list[Role], misses: list[str]) -> dict[str, Counts]:
    """Counts per type for one posting; misses gets 'missed'/'wrong' lines."""
    predicted = [r for role in roles for r in role.requirements]
    result = {}
    for kind in TYPES:
        gold = {label_key(r): r for r in label["requirements"] if r["type"] == kind}
        pred = {}
        for r in predicted:
            if r.type == kind:
                pred.setdefault(predicted_key(r), r)
        c = Counts(labels=len(gold), predictions=len(pred))
        for g, raw in gold.items():
            if any(matches(kind, g, p) for p in pred):
                c.found += 1
            else:
                misses.append(f"  missed {kind}: {_show_label(raw)}")
        for p, req in pred.items():
            if any(matches(kind, g, p) for g in gold):
                c.correct += 1
            else:
                misses.append(f"  wrong  {kind}: {_show_pred(req)}  (line {req.line}: {req.text[:70]!r})")
        result[kind] = c
    return result


def _show_label(req: dict) -> str:
    if "min" in req or "max" in req:
        extra = f" {req['unit']}" if req["type"] == "team_size" else ""
        return f"{req.get('min')}..{req.get('max')}{extra}"
    return str(req.get("value"))


def _show_pred(req) -> str:
    if req.type in ("years_experience", "team_size", "direct_reports"):
        return f"{req.min}..{req.max} {req.unit or ''}".strip()
    return str(req.value)


def years_qualifier_pairs(label: dict, roles: list[Role]) -> list[tuple[str, str | None]]:
    """(labelled 'about', predicted qualifier) for each matched years requirement."""
    pairs = []
    preds = [r for role in roles for r in role.requirements if r.type == "years_experience"]
    for g in label["requirements"]:
        if g["type"] != "years_experience":
            continue
        hit = next((p for p in preds if predicted_key(p) == label_key(g)), None)
        if hit is not None:
            pairs.append((g.get("about"), hit.qualifier))
    return pairs


def load_split(split: str) -> tuple[list[dict], dict[str, dict]]:
    """(the sampled items of ``split``, their hand labels by id), read from ``sample.json`` and the
    split's label file (``LABEL_FILES``); runs nothing. Raises ``ValueError`` naming the label file
    when a sampled id has no label or a label's id is not sampled in the split."""
    items = [it for it in json.loads(SAMPLE.read_text(encoding="utf-8")) if it["split"] in SPLITS[split]]
    path = LABEL_FILES[split]
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("split") in SPLITS[split]:
                labels[rec["id"]] = rec
    sampled = {it["id"] for it in items}
    if set(labels) != sampled:
        missing, extra = sorted(sampled - set(labels)), sorted(set(labels) - sampled)
        raise ValueError(f"{path.name}: {len(missing)} sampled ids of split {split} unlabelled {missing[:3]}, "
                         f"{len(extra)} labels not in the sample {extra[:3]}")
    return items, labels


def evaluate(split: str) -> tuple[dict, list[str]]:
    chosen, labels = load_split(split)
    per_type = {kind: Counts() for kind in TYPES}
    native = Counts()  # all types, postings read without the fallback only
    org = {"predicted": 0, "correct_predicted": 0, "labelled": 0, "found": 0}
    postings = {"labelled": 0, "job_posting": 0}
    titles = {"labelled": 0, "equal": 0}
    headings = {"labelled": 0, "found": 0}
    boiler = {"labelled": 0, "marked": 0, "removed": 0, "predicted": 0, "right": 0}
    qualifiers = []
    fallbacks, errors = [], []
    report: list[str] = []
    for it in chosen:
        label = labels[it["id"]]
        out = run(it)
        roles = out.roles
        lines: list[str] = []
        if out.fallback:
            fallbacks.append(it["id"])
        if out.error:
            errors.append(f"{it['id']}: {out.error}")
        # requirements
        for kind, c in score_requirements(label, roles, lines).items():
            per_type[kind].add(c)
            if not out.fallback:
                native.add(c)
        qualifiers += years_qualifier_pairs(label, roles)
        # organization: a null prediction abstains
        pred_org = next((r.organization for r in roles if r.organization), None)
        ok = organization_matches(label["organization"], pred_org)
        if pred_org:
            org["predicted"] += 1
            org["correct_predicted"] += ok
        if label["organization"]:
            org["labelled"] += 1
            org["found"] += ok
        if pred_org and not ok or label["organization"] and not ok:
            lines.append(f"  organization: label {label['organization']!r}, predicted {pred_org!r}")
        # kind and title
        if label.get("posting", True):
            postings["labelled"] += 1
            is_posting = bool(roles) and all(r.kind == "job_posting" for r in roles)
            postings["job_posting"] += is_posting
            if not is_posting:
                lines.append(f"  kind: {[r.kind for r in roles] or 'no role'}")
        if label["title"]:
            titles["labelled"] += 1
            got = heading_key(roles[0].title) if roles else ""
            want = heading_key(label["title"])
            titles["equal"] += bool(got) and (got == want or got in want or want in got)
        # headings
        nodes = section_nodes(roles)
        found_headings = {heading_key(n.section.heading) for n in nodes if n.section.heading}
        for h in label["headings"]:
            headings["labelled"] += 1
            if heading_key(h) in found_headings:
                headings["found"] += 1
            else:
                lines.append(f"  heading not found: {h!r}")
        # boilerplate
        blocks = label["boilerplate"]
        for b in blocks:
            boiler["labelled"] += 1
            where = locate(nodes, b["locator"])
            if is_marked(where):
                boiler["marked"] += 1
            elif where is None and removed(nodes, b["locator"]):
                boiler["removed"] += 1  # reported, not counted as marked: dropped text may be lost asks too
                lines.append(f"  boilerplate absent from the role: {b['kind']} {b['locator'][:60]!r}")
            else:
                kind = where.section.kind if where else "not located"
                lines.append(f"  boilerplate not marked: {b['kind']} {b['locator'][:60]!r} (section kind: {kind})")
        right: set[int] = set()
        for n in nodes:  # parents come before their subsections
            if not is_marked(n):
                continue
            boiler["predicted"] += 1
            if starts_block(n, blocks) or (n.parent is not None and id(n.parent) in right):
                right.add(id(n))
                boiler["right"] += 1
            else:
                lines.append(f"  marked wrongly: {n.section.kind} section {n.section.heading[:60]!r}")
        if lines:
            report.append(f"{it['id']}" + (" [fallback]" if out.fallback else ""))
            report.extend(lines)

    overall = Counts()
    for c in per_type.values():
        overall.add(c)
    no_tech = Counts()
    for kind, c in per_type.items():
        if kind != "technology":
            no_tech.add(c)
    figures = {
        "split": split, "postings": len(chosen), "fallbacks": len(fallbacks), "fallback_ids": fallbacks,
        "errors": errors,
        "requirements": {kind: _counts(c) for kind, c in per_type.items()},
        "overall": _counts(overall), "overall_without_technology": _counts(no_tech),
        "overall_read_natively": _counts(native),
        "years_qualifier_agreement": _ratio(sum(1 for a, b in qualifiers if a == b), len(qualifiers)),
        "organization": {"precision": _ratio(org["correct_predicted"], org["predicted"]),
                         "recall": _ratio(org["found"], org["labelled"]), **org},
        "job_posting_share": _ratio(postings["job_posting"], postings["labelled"]),
        "job_posting": postings,
        "title_agreement": _ratio(titles["equal"], titles["labelled"]),
        "headings": {"recall": _ratio(headings["found"], headings["labelled"]), **headings},
        "boilerplate": {"precision": _ratio(boiler["right"], boiler["predicted"]),
                        "recall": _ratio(boiler["marked"], boiler["labelled"]), **boiler},
    }
    return figures, report


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _counts(c: Counts) -> dict:
    return {"labels": c.labels, "predictions": c.predictions, "found": c.found, "correct": c.correct,
            "precision": _ratio(c.correct, c.predictions), "recall": _ratio(c.found, c.labels)}


# ---------------------------------------------------------------- printing

def _fmt(value: float | None) -> str:
    return "   —  " if value is None else f"{value:6.3f}"


def _target(name: str, value: float | None) -> str:
    if name not in TARGETS:
        return ""
    goal = TARGETS[name]
    verdict = "n/a" if value is None else ("met" if value >= goal else "MISSED")
    return f"≥ {goal:.2f} {verdict}"


def print_figures(f: dict) -> None:
    print(f"careerladder extraction vs hand labels: split {f['split']}, {f['postings']} postings, "
          f"{f['fallbacks']} read through the fallback (read_text of title + description)")
    print()
    print(f"{'requirement type':22} {'labels':>6} {'preds':>6} {'precision':>9} {'recall':>7}   target")
    for kind in TYPES:
        c = f["requirements"][kind]
        tgt = _target(f"{kind}_recall", c["recall"])
        print(f"{kind:22} {c['labels']:6} {c['predictions']:6} {_fmt(c['precision']):>9} {_fmt(c['recall']):>7}"
              f"   {('recall ' + tgt) if tgt else ''}")
    o = f["overall"]
    print(f"{'overall (micro)':22} {o['labels']:6} {o['predictions']:6} {_fmt(o['precision']):>9} "
          f"{_fmt(o['recall']):>7}   precision {_target('overall_precision', o['precision'])}, "
          f"recall {_target('overall_recall', o['recall'])}")
    w = f["overall_without_technology"]
    print(f"{'  without technology':22} {w['labels']:6} {w['predictions']:6} {_fmt(w['precision']):>9} "
          f"{_fmt(w['recall']):>7}")
    n = f["overall_read_natively"]
    print(f"{'  read natively only':22} {n['labels']:6} {n['predictions']:6} {_fmt(n['precision']):>9} "
          f"{_fmt(n['recall']):>7}   (postings read without the fallback)")
    print(f"{'years qualifier agrees':22} {_fmt(f['years_qualifier_agreement'])} (matched years only; no target)")
    print()
    org = f["organization"]
    print(f"organization           precision {_fmt(org['precision'])} ({org['correct_predicted']}/{org['predicted']} "
          f"non-null)   {_target('organization_precision', org['precision'])}")
    print(f"                       recall    {_fmt(org['recall'])} ({org['found']}/{org['labelled']} labelled)   "
          f"{_target('organization_recall', org['recall'])}")
    jp = f["job_posting"]
    print(f"kind == job_posting    share     {_fmt(f['job_posting_share'])} ({jp['job_posting']}/{jp['labelled']})   "
          f"{_target('job_posting_share', f['job_posting_share'])}")
    print(f"title agrees           share     {_fmt(f['title_agreement'])} (no target)")
    h = f["headings"]
    print(f"headings found         recall    {_fmt(h['recall'])} ({h['found']}/{h['labelled']}) (no target)")
    b = f["boilerplate"]
    print(f"boilerplate marked     precision {_fmt(b['precision'])} ({b['right']}/{b['predicted']} marked sections)   "
          f"{_target('boilerplate_precision', b['precision'])}")
    print(f"                       recall    {_fmt(b['recall'])} ({b['marked']}/{b['labelled']} labelled blocks; "
          f"{b['removed']} others absent from the role) (no target)")
    if f["errors"]:
        print()
        print("errors:")
        for e in f["errors"]:
            print("  " + e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=tuple(SPLITS), default="dev",
                    help="all = dev + frozen; holdout, holdout2 and holdout3 are each scored once, at the end of a round")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="also list misses and wrong predictions per posting")
    ap.add_argument("--check-labels", action="store_true",
                    help="only check that every sampled id of the split has one label (runs nothing, prints no figure)")
    args = ap.parse_args(argv)
    if args.check_labels:
        try:
            items, labels = load_split(args.split)
        except ValueError as err:
            print(err, file=sys.stderr)
            return 1
        print(f"split {args.split}: {len(items)} sampled postings, {len(labels)} labels, ids equal")
        return 0
    if not POSTINGS.is_dir():
        print(f"corpus not found at {POSTINGS}", file=sys.stderr)
        return 2
    figures, report = evaluate(args.split)
    if args.json:
        print(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        print_figures(figures)
    if args.misses:
        print()
        print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
