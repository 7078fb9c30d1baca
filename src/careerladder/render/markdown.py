"""Markdown escaping for document text (untrusted): nothing in it becomes markup or HTML."""

from __future__ import annotations

_SPECIAL = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
            "#": "\\#", "<": "&lt;", ">": "&gt;", "&": "&amp;", "!": "\\!", "~": "\\~"}


def md_escape(text: object) -> str:
    """``text`` safe to place in Markdown (tables included): markup characters escaped, one line.

    >>> md_escape("<script>alert(1)</script> | *x*")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\| \\\\*x\\\\*'
    """
    s = " ".join(str(text if text is not None else "").split())
    return "".join(_SPECIAL.get(ch, ch) for ch in s)
