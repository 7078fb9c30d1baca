"""Markdown escaping for document text (untrusted): nothing in it becomes markup or HTML."""

from __future__ import annotations

_SPECIAL = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
            "#": "\\#", "<": "&lt;", ">": "&gt;", "&": "&amp;", "!": "\\!", "~": "\\~"}


def md_escape(text: object) -> str:
    """``text`` safe to place in Markdown (tables included): markup characters escaped, one line.

    >>> md_escape("<script>alert(1)</script> | *x*")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\| \\\\*x\\\\*'
    >>> md_escape("- 1. not a list")
    '\\\\- 1. not a list'
    """
    s = " ".join(str(text if text is not None else "").split())
    out = "".join(_SPECIAL.get(ch, ch) for ch in s)
    if out[:1] in ("-", "+", "=") or (out[:1].isdigit() and out.lstrip("0123456789")[:1] in (".", ")")):
        # a leading list marker, setext underline or "1." would become a list or heading
        digits = len(out) - len(out.lstrip("0123456789"))
        out = out[:digits] + "\\" + out[digits:] if digits else "\\" + out
    return out
