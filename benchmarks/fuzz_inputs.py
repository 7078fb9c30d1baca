"""Inputs for ``benchmarks/fuzz.py``: fast ``random`` generators of Markdown, HTML, plain text,
odd YAML front matter, statements with pathological repetitions (aimed at regex backtracking) and
files of many postings, plus mutations of the seeds and a sample of the corpus (read at run time,
never stored). Every word here is ours."""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
MAX_DOCUMENT_CHARS = 24_000  # generated documents are cut here (a real posting or level is 2-10 KB)

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


def pick(rng: random.Random, items):
    return items[rng.randrange(len(items))]


def phrase(rng: random.Random) -> str:
    """One requirement-like or filler sentence, sometimes with a pathological repetition."""
    roll = rng.random()
    if roll < 0.55:
        n = rng.choice([1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 100, 999, 10**6])
        return pick(rng, PHRASES).format(n=n, m=n + rng.randrange(50), w=pick(rng, ["five", "two", "a few",
                                                                                      "twenty", "several"]),
                                          t=pick(rng, TITLES), t2=pick(rng, TITLES),
                                          h=pick(rng, ["vp.md", "../em.md#level-3", "https://x.invalid/a",
                                                        "javascript:alert(1)", "#director", ""]))
    if roll < 0.8:
        return pick(rng, FILLER)
    if roll < 0.93:
        return " ".join(pick(rng, WORDS) for _ in range(rng.randrange(1, 40)))
    unit = pick(rng, PATHOLOGICAL)
    return unit * (rng.choice([10, 100, 1000, 4000, rng.randrange(1, 6000)]) // len(unit) + 1)


def gen_front_matter(rng: random.Random) -> str:
    """YAML front matter (odd on purpose), fenced or headerless, sometimes broken or unclosed."""
    lines = [f"title: {pick(rng, TITLES)}"] if rng.random() < 0.7 else []
    for _ in range(rng.randrange(0, 8)):
        key = pick(rng, ["company", "summary", "location", "tags", "created", "extends", "next_level", "remote",
                          "levels", "a", "비고", "? weird", "title", "<b>k</b>"])
        lines.append(f"{key}: {pick(rng, YAML_VALUES)}")
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
    title = pick(rng, TITLES)
    out.append(pick(rng, [f"# {title}\n", f"{title}\n{'=' * len(title)}\n", f"**{title}**\n", ""]))
    for _ in range(rng.randrange(0, 7)):
        head = pick(rng, HEADINGS)
        out.append(pick(rng, [f"{'#' * rng.randrange(1, 7)} {head}\n", f"**{head}**\n", f"{head}\n---\n"]))
        for _ in range(rng.randrange(0, 6)):
            kind = rng.random()
            if kind < 0.45:
                depth = 0
                for _ in range(rng.randrange(1, 12)):
                    depth = max(0, depth + rng.choice([-1, 0, 1, 1, 2] if rng.random() < 0.9 else [30]))
                    indent = pick(rng, ["  ", "    ", "\t"]) * depth
                    out.append(f"{indent}{pick(rng, ['-', '*', '+', '1.', '- [ ]', '- [x]'])} {phrase(rng)}\n")
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
                out.append(f"```{pick(rng, ['', 'yaml', 'mermaid'])}\n{phrase(rng)}\n" + ("```\n" if rng.random() < .7
                                                                                           else ""))
            else:
                out.append(f"{{{{< {pick(rng, ['toc', 'note', 'include x'])} >}}}} {{% raw %}} {phrase(rng)}\n")
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
        tag = pick(rng, ["div", "b", "ul", "table", "blockquote", "span", "font", "li"])
        n = rng.choice([50, 150, 250, 1000, 5000])
        return f"<{tag}>" * n + phrase(rng) + (f"</{tag}>" * n if rng.random() < 0.5 else "")
    parts = []
    if depth == 0 and not fragment:
        page = f"<!DOCTYPE html><html><head><title>{pick(rng, TITLES)}</title></head><body>"
        parts.append(pick(rng, ["", page, gen_front_matter(rng), "<html>"]))
    for _ in range(rng.randrange(1, 6 if depth < 6 else 2)):
        roll = rng.random()
        if roll < 0.35 or depth > 8:
            parts.append(phrase(rng) if rng.random() < 0.8 else pick(rng, ENTITIES) * rng.randrange(1, 40))
            continue
        tag = pick(rng, HTML_TAGS)
        attrs = pick(rng, ["", ' href="vp.md"', ' href="javascript:alert(1)"', ' style="font-weight:bold"',
                            ' onclick="alert(1)"', " class='toc'", ' id="content"', ' role="main"', " x=", ' a="'])
        inner = gen_html(rng, True, depth + 1)
        close = pick(rng, [f"</{tag}>", f"</{tag}>", f"</{tag}>", "", f"</{tag}></{tag}>", "</p>"])
        parts.append(f"<{tag}{attrs}>{inner}{close}")
        if rng.random() < 0.05:
            parts.append(pick(rng, ["<!-- c -->", "<!-- open", "<![CDATA[x]]>", "<?php ?>", "</>", "<", "<a"]))
    return ("\n" if rng.random() < 0.5 else "").join(parts)


def gen_text(rng: random.Random) -> str:
    lines = [pick(rng, TITLES), ""] if rng.random() < 0.8 else []
    for _ in range(rng.randrange(1, 20)):
        roll = rng.random()
        if roll < 0.2:
            lines += ["", pick(rng, [h.upper() for h in HEADINGS] + [h + ":" for h in HEADINGS] + HEADINGS)]
        elif roll < 0.55:
            lines.append(" " * rng.choice([0, 0, 2, 4, 8, 40]) + pick(rng, ["- ", "* ", "• ", "1. ", "a) ", "o "])
                         + phrase(rng))
        elif roll < 0.62:
            lines.append(pick(rng, ["===", "---", "- - -"]))
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
            text = text[:i] + pick(rng, MUTATION_TOKENS) * rng.choice([1, 1, 2, 10, 200]) + text[i:]
        elif roll < 0.45:
            text = text[:i] + text[j:]
        elif roll < 0.6 and j - i < 2000:
            text = text[:j] + text[i:j] * rng.randrange(2, 30) + text[j:]
        elif roll < 0.72:
            other = pick(rng, pool)
            k = rng.randrange(len(other) + 1)
            text = text[:i] + other[k:k + rng.randrange(2000)] + text[j:]
        elif roll < 0.85:
            code = pick(rng, [rng.randrange(1, 32), rng.randrange(0x80, 0x800), rng.randrange(0x800, 0xD800),
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


def gen_container(rng: random.Random) -> tuple[str, str]:
    """A file of many postings for the posting readers: HN JSON, a job board, JSON Lines of README
    versions, a GitHub issue, JSON-LD in a page, or a CSV; records sometimes broken or odd."""
    texts = [phrase(rng) if rng.random() < 0.5 else gen_html(rng, fragment=True) for _ in range(rng.randrange(1, 4))]
    kind = rng.randrange(6)
    if kind == 0:
        records: list = [{"full_html": t, "url": f"u{i}", "remote": rng.random() < 0.5} for i, t in enumerate(texts)]
        return "posts.json", json.dumps(records + pick(rng, [[], [1], ["x"], [{}], [{"full_html": None}]]), indent=1)
    if kind == 1:
        return "jobs.json", json.dumps([{"position": pick(rng, TITLES), "company": phrase(rng), "description": t}
                                        for t in texts])
    if kind == 2:
        return "history.jsonl", "\n".join(json.dumps({"path": f"jobs/x/{i}/README.md", "commit": "c" * 40,
                                                      "text": f"# [{pick(rng, TITLES)}](u)\n\n{t}"})
                                          for i, t in enumerate(texts))
    if kind == 3:
        return "issue.json", json.dumps({"raw_source": {"title": pick(rng, TITLES), "body": texts[0], "labels": []}})
    if kind == 4:
        post = {"@context": "https://schema.org", "@type": "JobPosting", "title": pick(rng, TITLES),
                "hiringOrganization": {"name": phrase(rng)}, "description": texts[0]}
        return "page.html", ('<html><head><script type="application/ld+json">' + json.dumps(post)
                             + "</script></head><body></body></html>")
    rows = ["title,location,description,requirements"] + [
        ",".join('"' + c.replace('"', '""') + '"' for c in (pick(rng, TITLES), phrase(rng), t, phrase(rng)))
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
        name = pick(rng, ["doc.md", "doc.html", "doc.txt", "doc", "doc.json", "doc.csv"])
        text = mutate(rng, pick(rng, pool), pool)
    return name, text[:MAX_DOCUMENT_CHARS]
