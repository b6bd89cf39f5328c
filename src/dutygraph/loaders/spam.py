"""Finding text injected into a page by a hijacked site.

Government pages are sometimes defaced with gambling spam (金宝博-金宝博官网 as the
issuer, 澳门万博体育网站 inside a heading). Such strings must never become a unit,
leader, title or region. The patterns live in ``data/spam.txt`` so a user can add
the next one without touching code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def spam_pattern() -> re.Pattern[str]:
    """The compiled alternation of every pattern in ``data/spam.txt``."""
    text = resources.files("dutygraph.loaders").joinpath("data/spam.txt").read_text(encoding="utf-8")
    parts = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def scrub(text: str) -> tuple[str, list[str]]:
    """Remove spam from one line of text.

    Args:
        text: a line of a document.

    Returns:
        ``(clean, found)``: the line without the spam (surrounding spaces closed
        up) and the spam strings removed, in order.

    Example:
        >>> scrub("健全完善金宝博 高校院所协同创新")
        ('健全完善高校院所协同创新', ['金宝博'])
        >>> scrub("推进苏澳合作园区建设")
        ('推进苏澳合作园区建设', [])
    """
    found = [m.group(0) for m in spam_pattern().finditer(text) if m.group(0)]
    if not found:
        return text, []
    clean = spam_pattern().sub("\x00", text)
    clean = re.sub(r"[ \u3000]*\x00[ \u3000]*", "", clean)
    return clean, found
