"""Fuzz every stage with generated and mutated inputs; report crashes and the slowest input.

    .venv/bin/python benchmarks/fuzz.py                      # 10^6 inputs, at most 40 minutes
    .venv/bin/python benchmarks/fuzz.py --inputs 20000 --minutes 2 --workers 1   # a quick look

Stages: ``document`` (text -> ``read_text`` -> parse -> extract -> classify, a batch of
documents -> ``resolve``; every 20th role is checked against ``role.schema.json`` and written to an
in-memory SQLite store), ``statement`` (one statement through every requirement rule, the
inheritance patterns, sentence splitting, title cleaning and the classifier) and ``front_matter``
(YAML front matter through ``readers.frontmatter.split``). Inputs come from fast ``random``
generators (Markdown, HTML, plain text, odd YAML, pathological repetitions aimed at regex
backtracking) and from mutations of the seeds and a sample of the corpus (read at run time).

A crash is any exception other than ``ReadError``/``LimitError``/``ParseError``, an error message
that is not one line, a statement or requirement whose line is outside the document, a role that
fails the JSON Schema, or a store write that fails; each is saved with its traceback under
``--out``. Prints inputs/s per stage, peak RSS, the seeds' docs/s measured in the same run (the
baseline) and the slowest inputs, re-timed alone (best of 5) so that a busy machine does not count.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder import codec  # noqa: E402
from careerladder.classify import default_classifier  # noqa: E402
from careerladder.errors import CareerLadderError, ParseError, ReadError  # noqa: E402
from careerladder.extract.grammar import clean_title, slugify, split_sentences, tokens  # noqa: E402
from careerladder.extract.rules import RULES, Context, inheritance  # noqa: E402
from careerladder.extract.titles import title_level  # noqa: E402
from careerladder.model import Statement, iter_sections, role_statements  # noqa: E402
from careerladder.pipeline import ROLE_SCHEMA, analyze  # noqa: E402
from careerladder.readers import frontmatter, read_text  # noqa: E402
from careerladder.resolve import resolve  # noqa: E402
from careerladder.store import DocumentRecord, open_store  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
SLOW_KEEP = 8  # slowest inputs kept per stage and worker for re-timing
TARGET_SECONDS = 0.050  # every document should be read and analyzed in less
MAX_DOCUMENT_CHARS = 24_000  # generated documents are cut here (a real posting or level is 2-10 KB)
MIX = (("document", 0.06), ("statement", 0.54), ("front_matter", 0.40))  # share of inputs per stage

# -- vocabulary the generators draw on (our own words) -------------------------------------------
TITLES = ["Engineering Manager", "Senior Engineering Manager", "Director of Engineering", "VP of Engineering",
          "Senior Director, Engineering", "CTO", "Head of Engineering", "Team Lead", "Engineering Lead",
          "Level 3: Engineering Manager", "EM5 - Engineering Manager 5", "Engineering Manager (Manager 5)",
          "엔지니어링 매니저", "研发总监 Director of Engineering", "Director", "Manager/Director of Engineering"]
HEADINGS = ["Should have", "Is expected to", "Requirements", "Responsibilities", "Nice to have", "Benefits",
            "About us", "Strategy", "Results", "Management", "What you'll do", "Years of experience",
            "What do you need?", "Perks", "자격 요건", "岗位职责", "Impact (I5)", "Your role", "Overview"]
PHRASES = ["{n}+ years of experience managing engineers", "at least {w} years of leadership experience",
           "teams of {n}-{m} people", "a team of {w} engineers", "{n} direct reports", "span of control of {n}",
           "experience managing managers", "a manager of managers", "lead an organization of {n}+ engineers",
           "BS/MS in Computer Science or equivalent experience", "a PhD preferred", "Go, Python and Kubernetes",
           "Location: Berlin, Germany", "Remote-first, work from anywhere", "hybrid (3 days on-site)",
           "Same as {t}, but also...", "Every {t} has what it takes to be an {t2} and meets the expectations "
           "for that level.", "extends the [{t}]({h}) role", "Continue reading: [{t}]({h})",
           "Previous level: {t}", "Everything a {t} does plus more", "based in San Francisco or Remote",
           "an {n}-person team", "{w} to {w} years", "minimum of {n} years", "{n}yrs exp",
           "Hold weekly 1:1s and give feedback", "own the roadmap and the budget (P&L)"]
FILLER = ["We build products people love.", "You will hire and grow a strong team.", "팀을 이끌고 성장시킵니다.",
          "负责团队管理和技术架构。", "Vio.com’s members rely on us.", "e.g. on-call, etc. and so on",
          "Über uns: wir sind ein Team.", "مرحبا بالعالم", "😀 🚀 ✨", "\u200b\u200e\u202e reversed",
          "\u00a0non\u00a0breaking", "tab\there", "form\x0cfeed", "vt\x0bchar", "esc\x1b[31m", "del\x7f",
          "nel\x85line", "ls\u2028ps\u2029", "&amp; &bull; &#x2F; &rsquo;", "<script>alert(1)</script>",
          "java\tscript:alert(1)", "C++, C#, .NET and F#", "Sr. Eng. Mgr.", "Mariana Tek's engineers"]
WORDS = ["years", "year", "at least", "team", "of", "engineers", "managers", "manage", "same as", "director",
         "-", "+", "to", "or", "1", "12", "1,000", "twenty", "several", "(", ")", "[", "]", ":", ".", ",",
         "level", "remote", "degree", "reports", "lead", "the", "experience", "*", "_", "**", "`", "#", "|"]
PATHOLOGICAL = ["1", "1,", "1-", "1.", "12 ", "at least ", "years ", "a-", " ", "\t", "*", "_", "[", "](",
                "<", "&#", "{{", "same as ", "Level ", "(", "Director of ", "manager of managers ", "- ",
                "<b>", "<div>", "<ul><li>", "**a", "> ", "  - x\n", "1+ ", "one or ", "teams of ", "e.g. ",
                "A. ", "Sr. ", "x" * 10, "\n", "\n\n", "---\n", "|a", "![", "\\", "&", "`"]
YAML_VALUES = ["Engineering Manager", "!!timestamp '2016-10-18'", "2019-01-01", "[a, b, [c, [d]]]", "{a: {b: c}}",
               "!ruby/object:Foo {a: 1}", "!!python/object/apply:os.system ['echo pwned']", "|\n  multi\n  line",
               ">\n  folded", "~", "yes", "0x1F", "1e309", "-.inf", "'quoted: colon'", '"esc \\u00e9 \\x41"',
               "&anc [1, 2]", "*anc", "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "'unterminated",
               "\t tab", "- list\n- items", "{unclosed", "엔지니어", "@at", "`tick`", "? complex\n: key",
               "!!str 12", "!!int '12'", "!!float x", "!!bool maybe", "!<tag:yaml.org,2002:str> x"]


def _pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def phrase(rng: random.Random) -> str:
    """One requirement-like or filler sentence, sometimes with a pathological repetition."""
    roll = rng.random()
    if roll < 0.55:
        n = rng.choice([1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 100, 999, 10**6])
        return _pick(rng, PHRASES).format(n=n, m=n + rng.randrange(50), w=_pick(rng, ["five", "two", "a few",
                                                                                      "twenty", "several"]),
                                          t=_pick(rng, TITLES), t2=_pick(rng, TITLES),
                                          h=_pick(rng, ["vp.md", "../em.md#level-3", "https://x.invalid/a",
                                                        "javascript:alert(1)", "#director", ""]))
    if roll < 0.8:
        return _pick(rng, FILLER)
    if roll < 0.93:
        return " ".join(_pick(rng, WORDS) for _ in range(rng.randrange(1, 40)))
    unit = _pick(rng, PATHOLOGICAL)
    return unit * (rng.choice([10, 100, 1000, 4000, rng.randrange(1, 6000)]) // len(unit) + 1)


def gen_front_matter(rng: random.Random) -> str:
    """YAML front matter (odd on purpose), fenced or headerless, sometimes broken or unclosed."""
    lines = [f"title: {_pick(rng, TITLES)}"] if rng.random() < 0.7 else []
    for _ in range(rng.randrange(0, 8)):
        key = _pick(rng, ["company", "summary", "location", "tags", "created", "extends", "next_level", "remote",
                          "levels", "a", "비고", "? weird", "title", "<b>k</b>"])
        lines.append(f"{key}: {_pick(rng, YAML_VALUES)}")
    if rng.random() < 0.05:  # aliases that expand, or refer to themselves
        lines += ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
            f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, rng.randrange(2, 9))]
    if rng.random() < 0.03:
        lines.append("self: &s [*s]" if rng.random() < 0.5 else "deep: " + "[" * 3000 + "]" * 3000)
    body = "\n".join(lines)
    roll = rng.random()
    if roll < 0.85:
        return f"---\n{body}\n---\n"
    if roll < 0.93:
        return f"{body}\n---\n"  # headerless (pythonjobs style)
    return f"---\n{body}\n"  # never closed


def gen_markdown(rng: random.Random) -> str:
    out = [gen_front_matter(rng)] if rng.random() < 0.4 else []
    title = _pick(rng, TITLES)
    out.append(_pick(rng, [f"# {title}\n", f"{title}\n{'=' * len(title)}\n", f"**{title}**\n", ""]))
    for _ in range(rng.randrange(0, 7)):
        head = _pick(rng, HEADINGS)
        out.append(_pick(rng, [f"{'#' * rng.randrange(1, 7)} {head}\n", f"**{head}**\n", f"{head}\n---\n"]))
        for _ in range(rng.randrange(0, 6)):
            kind = rng.random()
            if kind < 0.45:
                depth = 0
                for _ in range(rng.randrange(1, 12)):
                    depth = max(0, depth + rng.choice([-1, 0, 1, 1, 2] if rng.random() < 0.9 else [30]))
                    indent = _pick(rng, ["  ", "    ", "\t"]) * depth
                    out.append(f"{indent}{_pick(rng, ['-', '*', '+', '1.', '- [ ]', '- [x]'])} {phrase(rng)}\n")
            elif kind < 0.7:
                out.append(" ".join(phrase(rng) for _ in range(rng.randrange(1, 5))) + "\n")
            elif kind < 0.78:
                out.append("| a | b |\n|---|---|\n" + "".join(f"| {phrase(rng)} | {phrase(rng)} |\n"
                                                            for _ in range(rng.randrange(1, 4))))
            elif kind < 0.84:
                out.append("> " * rng.choice([1, 1, 2, 5, 40]) + phrase(rng) + "\n")
            elif kind < 0.9:
                out.append(gen_html(rng, fragment=True) + "\n")
            elif kind < 0.94:
                out.append(f"```{_pick(rng, ['', 'yaml', 'mermaid'])}\n{phrase(rng)}\n" + ("```\n" if rng.random() < .7
                                                                                           else ""))
            else:
                out.append(f"{{{{< {_pick(rng, ['toc', 'note', 'include x'])} >}}}} {{% raw %}} {phrase(rng)}\n")
        out.append("\n" if rng.random() < 0.8 else "")
    return "\n".join(out)


HTML_TAGS = ["p", "div", "span", "ul", "ol", "li", "strong", "b", "em", "i", "a", "br", "h1", "h2", "h3", "h4",
             "table", "tr", "td", "th", "tbody", "blockquote", "font", "center", "section", "script", "style",
             "svg", "math", "pre", "nav", "template", "iframe", "img", "select", "textarea", "dl", "dt", "dd"]
ENTITIES = ["&amp;", "&bull;", "&rsquo;", "&nbsp;", "&#x2F;", "&#0;", "&#xD800;", "&#99999999;", "&unknown;",
            "&lt;script&gt;", "&#106;avascript:", "&", "&#", "&#x;", "&amp"]


def gen_html(rng: random.Random, fragment: bool = False, depth: int = 0) -> str:
    """Random HTML: nested tags (some left open, some closed twice), entities, attributes, payloads."""
    if depth == 0 and rng.random() < 0.03:  # one deep chain
        tag = _pick(rng, ["div", "b", "ul", "table", "blockquote", "span", "font", "li"])
        n = rng.choice([50, 150, 250, 1000, 5000])
        return f"<{tag}>" * n + phrase(rng) + (f"</{tag}>" * n if rng.random() < 0.5 else "")
    parts = []
    if depth == 0 and not fragment:
        page = f"<!DOCTYPE html><html><head><title>{_pick(rng, TITLES)}</title></head><body>"
        parts.append(_pick(rng, ["", page, gen_front_matter(rng), "<html>"]))
    for _ in range(rng.randrange(1, 6 if depth < 6 else 2)):
        roll = rng.random()
        if roll < 0.35 or depth > 8:
            parts.append(phrase(rng) if rng.random() < 0.8 else _pick(rng, ENTITIES) * rng.randrange(1, 40))
            continue
        tag = _pick(rng, HTML_TAGS)
        attrs = _pick(rng, ["", ' href="vp.md"', ' href="javascript:alert(1)"', ' style="font-weight:bold"',
                            ' onclick="alert(1)"', " class='toc'", ' id="content"', ' role="main"', " x=", ' a="'])
        inner = gen_html(rng, True, depth + 1)
        close = _pick(rng, [f"</{tag}>", f"</{tag}>", f"</{tag}>", "", f"</{tag}></{tag}>", "</p>"])
        parts.append(f"<{tag}{attrs}>{inner}{close}")
        if rng.random() < 0.05:
            parts.append(_pick(rng, ["<!-- c -->", "<!-- open", "<![CDATA[x]]>", "<?php ?>", "</>", "<", "<a"]))
    return ("\n" if rng.random() < 0.5 else "").join(parts)


def gen_text(rng: random.Random) -> str:
    lines = [_pick(rng, TITLES), ""] if rng.random() < 0.8 else []
    for _ in range(rng.randrange(1, 20)):
        roll = rng.random()
        if roll < 0.2:
            lines += ["", _pick(rng, [h.upper() for h in HEADINGS] + [h + ":" for h in HEADINGS] + HEADINGS)]
        elif roll < 0.55:
            lines.append(" " * rng.choice([0, 0, 2, 4, 8, 40]) + _pick(rng, ["- ", "* ", "• ", "1. ", "a) ", "o "])
                         + phrase(rng))
        elif roll < 0.62:
            lines.append(_pick(rng, ["===", "---", "- - -"]))
        else:
            lines.append(phrase(rng))
    return "\n".join(lines)


MUTATION_TOKENS = ["<", ">", "---\n", "**", "*", "_", "[", "](", "{{", "}}", "\n", "\n\n", "# ", "- ", "  ",
                   "\t", "&", "&#", "|", "`", "```\n", "\u202e", "\x0b", "\x1b", "\ufeff", "😀", "한", "中",
                   "<p>", "</li>", "<table>", "<b>", "Same as ", " years", "1", "\r", "\r\n"]


def mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    for _ in range(rng.randrange(1, 9)):
        n = len(text)
        i, j = sorted((rng.randrange(n + 1), rng.randrange(n + 1)))
        roll = rng.random()
        if roll < 0.3:
            text = text[:i] + _pick(rng, MUTATION_TOKENS) * rng.choice([1, 1, 2, 10, 200]) + text[i:]
        elif roll < 0.45:
            text = text[:i] + text[j:]
        elif roll < 0.6 and j - i < 2000:
            text = text[:j] + text[i:j] * rng.randrange(2, 30) + text[j:]
        elif roll < 0.72:
            other = _pick(rng, pool)
            k = rng.randrange(len(other) + 1)
            text = text[:i] + other[k:k + rng.randrange(2000)] + text[j:]
        elif roll < 0.85:
            code = _pick(rng, [rng.randrange(1, 32), rng.randrange(0x80, 0x800), rng.randrange(0x800, 0xD800),
                               rng.randrange(0xE000, 0x110000)])
            text = text[:i] + chr(code) + text[i:]
        elif roll < 0.93:
            text = text[:i]
        else:
            text = text.upper() if rng.random() < 0.5 else text.replace("\n", "\r\n")
    return text


def load_pool(rng: random.Random, limit: int = 300) -> list[str]:
    """The seeds and a sample of small corpus files (read now, never stored)."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.glob("*"))] if SEEDS.exists() else []
    if CORPUS.exists():
        files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and 200 < p.stat().st_size < 20_000
                       and p.suffix.lower() in ("", ".md", ".html", ".txt", ".htm", ".yml", ".yaml"))
        for p in rng.sample(files, min(limit, len(files))):
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
    return texts or [gen_markdown(rng)]


