"""Hand-written pages in ``docs/``: what their front matter and macros may do.

A page's front matter reaches Material's templates, which do not escape: a ``title`` with
``"><script>`` would run in every visitor's browser. And a page that opts in to macros
(``render_macros: true``) is rendered by mkdocs-macros' full Jinja, which can run any code on
the build machine. So a page may set only the keys below, text values are escaped before a
template sees them, and a page with macros may use nothing but ``{{ kennisbank('blok') }}``.
``kennisbank check`` and the build use these same rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from kennisbank.checking.links import TextLink, links_in, userinfo_at, userinfo_problem
from kennisbank.checking.markup import markdown_risk, sanitize_page
from kennisbank.checking.messages import suggest
from kennisbank.model.problems import Position, Problem
from kennisbank.reading.events import character_problem, forbidden_offset
from kennisbank.reading.load import MAX_BYTES, Document, TooLarge, decode, parse_text, read_bounded, too_large
from kennisbank.reading.repository import is_inside

DOCS = "docs"
TEXT_KEYS = ("title", "description")
"""Front matter keys that are text: escaped once, shown as written (``output/frontmatter.py``)."""
HIDE_VALUES = ("navigation", "toc", "footer", "path")
ALLOWED_KEYS = (*TEXT_KEYS, "render_macros", "hide")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it
_JINJA_START = re.compile(r"\{\{|\{%|\{#")
_MACRO_CALL = re.compile(r"\{\{\s*kennisbank\(\s*(['\"])([a-z0-9-]+)\1\s*\)\s*\}\}")
BLOCK_TEMPLATES = "overrides/kennisbank"


@dataclass(frozen=True)
class PageSource:
    path: str  # shown to editors, e.g. docs/over.md
    text: str


def blocks(root: Path) -> tuple[str, ...]:
    """The fragments a page may insert with the macro: ``blok-<name>.html`` in the templates."""
    folder = root / BLOCK_TEMPLATES
    return tuple(sorted(p.stem.removeprefix("blok-") for p in folder.glob("blok-*.html")))


def check_page(page: PageSource, known_blocks: Iterable[str]) -> list[Problem]:
    """Problems in a hand-written page's front matter and macros, with line and column."""
    problems: list[Problem] = []
    meta, body_start, meta_problems = _front_matter(page)
    problems += meta_problems
    if page.path.count("/") > 1:
        problems.append(
            Problem(
                Position(page.path),
                "een pagina staat direct in docs/, niet in een submap",
                "submappen van docs/ zijn voor de pagina's die de kennisbank zelf maakt; "
                "verplaats het bestand naar docs/",
            )
        )
    if meta.get("render_macros") is True:
        problems += _macro_problems(page, body_start, tuple(known_blocks), meta)
    odd = forbidden_offset(page.text)
    if odd is not None:
        where = _position(page.text, odd, page.path)
        problems.append(character_problem(where, ord(page.text[odd]), "op een pagina"))
    secret = userinfo_at(page.text)
    if secret is not None:
        problems.append(userinfo_problem(_position(page.text, secret, page.path)))
    risk = markdown_risk(page.text[body_start:], max_length=MAX_BYTES)
    if risk is not None:
        line, message, hint = risk
        body_line = page.text.count("\n", 0, body_start) + line
        problems.append(Problem(Position(page.path, body_line), message, hint))
    return problems


def _front_matter(page: PageSource) -> tuple[dict[str, Any], int, list[Problem]]:
    match = _FRONT_MATTER.match(page.text)
    if match is None:
        return {}, 0, []
    if not match.group(1).strip():
        return {}, match.end(), []
    doc = Document(page.path)
    # One line in front for the opening '---': lines and columns are those of the page itself.
    parse_text(doc, "\n" + match.group(1))
    if doc.problems:
        return {}, match.end(), doc.problems
    data = doc.data if isinstance(doc.data, dict) else {}
    for key, value in data.items():
        at = doc.at((key,), key=True)
        if key not in ALLOWED_KEYS:
            guess = suggest(key, ALLOWED_KEYS)
            hint = f"bedoel je '{guess}'?" if guess else "toegestaan: " + ", ".join(ALLOWED_KEYS)
            doc.fail(at, f"onbekend veld '{key}' bovenaan de pagina", hint)
        elif key in TEXT_KEYS and not (isinstance(value, str) and value.strip()):
            doc.fail(doc.at((key,)), f"'{key}' moet tekst zijn", "schrijf de tekst achter de dubbele punt")
        elif key in TEXT_KEYS and _JINJA_START.search(value):
            doc.fail(
                doc.at((key,)),
                f"'{key}' mag geen {{{{ }}}}, {{% %}} of {{# #}} bevatten",
                "schrijf gewone tekst; macro's horen alleen in de tekst van de pagina",
            )
        elif key == "render_macros" and not isinstance(value, bool):
            doc.fail(doc.at((key,)), "'render_macros' is true of false", "schrijf: render_macros: true")
        elif key == "hide" and not (isinstance(value, list) and all(v in HIDE_VALUES for v in value)):
            doc.fail(doc.at((key,)), "'hide' klopt niet", "kies uit: " + ", ".join(HIDE_VALUES))
    return data, match.end(), doc.problems


