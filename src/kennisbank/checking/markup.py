"""Editor text is data: Markdown to HTML with everything that could run code removed."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

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
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _shift_heading(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}"


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter, reset for every text: making one costs as much as converting a story."""
    return markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")


def markdown_to_html(text: str, site_link: Callable[[str], str] | None = None) -> Markup:
    """Render a card's Markdown field for a page.

    Raw HTML is sanitised by nh3 (no script, no ``on*=``), links keep only http(s)/mailto
    (``javascript:`` and ``data:`` are dropped), and headings start at h3 because the page owns
    h1 and h2. Jinja-like text (``{{ }}``) is plain text here and stays so: nothing downstream
    evaluates it. With ``site_link`` (a site path such as ``tips/y/`` -> the link to write on
    this page), a site-absolute link (``/tips/y/``) becomes relative, so it works when the site
    is served from a subfolder. The check (:mod:`kennisbank.checking.links`) reads the links
    without it, as written.
    """
    html = _converter().reset().convert(text)
    html = _HEADING.sub(_shift_heading, html)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=None if site_link is None else functools.partial(_site_href, site_link),
    )
    return Markup(clean)


def _site_href(site_link: Callable[[str], str], tag: str, attribute: str, value: str) -> str | None:
    if tag != "a" or attribute != "href" or not value.startswith("/") or value.startswith(("//", "/\\")):
        return value
    path, sep, rest = value.partition("#")
    path, qsep, query = path.partition("?")
    return site_link(path.lstrip("/")) + qsep + query + sep + rest


def safe_url(url: str | None) -> str | None:
    """A source URL from a card, only when it is http(s); anything else is not a link."""
    if url and re.match(r"^https?://", url, re.IGNORECASE):
        return url
    return None


# Hand-written pages: everything Markdown, its extensions and the kennisbank blocks make, but no
# script, no event handler, no style, no form and no frame (an editor's page is data too).
_PAGE_TAGS = _ALLOWED_TAGS | {
    "h1",
    "h2",
    "div",
    "span",
    "section",
    "nav",
    "figure",
    "figcaption",
    "img",
    "dl",
    "dt",
    "dd",
    "small",
    "mark",
    "time",
    "details",
    "summary",
    "caption",
    "colgroup",
    "col",
    "del",
    "ins",
    "kbd",
    "s",
    "u",
}
_PAGE_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "aria-label", "aria-labelledby", "aria-describedby"},
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "time": {"datetime"},
    "ol": {"start", "type"},
    "details": {"open"},
}


def _own_images_only(tag: str, attribute: str, value: str) -> str | None:
    """An image on a page comes from the site itself: one from elsewhere tells another server
    who reads the page (the site fetches nothing from other hosts)."""
    if tag == "img" and attribute == "src" and (":" in value.split("/")[0] or value.startswith("//")):
        return None
    return value


def sanitize_page(html: str) -> str:
    """A hand-written page's HTML without anything that could run in a visitor's browser."""
    return nh3.clean(
        html,
        tags=_PAGE_TAGS,
        attributes=_PAGE_ATTRIBUTES,
        attribute_filter=_own_images_only,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


MAX_MARKDOWN = 20_000
"""Characters in one Markdown field: a long story is a few thousand. Python-Markdown slows down
steeply on some shapes of text (wide tables, unclosed links), so size and nesting are bounded
before it ever sees a card."""
MAX_PARAGRAPH = 3000
"""Characters in one paragraph (lines between blank lines). Python-Markdown's inline patterns
take time that grows with the square of a paragraph on some shapes (thousands of ``<http://``
or ``*a``: 18 and 7 seconds for one paragraph of 19,000 characters); the longest paragraph of a
real card is about 1,300 characters."""
MAX_NESTING = 20
MAX_INDENT = 40
MAX_QUOTE_DEPTH = 10
MAX_TABLE_COLUMNS = 60
_QUOTE_PREFIX = re.compile("[> ]*")


def markdown_risk(text: str, max_length: int = MAX_MARKDOWN) -> tuple[int, str, str] | None:
    """Why ``text`` may not go through the Markdown renderer: (line in the text, message, hint),
    or None. Deep nesting crashes it (recursion) and unclosed brackets make it take minutes."""
    if len(text) > max_length:
        message = f"de tekst is te lang ({len(text)} tekens, hoogstens {max_length})"
        return 1, message, "maak de tekst korter"
    depth = 0
    escaped = False
    paragraph, start = 0, 1
    for number, line in enumerate(text.split("\n"), start=1):
        paragraph, start = (0, number + 1) if not line.strip() else (paragraph + len(line) + 1, start)
        stripped = line.lstrip(" \t")
        if len(line) - len(stripped) > MAX_INDENT:
            return (number, "deze regel is te ver ingesprongen", f"spring hoogstens {MAX_INDENT} spaties in")
        if _QUOTE_PREFIX.match(stripped).group().count(">") > MAX_QUOTE_DEPTH:  # type: ignore[union-attr]
            return (number, "te veel citaten in elkaar (>)", f"hoogstens {MAX_QUOTE_DEPTH} keer > na elkaar")
        if line.count("|") > MAX_TABLE_COLUMNS:
            return (number, "deze tabel heeft te veel kolommen", f"hoogstens {MAX_TABLE_COLUMNS} kolommen")
        for char in line:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char in "[(":
                depth += 1
                if depth > MAX_NESTING:
                    return (
                        number,
                        "te veel haakjes [ of ( die niet gesloten worden",
                        "sluit elk [ met ] en elk ( met ); schrijf \\[ voor een los haakje",
                    )
            elif char in "])" and depth:
                depth -= 1
        if paragraph > MAX_PARAGRAPH:  # after the line's own checks: theirs say more
            return (
                start,
                f"deze alinea is te lang (meer dan {MAX_PARAGRAPH} tekens)",
                "zet een lege regel tussen de alinea's; een woord zonder spaties van duizenden tekens "
                "(een geplakte code) hoort niet in de tekst",
            )
    return None