# -- stages: each runs one input, raises AssertionError on a broken property ------------------------
class Checker:
    """Per-process state: the classifier, the schema validator and an in-memory store."""

    def __init__(self) -> None:
        import jsonschema

        self.validator = jsonschema.Draft202012Validator(json.loads(ROLE_SCHEMA.read_text()))
        self.classifier = default_classifier()
        self.store = open_store(":memory:")
        self.count = 0
        self.unnamed: dict[str, int] = {}  # error messages that do not name their file -> count

    def documents(self, batch: list[tuple[str, str]]) -> list[float]:
        """read -> analyze each (name, text); resolve the batch; check lines, schema, store. Seconds per doc."""
        times, roles, lines = [], [], {}
        for name, text in batch:
            t0 = time.process_time()
            try:
                docs = read_text(text, name)
            except ReadError as exc:
                self.one_line(exc, name)
                times.append(time.process_time() - t0)
                continue
            for doc in docs:
                try:
                    found = analyze(doc, name + (f"#{doc.fragment}" if doc.fragment else ""))
                except ParseError as exc:
                    self.one_line(exc, name)
                    continue
                roles += found
                lines.update({r.id: (document_lines(doc, text), doc.format) for r in found})
            times.append(time.process_time() - t0)
        resolved, ladders, diags = resolve(roles)
        assert all("\n" not in str(d) for d in diags), "multi-line diagnostic"
        effective = {rid: e for lad in ladders for rid, e in lad.effective.items()}
        for role in resolved:
            last, fmt = lines[role.id]
            for _, st in role_statements(role):
                assert 1 <= st.line <= last, f"[{fmt}] statement line outside the document: {st.line} " \
                                             f"not in 1..{last}: {st.text[:60]!r}"
            for req in role.requirements:
                assert 1 <= req.line <= last, f"[{fmt}] requirement line outside the document: {req.line}"
            assert all(s.kind for s in iter_sections(role.sections))
            self.count += 1
            if self.count % 20 == 0:
                data = codec.role_data(role, effective.get(role.id))
                errors = sorted(self.validator.iter_errors(data), key=str)
                assert not errors, f"schema: {errors[0].message[:200]}"
                record = DocumentRecord(role.id, role.content_hash, str(self.count), "fuzz", {})
                self.store.write_document(record, [data])
        return times

    def one_line(self, exc: CareerLadderError, name: str) -> None:
        """The error is one line; one that does not name its file is counted (the pipeline adds the name)."""
        _one_line(exc)
        if not str(exc).startswith(name):
            self.unnamed[exc.message[:80]] = self.unnamed.get(exc.message[:80], 0) + 1

    def statement(self, text: str, label: str | None, kind: str, path: tuple[str, ...]) -> None:
        st = Statement("r:1", text, 7, 7, label=label)
        ctx = Context(kind, path, "Engineering Manager", "job_posting", (f"{label}: {text}" if label else text).lower())
        for rule in RULES:
            for req in rule(st, ctx):
                assert req.line == 7 and req.statement_id == "r:1"
        inheritance.find_parents(st)
        inheritance.find_next_level(st)
        for sentence, offset in split_sentences(text):
            assert 0 <= offset <= len(text)
        clean_title(text[:300])
        title_level(text[:300])
        slugify(text[:300])
        tokens(text)
        self.classifier.predict_one(st, " ".join(path))


