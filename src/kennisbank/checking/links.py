"""Links in card and page text: the one resolver for every link an editor writes.

An internal link must reach a page of the site, a file of the site or an old address that
redirects (a warning that names the new address); anything else is a ``path:line:col`` error
naming the link. A link that only looks internal is refused too: ``//host`` and ``/\\host`` go to
another site in every browser, ``%2e%2e`` climbs out of the folder it seems to stay in, and a
scheme other than http(s) and mailto (``javascript:``, ``data:``, ``vbscript:``, ``file:``) is
never a link on the site. No address may carry a user name or password: a source URL like
``https://naam:wachtwoord@host/`` would publish the password on the page, in the JSON and the CSV.

The links are taken from the HTML the Markdown renderer makes, so the links checked are exactly
the links published; where a link starts in the text is looked up afterwards for the message.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from kennisbank.checking.messages import suggest
from kennisbank.model.problems import Level, Position, Problem

ALLOWED_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# An address with user information: scheme://user[:password]@host, or //user@host.
_USERINFO = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^\s/?#@<>\"'()\[\]]*@")
# Only a text with one of these can hold a link: most cards have none and are not rendered.
_MAY_LINK = re.compile(
    r"\]\s*[(\[:]|<\s*a\b|<[a-zA-Z][a-zA-Z0-9+.-]*:|\[[^\]]*\]\s*$", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class TextLink:
    """A link as written in a text: where (``position`` of the field or of the link itself),
    what (``href``), and what it is relative to."""

    position: Position
    href: str
    base: str
    """Site path of the page that shows the text (``praktijken/x/``), or for a hand-written page
    the folder of its source in ``docs/`` (MkDocs resolves those links from the source)."""
    label: str = ""
    """For a card field: "'verhaal': " and after the message " (regel 3 van de tekst)"."""
    line_note: str = ""
    source: bool = False
    """True for a hand-written page: ``x.md`` links are written to the page's source file."""


