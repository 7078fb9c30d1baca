"""One XSS payload suite for every renderer (summary.md, the static site, the web app, the charts).

``PAYLOADS`` are hostile strings as a document could carry them: script tags, event attributes,
``javascript:`` URLs, SVG and MathML payloads, entity- and JSON-encoded variants, attribute and
script-context breakouts, template syntax. Each one names ``xss-<n>``, so a check can tell the
payload apart from the page's own markup. ``write_hostile_documents`` puts every payload into
every field a document has (title, organization, headings, labels, statements, link texts and
targets, parents, next level, location, front matter, the file name); ``assert_inert_html`` and
``assert_inert_svg`` check that a rendered page shows them as text only.

>>> [name for name, _ in PAYLOADS][:3]
['script', 'script-src', 'img-onerror']
>>> assert_inert_html('<p>&lt;script&gt;alert("xss-1")&lt;/script&gt;</p>')
>>> assert_inert_html('<p><script>alert("xss-1")</script></p>')
Traceback (most recent call last):
AssertionError: live payload in <script>: alert("xss-1")
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser

MARKER = "xss-"

#: (name, hostile text): what a document may hold; each names its own ``xss-<n>``.
PAYLOADS: tuple[tuple[str, str], ...] = (
    ("script", '<script>alert("xss-1")</script>'),
    ("script-src", "<ScRiPt src=//x.invalid/xss-2.js></sCrIpT>"),
    ("img-onerror", '<img src=x onerror=alert("xss-3")>'),
    ("svg-onload", '<svg onload=alert("xss-4")>'),
    ("svg-script", '<svg><script>alert("xss-5")</script></svg>'),
    ("svg-xlink", "<svg><a xlink:href=\"javascript:alert('xss-6')\"><text>x</text></a></svg>"),
    ("a-javascript", "<a href=\"javascript:alert('xss-7')\">click</a>"),
    ("md-javascript", "[click](javascript:alert('xss-8'))"),
    ("md-javascript-case", "[click](JaVaScRiPt:alert('xss-9'))"),
    ("md-javascript-entity", "[click](&#106;avascript:alert('xss-10'))"),
    ("md-javascript-tab", "[click](java&#x09;script:alert('xss-11'))"),
    ("a-javascript-entity", "<a href=\"&#x6A;avascript:alert('xss-12')\">click</a>"),
    ("entity-script", "&lt;script&gt;alert(\"xss-13\")&lt;/script&gt;"),
    ("attribute-breakout", '"><script>alert("xss-14")</script>'),
    ("single-quote-breakout", "' onmouseover='alert(\"xss-15\")' x='"),
    ("iframe", "<iframe src=\"javascript:alert('xss-16')\"></iframe>"),
    ("math-xlink", "<math><mi xlink:href=\"javascript:alert('xss-17')\">x</mi></math>"),
    ("details-ontoggle", '<details open ontoggle=alert("xss-18")>'),
    ("body-onload", '<body onload=alert("xss-19")>'),
    ("style-import", '<style>@import "//x.invalid/xss-20.css";</style>'),
    ("base-href", '<base href="//x.invalid/xss-21/">'),
    ("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss-22')\">"),
    ("form-action", "<form action=\"javascript:alert('xss-23')\"><button>go</button></form>"),
    ("template-angular", "{{constructor.constructor('alert(\"xss-24\")')()}}"),
    ("data-url", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgieHNzLTI1Iik8L3NjcmlwdD4=)"),
    ("entity-handler", "<img src=x onerror=\"&#97;lert('xss-26')\">"),
    ("json-escaped", '\\u003cscript\\u003ealert("xss-27")\\u003c/script\\u003e'),
    ("script-close", '</script><script>alert("xss-28")</script>'),
    ("comment-confusion", "<!--<img src=\"--><img src=x onerror=alert('xss-29')//\">"),
    ("noscript-mxss", "<noscript><p title=\"</noscript><img src=x onerror=alert('xss-30')>\">"),
    ("svg-animate", '<svg><animate onbegin=alert("xss-31") attributeName=x dur=1s>'),
    ("object-data", "<object data=\"javascript:alert('xss-32')\"></object>"),
    ("embed-src", "<embed src=\"javascript:alert('xss-33')\">"),
    ("control-char-url", "[click](\x01javascript:alert('xss-34'))"),
    ("jinja", "{{ 7*7 }} {% raw %}xss-35{% endraw %} ${7*7}"),
    ("css-expression", '<p style="background:url(javascript:alert(\'xss-36\'))">x</p>'),
)
#: Attributes that take a URL.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                            "srcset", "content", "style"})
#: Attributes through which a page loads something (a payload's own URL there would be fetched).
LOADING_ATTRIBUTES = frozenset({"src", "data", "action", "formaction", "poster", "background", "srcset"})
_EXTERNAL = re.compile(r"^\s*(?://|[a-z][a-z0-9+.-]*:)", re.I)
_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data\s*:\s*text/html|livescript)\s*:", re.I)


def dangerous_url(value: str) -> bool:
    """True for a URL that runs script (``javascript:``, ``vbscript:``, ``data:text/html``), after
    the control characters and whitespace a browser ignores are removed."""
    cleaned = "".join(ch for ch in value if ch >= " " and ch not in "\t\n\r").strip()
    return bool(_SCHEME.match(cleaned)) or "javascript:" in cleaned.lower().replace(" ", "")


def assert_inert_html(html: str, where: str = "") -> None:
    """``html`` shows every payload as text (``AssertionError`` naming what is live): no event
    attribute, no script URL (``javascript:``, ``data:text/html``...), no payload's own URL that a
    ``src``/``data``/``action``/``<base>``/``<link>`` would load, no ``srcdoc`` and no inline
    script or style holding a payload. A page's own form, link or chart may show payload text,
    escaped, and may point at a relative URL made from a hostile file name."""
    tree = LexborHTMLParser(html)
    for node in tree.css("*"):
        tag = node.tag.lower()
        if tag in ("script", "style") and MARKER in (node.text(deep=True) or ""):
            raise AssertionError(f"live payload in <{tag}>{where}: {node.text(deep=True)[:80]}")
        if tag in ("noscript", "template") and MARKER in (node.html or ""):  # parsed apart by a browser with
            raise AssertionError(f"payload in <{tag}>{where}: {(node.html or '')[:80]}")  # scripting on
        for name, value in node.attributes.items():
            low, value = name.lower(), value or ""
            if low.startswith("on"):
                raise AssertionError(f"event attribute {name}= on <{tag}>{where}: {value[:80]}")
            if low in URL_ATTRIBUTES and dangerous_url(value):
                raise AssertionError(f"script URL in {name}= on <{tag}>{where}: {value[:80]}")
            loads = low in LOADING_ATTRIBUTES or (low == "href" and tag in ("base", "link"))
            if (loads and MARKER in value and _EXTERNAL.match(value)) or (low == "srcdoc" and MARKER in value):
                raise AssertionError(f"payload loads {name}= on <{tag}>{where}: {value[:80]}")
            if low == "style" and ("url(" in value.lower() or "expression(" in value.lower()) and MARKER in value:
                raise AssertionError(f"script in style= on <{tag}>{where}: {value[:80]}")


def assert_inert_svg(svg: str, where: str = "") -> None:
    """An SVG chart is well-formed XML without script, foreignObject, event attributes or script URLs."""
    for element in ElementTree.fromstring(svg).iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject", "iframe", "animate", "set", "handler"):
            raise AssertionError(f"<{tag}> in SVG{where}")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (local == "href" and dangerous_url(value)):
                raise AssertionError(f"{local}= on <{tag}> in SVG{where}: {value[:80]}")


def hostile_markdown(title: str = "Engineering Manager") -> str:
    """A ladder level (Markdown + front matter) with every payload in every field."""
    lines = ["---", f"title: {title} {_yaml(PAYLOADS[0][1])}", f"company: Evil {_yaml(PAYLOADS[2][1])} Corp",
             f"location: {_yaml(PAYLOADS[6][1])}", f"next_level: {_yaml(PAYLOADS[6][1])}", "---",
             f"# {title} {PAYLOADS[0][1]}", "", f"*Same as Team Lead {PAYLOADS[13][1]}, but also...*", ""]
    for name, payload in PAYLOADS:
        lines += [f"### Should have {payload}", "", f"- 3+ years managing engineers {payload}",
                  f"- **Label {payload}**: coach the team {payload}", f"- Read [the guide {payload}](guide.md) first",
                  f"- Location: Berlin {payload}", ""]
    lines += ["Continue reading: [Director " + PAYLOADS[3][1] + "](javascript:alert('xss-next'))", ""]
    return "\n".join(lines)


def hostile_html(title: str = "Director of Engineering") -> str:
    """A ladder level as an HTML page with every payload in headings, items, table cells and links."""
    items = "".join(f"<li>Own the budget {p}</li><li><a href=\"javascript:alert('xss-li')\">{p}</a></li>"
                    for _, p in PAYLOADS)
    cells = "".join(f"<tr><td>{p}</td><td style=\"font-weight:bold\">hire {p}</td></tr>" for _, p in PAYLOADS[:8])
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title} {PAYLOADS[2][1]}</h1>"
            f"<p><em>Same as Engineering Manager, but also...</em></p><h3>Should have</h3><ul>{items}</ul>"
            f"<table>{cells}</table></body></html>")


def write_hostile_documents(folder: Path) -> Path:
    """A folder of hostile documents: Markdown, HTML, plain text and a file whose name is a payload."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manager.md").write_text(hostile_markdown(), encoding="utf-8")
    (folder / "director.html").write_text(hostile_html(), encoding="utf-8")
    (folder / "vp.txt").write_text("VP of Engineering\n\nShould have:\n" + "".join(
        f"- 10+ years leading engineering organizations {p}\n" for _, p in PAYLOADS), encoding="utf-8")
    (folder / '"><img src=x onerror=alert(\'xss-file\')>.md').write_text(
        "# Senior Engineering Manager\n\n- Lead a team of 12 engineers\n", encoding="utf-8")
    return folder


def _yaml(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\x01", "\\x01") + '"'