def line_count(text: str) -> int:
    """Lines of ``text`` as readers count them: ``\r\n``, ``\r`` and ``\n`` each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1

def document_lines(doc, text: str) -> int:
    """Lines a document's blocks may point at: the file's, or for a ``remotewlb_history`` record
    those of the README version it holds (docs/formats.md)."""
    if doc.format == "remotewlb_history":
        return line_count(json.loads(text.split("\n")[doc.metadata["jsonl_line"] - 1])["text"])
    return line_count(text)


def _one_line(exc: CareerLadderError) -> None:
    assert "\n" not in str(exc) and "\r" not in str(exc), f"error is not one line: {str(exc)[:200]!r}"


def gen_container(rng: random.Random) -> tuple[str, str]:
    """A file of many postings for the posting readers: HN JSON, a job board, JSON Lines of README
    versions, a GitHub issue, JSON-LD in a page, or a CSV; records sometimes broken or odd."""
    texts = [phrase(rng) if rng.random() < 0.5 else gen_html(rng, fragment=True) for _ in range(rng.randrange(1, 4))]
    kind = rng.randrange(6)
    if kind == 0:
        records: list = [{"full_html": t, "url": f"u{i}", "remote": rng.random() < 0.5} for i, t in enumerate(texts)]
        return "posts.json", json.dumps(records + _pick(rng, [[], [1], ["x"], [{}], [{"full_html": None}]]), indent=1)
    if kind == 1:
        return "jobs.json", json.dumps([{"position": _pick(rng, TITLES), "company": phrase(rng), "description": t}
                                        for t in texts])
    if kind == 2:
        return "history.jsonl", "\n".join(json.dumps({"path": f"jobs/x/{i}/README.md", "commit": "c" * 40,
                                                      "text": f"# [{_pick(rng, TITLES)}](u)\n\n{t}"})
                                          for i, t in enumerate(texts))
    if kind == 3:
        return "issue.json", json.dumps({"raw_source": {"title": _pick(rng, TITLES), "body": texts[0], "labels": []}})
    if kind == 4:
        post = {"@context": "https://schema.org", "@type": "JobPosting", "title": _pick(rng, TITLES),
                "hiringOrganization": {"name": phrase(rng)}, "description": texts[0]}
        return "page.html", ('<html><head><script type="application/ld+json">' + json.dumps(post)
                             + "</script></head><body></body></html>")
    rows = ["title,location,description,requirements"] + [
        ",".join('"' + c.replace('"', '""') + '"' for c in (_pick(rng, TITLES), phrase(rng), t, phrase(rng)))
        for t in texts]
    return "postings.csv", "\n".join(rows) + "\n"


def gen_document(rng: random.Random, pool: list[str]) -> tuple[str, str]:
    """(file name, text): generated Markdown, HTML, text or a file of postings, or a mutated seed
    or corpus file (mutations of structured files included)."""
    roll = rng.random()
    if roll < 0.1:
        name, text = gen_container(rng)
        return name, (mutate(rng, text, pool) if rng.random() < 0.3 else text)[:MAX_DOCUMENT_CHARS]
    if roll < 0.3:
        name, text = f"doc{rng.randrange(9)}.md", gen_markdown(rng)
    elif roll < 0.5:
        name, text = f"doc{rng.randrange(9)}.html", gen_html(rng)
    elif roll < 0.6:
        name, text = f"doc{rng.randrange(9)}.txt", gen_text(rng)
    else:
        name = _pick(rng, ["doc.md", "doc.html", "doc.txt", "doc", "doc.json", "doc.csv"])
        text = mutate(rng, _pick(rng, pool), pool)
    return name, text[:MAX_DOCUMENT_CHARS]


STAGES = ("document", "statement", "front_matter")


def run_chunk(job: tuple[int, int, str]) -> dict:
    """Run ``n`` inputs from ``seed``; return counts, seconds, crashes and the slowest inputs per stage."""
    seed, n, out = job
    rng = random.Random(seed)
    checker = _CHECKER or Checker()
    pool = _POOL
    stats = {s: {"inputs": 0, "seconds": 0.0, "crashes": 0, "over_50ms": 0} for s in STAGES}
    slow: dict[str, list] = {s: [] for s in STAGES}
    crashes: list[str] = []
    done = 0
    while done < n:
        roll, stage = rng.random(), MIX[-1][0]
        for name, share in MIX:
            if roll < share:
                stage = name
                break
            roll -= share
        if stage == "document":  # a batch: documents of one folder resolved together
            payload = [gen_document(rng, pool) for _ in range(rng.choice([1, 1, 1, 2, 4]))]
            payload = [(f"d{i}/{name}" if i else name, text) for i, (name, text) in enumerate(payload)]
        elif stage == "statement":
            payload = (phrase(rng) if rng.random() < 0.7 else mutate(rng, phrase(rng), pool)[:8000],
                       _pick(rng, [None, None, "Impact", "Location", "**x**"]),
                       _pick(rng, ["qualifications", "responsibilities", "benefits", "about", "other"]),
                       tuple(rng.sample(HEADINGS, rng.randrange(0, 3))))
        else:
            payload = gen_front_matter(rng) + (phrase(rng) if rng.random() < 0.7 else "")
        t0 = time.process_time()
        try:
            times = call(checker, stage, payload)
        except Exception:  # noqa: BLE001 - every other exception is a finding
            stats[stage]["crashes"] += 1
            crashes.append(save_crash(out, stage, payload, traceback.format_exc()))
            times = [time.process_time() - t0] * len(payload) if stage == "document" else [time.process_time() - t0]
        stats[stage]["seconds"] += time.process_time() - t0
        count = len(payload) if stage == "document" else 1
        stats[stage]["inputs"] += count
        done += count
        items = list(zip(times, payload)) if stage == "document" else [(times[0], payload)]
        for elapsed, item in items:
            stats[stage]["over_50ms"] += elapsed > TARGET_SECONDS
            entry = (elapsed, seed, done, item)
            if len(slow[stage]) < SLOW_KEEP:
                heapq.heappush(slow[stage], entry)
            elif elapsed > slow[stage][0][0]:
                heapq.heapreplace(slow[stage], entry)
    unnamed, checker.unnamed = checker.unnamed, {}
    return {"stats": stats, "slow": slow, "crashes": crashes, "unnamed": unnamed}


def call(checker: Checker, stage: str, payload) -> list[float]:
    """Run one input; CPU seconds (per document for a batch), so that other processes do not count."""
    t0 = time.process_time()
    if stage == "document":
        return checker.documents(payload)
    if stage == "statement":
        checker.statement(*payload)
    else:
        try:
            frontmatter.split(payload, "fm.md")
        except ReadError as exc:
            _one_line(exc)
            assert str(exc).startswith("fm.md"), f"error does not name the file: {str(exc)[:200]!r}"
    return [time.process_time() - t0]


def save_crash(out: str, stage: str, payload, tb: str) -> str:
    blob = json.dumps(payload, ensure_ascii=False)
    digest = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = Path(out) / f"crash-{stage}-{digest}.json"
    path.write_text(json.dumps({"stage": stage, "payload": payload, "traceback": tb}, ensure_ascii=True, indent=1))
    return str(path)


_CHECKER: Checker | None = None
_POOL: list[str] = []


def _init(pool: list[str]) -> None:
    global _CHECKER, _POOL
    _CHECKER, _POOL = Checker(), pool


def retime(checker: Checker, stage: str, item, repeat: int = 5) -> float:
    """Best of ``repeat`` runs of one input alone (a busy machine inflates single timings)."""
    payload = [item] if stage == "document" else item
    best = float("inf")
    for _ in range(repeat):
        try:
            best = min(best, max(call(checker, stage, payload)))
        except Exception:  # noqa: BLE001 - already reported as a crash
            return float("nan")
    return best


def doubled(stage: str, item):
    """The same input twice over (time should double: more means superlinear work)."""
    if stage == "document":
        return (item[0], item[1] + "\n" + item[1])
    if stage == "statement":
        return (item[0] + " " + item[0],) + tuple(item[1:])
    return item + "\n" + item


def baseline(checker: Checker) -> float:
    """Seeds through the document stage, docs/s (the same work as a fuzz document)."""
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*"))] if SEEDS.exists() else []
    if not docs:
        return float("nan")
    t0, n = time.perf_counter(), 0
    while time.perf_counter() - t0 < 3:
        checker.documents(docs)
        n += len(docs)
    return n / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs to run (all stages)")
    parser.add_argument("--minutes", type=float, default=40.0, help="stop after this long even if short of --inputs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=2000)
    parser.add_argument("--out", default="fuzz-out", help="folder for crash inputs and the slowest inputs")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pool = load_pool(random.Random(args.seed))
    checker = Checker()
    base = baseline(checker)
    print(f"baseline: seeds through the document stage {base:.0f} docs/s; pool of {len(pool)} texts; "
          f"{args.workers} workers", flush=True)
    deadline = time.time() + args.minutes * 60
    totals = {s: {"inputs": 0, "seconds": 0.0, "crashes": 0, "over_50ms": 0} for s in STAGES}
    slow: dict[str, list] = {s: [] for s in STAGES}
    crashes: list[str] = []
    unnamed: dict[str, int] = {}
    jobs = ((args.seed * 1_000_003 + i, args.chunk, str(out)) for i in range(10**9))
    started, done = time.time(), 0
    with mp.Pool(args.workers, initializer=_init, initargs=(pool,)) as workers:
        for result in workers.imap_unordered(run_chunk, _until(jobs, lambda: done >= args.inputs
                                                                or time.time() > deadline)):
            for s in STAGES:
                for k in totals[s]:
                    totals[s][k] += result["stats"][s][k]
                slow[s] = heapq.nlargest(SLOW_KEEP, slow[s] + result["slow"][s], key=lambda e: e[0])
            crashes += result["crashes"]
            for message, count in result["unnamed"].items():
                unnamed[message] = unnamed.get(message, 0) + count
            done = sum(t["inputs"] for t in totals.values())
            rate = done / (time.time() - started)
            print(f"{done:>9,} inputs  {rate:7.0f}/s  crashes {len(crashes)}", flush=True)
            if done >= args.inputs or time.time() > deadline:
                workers.terminate()
                break
    wall = time.time() - started
    print(f"\n{done:,} inputs in {wall:.0f} s: {done / wall:.0f} inputs/s on {args.workers} workers "
          f"({'reached' if done >= args.inputs else 'SHORT of'} --inputs {args.inputs:,})")
    for s in STAGES:
        t = totals[s]
        per = t["inputs"] / t["seconds"] if t["seconds"] else 0
        print(f"  {s:12} {t['inputs']:>9,} inputs  {per:8.0f}/s per worker  crashes {t['crashes']}  "
              f"over 50 ms: {t['over_50ms']} (first run)")
    if "document" in totals and totals["document"]["seconds"]:
        fuzz_rate = totals["document"]["inputs"] / totals["document"]["seconds"]
        print(f"  document stage vs the seeds baseline: {fuzz_rate / base:.2f}x the seeds' docs/s")
    print(f"peak RSS (main process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"largest worker: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    print("\nslowest inputs, re-timed alone (CPU time, best of 5), and the time for the input doubled:")
    worst, worst_growth = 0.0, 0.0
    for s in STAGES:
        for elapsed, seed, _, item in slow[s][:4]:
            again = retime(checker, s, item)
            growth = retime(checker, s, doubled(s, item), repeat=3) / again if again > 0.002 else float("nan")
            worst = max(worst, again) if s == "document" else worst
            worst_growth = max(worst_growth, growth) if growth == growth else worst_growth
            path = out / f"slow-{s}-{hashlib.sha256(repr(item).encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.json"
            path.write_text(json.dumps({"stage": s, "payload": item, "seconds": again}, ensure_ascii=True))
            size = len(item[1]) if s == "document" else len(str(item))
            print(f"  {s:12} {again * 1000:8.1f} ms (first run {elapsed * 1000:5.1f} ms) {size:>7} chars, "
                  f"doubled x{growth:.1f}  {path}")
    print(f"\ncrashes: {len(crashes)}" + "".join(f"\n  {n:>6} x {kind}" for kind, n in crash_kinds(crashes)))
    print("".join(f"  {c}\n" for c in crashes[:10]), end="")
    print(f"slowest document: {worst * 1000:.1f} ms (target: under 50 ms); largest growth when an input is "
          f"doubled: x{worst_growth:.1f} (linear work doubles; quadratic quadruples)")
    if unnamed:
        print(f"errors from read_text that do not name the file (the pipeline names it): {sum(unnamed.values())}"
              + "".join(f"\n  {n:>6} x {m}" for m, n in sorted(unnamed.items(), key=lambda kv: -kv[1])[:5]))
    return 1 if crashes else 0


def crash_kinds(paths: list[str]) -> list[tuple[str, int]]:
    """Crashes grouped by what failed: the exception and the frame of the project that raised it."""
    kinds: dict[str, int] = {}
    for path in paths:
        lines = json.loads(Path(path).read_text())["traceback"].strip().splitlines()
        if lines[-1].startswith("AssertionError: "):  # a property: its message says which one
            kind = "property " + lines[-1][len("AssertionError: "):].split(":", 1)[0]
        else:
            frames = [ln.strip() for ln in lines if ln.strip().startswith("File ")]
            where = frames[-1].split("/main/", 1)[-1].split(",", 2)[:2] if frames else ["?"]
            kind = f"{lines[-1].split(':', 1)[0]} in {' '.join(w.strip() for w in where)}"
        kinds[kind] = kinds.get(kind, 0) + 1
    return sorted(kinds.items(), key=lambda kv: -kv[1])


def _until(jobs, stop):
    for job in jobs:
        if stop():
            return
        yield job


if __name__ == "__main__":
    sys.exit(main())
