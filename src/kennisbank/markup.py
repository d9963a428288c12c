"""Editor text is data: Markdown to HTML with everything that could run code removed."""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sub",
    "sup",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
_URL_SCHEMES = {"http", "https", "mailto"}
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _shift_heading(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}"


def markdown_to_html(text: str) -> Markup:
    """Render a card's Markdown field for a page.

    Raw HTML is sanitised by nh3 (no script, no ``on*=``), links keep only http(s)/mailto
    (``javascript:`` and ``data:`` are dropped), and headings start at h3 because the page owns
    h1 and h2. Jinja-like text (``{{ }}``) is plain text here and stays so: nothing downstream
    evaluates it.
    """
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    html = _HEADING.sub(_shift_heading, html)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


def safe_url(url: str | None) -> str | None:
    """A source URL from a card, only when it is http(s); anything else is not a link."""
    if url and re.match(r"^https?://", url, re.IGNORECASE):
        return url
    return None