def _macro_problems(
    page: PageSource, body_start: int, known: tuple[str, ...], meta: dict[str, Any]
) -> list[Problem]:
    problems = []
    text = page.text
    allowed = {m.start(): m for m in _MACRO_CALL.finditer(text, body_start)}
    for start in _JINJA_START.finditer(text, body_start):
        call = allowed.get(start.start())
        pos = _position(text, start.start(), page.path)
        if call is None:
            problems.append(
                Problem(
                    pos,
                    "op een pagina met macro's mag alleen {{ kennisbank('…') }} staan",
                    "haal de andere {{ }}, {% %} of {# #} weg; macro's kunnen code uitvoeren",
                )
            )
        elif call.group(2) not in known:
            problems.append(
                Problem(
                    pos,
                    f"onbekend blok '{call.group(2)}' in kennisbank('…')",
                    "kies uit: " + ", ".join(known),
                )
            )
    return problems


def _position(text: str, offset: int, path: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(path, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def read_pages(root: Path) -> tuple[list[PageSource], list[Problem]]:
    """Every ``.md`` page in ``docs/`` (links and outside files left out: they are refused)."""
    pages: list[PageSource] = []
    problems: list[Problem] = []
    docs = root / DOCS
    if docs.is_symlink() or not docs.is_dir():
        return pages, problems
    real_root = Path(root).resolve()
    files = sorted(Path(d) / n for d, _dirs, names in os.walk(docs) for n in names if n.endswith(".md"))
    for file in files:
        shown = file.relative_to(root).as_posix()
        if not is_inside(real_root, file) or file.name.startswith("."):
            continue  # links and hidden files: untrusted_files reports them, MkDocs skips them
        try:
            raw = read_bounded(file)
        except TooLarge:
            problems.append(too_large(shown))
            continue
        except OSError:
            continue  # unreadable: untrusted_files reports why
        text, problem = decode(raw, shown)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        pages.append(PageSource(shown, text.replace("\r\n", "\n").replace("\r", "\n")))  # as MkDocs reads it
    return pages, problems


def check_pages(root: Path) -> tuple[list[Problem], tuple[str, ...], list[TextLink]]:
    """The problems of every page in ``docs/``, the text of the pages read (the search's word
    list uses it), and their links (resolved once the site's pages are known)."""
    pages, problems = read_pages(root)
    known = blocks(root)
    links: list[TextLink] = []
    for page in pages:
        problems += check_page(page, known)
        links += page_links(page)
    return problems, tuple(page.text for page in pages), links


_PAGE_EXTENSIONS = ("toc", "attr_list", "admonition", "sane_lists", "tables")
"""The Markdown extensions of ``mkdocs.yml`` that make links, for reading a page's links."""


def _render_page(text: str) -> str:
    return sanitize_page(markdown.markdown(text, extensions=list(_PAGE_EXTENSIONS)))


def page_links(page: PageSource) -> list[TextLink]:
    """The links of a hand-written page as MkDocs publishes them, each at its place in the page.
    MkDocs resolves a page's links from its source file: ``docs/over.md`` links to
    ``tips/x.md``."""
    folder = page.path.removeprefix(f"{DOCS}/").rpartition("/")[0]
    base = f"{folder}/" if folder else ""
    if markdown_risk(page.text, max_length=MAX_BYTES) is not None:
        return []  # refused before it is rendered
    return [
        TextLink(_position(page.text, offset, page.path), href, base, source=True)
        for offset, href in links_in(page.text, _render_page)
    ]