@dataclass(frozen=True)
class SiteMap:
    """What a link may reach: the site's pages (by source, ``tips/x.md``), its other files
    (``export/kaarten.json``) and its old addresses (``/tips/oud/`` -> ``/tips/nieuw/``)."""

    sources: frozenset[str]
    files: frozenset[str]
    redirects: Mapping[str, str]

    def page_paths(self) -> list[str]:
        out = []
        for src in sorted(self.sources):
            stem = src.removesuffix(".md")
            out.append(
                "/"
                + (stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/")
            )
        return out


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and tag == "a" and name == "href":
                self.found.append(value)


def hrefs(html: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(html)
    parser.close()
    return parser.found


def links_in(text: str, render: Callable[[str], str]) -> list[tuple[int, str]]:
    """(offset in ``text``, href) of every link ``render`` makes of the Markdown ``text``.
    The offset is where the link's address is written (0 when it cannot be found as written)."""
    if not _MAY_LINK.search(text):
        return []
    out = []
    start = 0
    for href in hrefs(render(text)):
        at = text.find(href, start)
        if at < 0:
            at = text.find(urllib.parse.unquote(href), start)
        if at >= 0:
            start = at + len(href)
        out.append((max(at, 0), href))
    return out


def userinfo_at(text: str) -> int | None:
    """Offset of the first address in ``text`` with a user name or password, or None."""
    match = _USERINFO.search(text)
    return match.start() if match else None


def userinfo_problem(position: Position, label: str = "") -> Problem:
    """The message never repeats the address: a CI log is as public as the page."""
    return Problem(
        position,
        f"{label}dit adres bevat een gebruikersnaam of wachtwoord (het deel vóór de @)",
        "haal de naam en het wachtwoord vóór de @ uit het adres; een wachtwoord hoort nooit op de site",
    )


def strings(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in ``data`` with its path, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack += [((*path, k), v) for k, v in reversed(value.items())]
        elif isinstance(value, list):
            stack += [((*path, i), v) for i, v in reversed(list(enumerate(value)))]


def check_links(links: Iterable[TextLink], site: SiteMap) -> list[Problem]:
    problems = []
    for link in links:
        problem = _resolve(link, site)
        if problem is not None:
            problems.append(problem)
    return problems


def _problem(link: TextLink, message: str, hint: str, level: Level = Level.ERROR) -> Problem:
    return Problem(
        link.position, f"{link.label}de link '{_shown(link.href)}' {message}{link.line_note}", hint, level
    )


def _shown(href: str) -> str:
    return href if len(href) <= 120 else href[:117] + "..."


def _resolve(link: TextLink, site: SiteMap) -> Problem | None:
    href = link.href.strip()
    scheme = _SCHEME.match(href)
    if scheme:
        if scheme.group(1).lower() in ALLOWED_SCHEMES:
            return None
        return _problem(
            link,
            f"gebruikt '{scheme.group(1)}:', en dat mag niet",
            "een link gaat naar een pagina van deze site, of begint met https://, http:// of mailto:",
        )
    if "\\" in href or href.startswith("//"):
        return _problem(
            link,
            "gaat naar een andere website zonder dat te zeggen",
            "schrijf een link naar een andere website voluit, met https://",
        )
    path = urllib.parse.urlsplit(href).path
    if not path:
        return None  # '#anker' or '?q=...': this page
    decoded = urllib.parse.unquote(path)
    if decoded != path and re.search(r"%2e|%2f|%5c", path, re.IGNORECASE):
        return _problem(
            link, "verstopt tekens als . of / achter een %-code", "schrijf de link zonder %-codes"
        )
    if link.source and path.startswith("/"):
        return _problem(
            link,
            "begint met /; op een pagina in docs/ werkt dat niet als de site in een submap staat",
            "schrijf een link naar het .md-bestand, bijvoorbeeld 'tips/korte-tip.md'",
        )
    joined = posixpath.join("/" + link.base, decoded)
    target = posixpath.normpath(joined) + ("/" if decoded.endswith("/") else "")
    if target.startswith("//") or ".." in target.split("/"):
        target = "/"
    if _exists(target, link, site):
        return None
    old = target if target.endswith("/") else target + "/"
    if not link.source and old in site.redirects:
        return _problem(
            link,
            "gaat naar een oud adres",
            f"de pagina staat nu op {site.redirects[old]}; verwijs daar meteen naar",
            Level.WARNING,
        )
    return _problem(link, "gaat naar een pagina die niet bestaat", _hint(link, target, site))


def _exists(target: str, link: TextLink, site: SiteMap) -> bool:
    rel = target.lstrip("/")
    if link.source:  # MkDocs: a link to a page is a link to its .md file; other files as they are
        return rel in site.sources or rel in site.files
    if rel in site.files or (not rel.endswith(".md") and rel.rstrip("/") in site.files):
        return True
    if rel.endswith(".md"):
        return False  # in card text nothing turns x.md into the page's address
    stem = rel.rstrip("/")
    candidates = ["index.md"] if not stem else [f"{stem}.md", f"{stem}/index.md"]
    return any(c in site.sources for c in candidates)


def _hint(link: TextLink, target: str, site: SiteMap) -> str:
    if link.source:
        choices = sorted(site.sources)
        guess = suggest(target.lstrip("/"), choices)
        return (
            f"bedoel je '{posixpath.relpath('/' + guess, '/' + link.base)}'?"
            if guess
            else ("schrijf een link naar het .md-bestand van een pagina, bijvoorbeeld 'tips/korte-tip.md'")
        )
    pages = site.page_paths()
    guess = suggest(target.removesuffix(".md").rstrip("/") + "/", pages)
    if guess is None:
        return "verwijs naar een pagina die er is, bijvoorbeeld '../../tips/naam-van-de-tip/'"
    rel = posixpath.relpath(guess, "/" + link.base)
    return f"bedoel je '{rel.rstrip('/')}/'?" if guess.endswith("/") else f"bedoel je '{rel}'?"
