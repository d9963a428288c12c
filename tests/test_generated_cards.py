"""Generated inputs (Hypothesis): mutations of real cards, each checked and built for real.

Every example takes one card of a small repository (the fixture cards, the real schemas, lists,
templates, hooks and mkdocs.yml), changes it — any Unicode in a text, empty, huge and deeply
nested values, links to pages that exist, moved or never existed, references with near misses,
long words, markup and formulas, odd line endings, a BOM, raw YAML tricks — and asserts:

- ``kennisbank check`` and ``mkdocs build --strict`` report the same problem lines;
- neither raises: no traceback, no "interne fout";
- a refused card is named ``path:line:col: <Dutch message>``;
- an accepted card builds, every internal link on its page resolves, and none of its text
  becomes markup or script on any page, in the feed, the JSON or the CSV.

The build is MkDocs' own ``build()`` run in this process with the repository's ``mkdocs.yml``
and hooks (Material, mkdocs-macros, mkdocs-redirects and Pagefind included), the way
``mkdocs build --strict`` runs it; only the Python start-up is saved. Bounded in ``make test``
(fixed seed, a few examples; ``-m "not generated"`` skips it); ``make fuzz`` runs the profile
``fuzz`` (``KENNISBANK_HYPOTHESIS=fuzz``, many examples, a new seed each run).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import logging
import os
import posixpath
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from conftest import BUILD_ENV, CHECK_DAY, make_repo
from kennisbank.checking.layout import card_text
from kennisbank.checking.schemas import load_schemas
from kennisbank.checking.vocabulary import load_vocabulary
from kennisbank.model.types import Kind

pytestmark = pytest.mark.generated

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("KENNISBANK_EXAMPLES", "25")),
    derandomize=True,  # the same examples on every run: a red CI run is a real finding
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # shrinking takes minutes of builds: make fuzz shrinks
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("KENNISBANK_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
PROFILE = os.environ.get("KENNISBANK_HYPOTHESIS", "ci")

CARDS = (
    "practices/dalfsen-taalmeter.yml",
    "tips/korte-tip.yml",
    "recommendations/gemeente-a-test.yml",
    "obstacles/c.yml",
)
MARKDOWN_FIELD = {
    "practices": "verhaal",
    "tips": "uitleg",
    "recommendations": "tekst",
    "obstacles": "beschrijving",
}
CANARY = "kbx"
"""In every generated script and tag: it must never be found running or as an element."""
REDIRECTS = "/tips/oude-tip/: /tips/korte-tip/\n"

# --- strategies ---------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
MARKUP = [
    f"<script>{CANARY}(1)</script>",
    f'"><{CANARY}-tag>',
    f"<img src=x onerror={CANARY}(2)>",
    f"<svg onload={CANARY}(3)>",
    f"{{{{ {CANARY} }}}} {{% if 1 %}}{CANARY}{{% endif %}}",
    '=HYPERLINK("https://voorbeeld.nl/";"klik")',
    "@SOM(1+1)",
    "+31 6",
    "-2 mensen",
    f"[x](javascript:{CANARY}(4))",
    f'<a href="javascript:{CANARY}(5)">a</a>',
    f"<iframe src=//evil.example/{CANARY}>",
    "]]></content><x>",
    "&#0;&amp;&lt;",
    "*" * 60,
    "_" * 60,
    "`" * 30,
    "<!--",
    "2026-02-30",
]
"""Text a card may hold that must stay text: markup, script, Jinja, spreadsheet formulas."""
REFUSED = [
    "\x00",
    "\u202e",
    "\ufeff",
    "\u200b",
    "\r\n",
    "\r",
    "[" * 30,
    "> " * 15,
    "    " * 12 + "code",
    "| a " * 70,
]
"""Text the check refuses: control and invisible characters, nesting and widths over the bounds."""
PAYLOADS = st.sampled_from(MARKUP + REFUSED)
LINKS = st.sampled_from(
    [
        "../../tips/korte-tip/",
        "/tips/korte-tip/",
        "../../knelpunten/a/",
        "../../tips/oude-tip/",
        "../../tips/houd-vol/",
        "../../tips/korte-tipp/",
        "/tips/korte-tip",
        "../../export/kaarten.json",
        "../../tips/korte-tip.md",
        "//evil.example/",
        "/\\evil.example",
        "%2e%2e/%2e%2e/tips/",
        "../../../../../etc/passwd",
        "https://naam:geheim@voorbeeld.nl/rapport.pdf",
        "https://voorbeeld.nl/rapport.pdf",
        f"data:text/html,{CANARY}",
        f"vbscript:{CANARY}",
        "mailto:info@voorbeeld.nl",
        "#kop",
        f"?q=<{CANARY}-tag>",
    ]
)


def _link_markdown(link: str, shape: int) -> str:
    return [f"[zie ook]({link})", f"<{link}>", f"[zie][r]\n\n[r]: {link}", f'<a href="{link}">a</a>'][shape]


LINK_TEXT = st.builds(_link_markdown, LINKS, st.integers(0, 3))
LONG_WORD = st.integers(60, 8000).map(lambda n: ("taalhuis" * (n // 8 + 1))[:n])
TEXT = st.one_of(
    ANY_TEXT,
    PAYLOADS,
    LINK_TEXT,
    LONG_WORD,
    st.lists(st.one_of(ANY_TEXT, PAYLOADS, LINK_TEXT), min_size=1, max_size=5).map(" ".join),
)
NESTED = st.integers(1, 60).map(lambda depth: functools.reduce(lambda inner, _: [inner], range(depth), "x"))
ODD = st.one_of(
    st.none(),
    st.sampled_from(["", [], {}, True, 0, -1, 10**30, 2.5, "2026-02-30", "A", "korte-tip"]),
    st.integers(),
    NESTED,
    st.integers(20_000, 1_200_000).map(lambda n: "lang " * (n // 5)),
    st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=3),
)
REFERENCES = st.lists(
    st.sampled_from(
        [
            *("korte-tip", "korte-tip.yml", "Korte tip", "tips/korte-tip", "korte-tipp", "houd-vol"),
            *("dalfsen-taalmeter", "gemeente-a-test", "gemeente-a-tset", "A", "c", "G", ""),
        ]
    ),
    max_size=4,
)
FIELDS = st.sampled_from(
    [
        "titel",
        "samenvatting",
        "plaats",
        "provincie",
        "jaar",
        "verhaal",
        "uitleg",
        "tekst",
        "beschrijving",
        "code",
        "niveau",
        "themas",
        "tips",
        "praktijken",
        "knelpunten",
        "aanbevelingen",
        "gecontroleerd",
        "resultaten",
        "onbekend-veld",
        "Titel",
    ]
)
TAILS = st.sampled_from(
    [
        "",
        "extra: &a [1, 2]\nnog: *a\n",
        "<<: {titel: samengevoegd}\n",
        "titel: dubbel\n",
        "x: !!python/object/apply:os.system ['touch PWNED']\n",
        "lol: &l1 [a, a, a, a, a, a, a, a, a]\nlol2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n",
        "\t- tab\n",
        "---\ntweede: document\n",
    ]
)


@dataclass(frozen=True)
class Mutation:
    card: str
    edits: tuple[tuple[str, Any], ...]  # (field or field/index/field, value); value None+"del" = remove
    tail: str
    newline: str
    bom: bool

    def apply(self, original: str) -> bytes:
        data = yaml.safe_load(original)
        for where, value in self.edits:
            _set(data, where, value, self.card)
        text = _in_layout(data, self.card) + self.tail
        text = text.replace("\n", self.newline)
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8", "surrogatepass")


def _in_layout(data: dict[str, Any], card: str) -> str:
    """The mutated card as the form and ``kennisbank opmaak`` write it, so a card whose values are
    fine can pass; values the layout cannot write fall back to PyYAML's dump (the check then says
    so, which the property accepts as a refusal in Dutch)."""
    kind = {"practices": Kind.PRAKTIJK, "tips": Kind.TIP, "recommendations": Kind.AANBEVELING}.get(
        card.split("/")[0], Kind.KNELPUNT
    )
    try:
        return card_text(data, kind.schema, _schemas().validators[kind].schema)
    except Exception:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)


@functools.cache
def _schemas() -> Any:
    root = Path(__file__).resolve().parents[1]
    vocab, _ = load_vocabulary(root)
    return load_schemas(root, vocab)


def _set(data: dict[str, Any], where: str, value: Any, card: str) -> None:
    if where == "append-markdown":
        name = MARKDOWN_FIELD[card.split("/")[0]]
        data[name] = f"{data.get(name, '')}\n\n{value}"
    elif where == "delete":
        data.pop(str(value), None)
    elif where == "bron-url":
        sources = data.get("bron") or [{}]
        sources[0]["url"] = value
        data["bron"] = sources
    elif where == "organisatie":
        data["organisaties"] = [{"naam": value, "type": "bibliotheek"}]
    else:
        data[where] = value


VISIBLE_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=40,
)
"""Any text a card may hold (no control or invisible characters): the card should pass."""
GOOD_LINKS = st.sampled_from(["../../tips/korte-tip/", "/knelpunten/a/", "https://voorbeeld.nl/", "#kop"])
HOSTILE_TEXT = st.lists(
    st.one_of(
        VISIBLE_TEXT, st.sampled_from(MARKUP), st.builds(_link_markdown, GOOD_LINKS, st.integers(0, 3))
    ),
    min_size=1,
    max_size=4,
).map(" ".join)
"""Text that should pass the check and then be published as text."""
EDIT = st.one_of(
    st.tuples(st.sampled_from(["titel", "samenvatting", "plaats"]), HOSTILE_TEXT),
    st.tuples(st.just("append-markdown"), HOSTILE_TEXT),
    st.tuples(FIELDS, st.one_of(TEXT, ODD, REFERENCES)),
    st.tuples(st.just("append-markdown"), TEXT),
    st.tuples(st.just("delete"), FIELDS),
    st.tuples(st.just("bron-url"), st.one_of(LINKS, TEXT)),
    st.tuples(st.just("organisatie"), TEXT),
)
PUBLISHABLE = st.builds(
    Mutation,
    st.sampled_from(CARDS),
    st.lists(
        st.one_of(
            st.tuples(st.just("append-markdown"), HOSTILE_TEXT),
            st.tuples(
                st.just("samenvatting"), VISIBLE_TEXT.map("Een samenvatting met andere tekens: {}".format)
            ),
        ),
        min_size=1,
        max_size=2,
    ).map(tuple),
    st.just(""),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
"""Changes a card should survive: they must then be published as text, with links that work."""
ANY_CHANGE = st.builds(
    Mutation,
    st.sampled_from(CARDS),
    st.lists(EDIT, min_size=1, max_size=3).map(tuple),
    st.one_of(st.just(""), st.just(""), st.just(""), TAILS),  # mostly plain YAML, so cards also pass
    st.sampled_from(["\n", "\n", "\r\n", "\r"]),
    st.booleans(),
)
MUTATIONS = st.one_of(PUBLISHABLE, ANY_CHANGE)

# --- the check and the build, in this process ---------------------------------------------


def check_lines(root: Path) -> list[str]:
    from kennisbank.output.site import check_site

    return [str(p) for p in check_site(root, today=CHECK_DAY).problems]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@functools.cache
def _compiled_templates() -> Any:
    from kennisbank.build.session import TemplateCache

    return TemplateCache()


def build_in_process(root: Path, site: Path) -> tuple[bool, list[str]]:
    """MkDocs' build with ``--strict`` as the command runs it; (built, warning and error lines).
    Anything but MkDocs' own way of stopping (Abort) is raised: a traceback fails the test.

    Each build starts a fresh build session (the hooks' ``on_startup``), as a new ``mkdocs``
    process would, except for the compiled Jinja templates: these are shared between examples
    as ``mkdocs serve`` shares them between rebuilds (keyed by the template's source, and no
    example changes a template). Compiling Material's templates was most of a build's time."""
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    shutil.rmtree(site, ignore_errors=True)
    records = _Records()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(records)
    try:
        with contextlib.chdir(root), contextlib.redirect_stdout(io.StringIO()):
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            for plugin in config.plugins.values():
                hooks = getattr(plugin, "_hooks", None)  # hooks/kennisbank_hooks.py
                if hooks is not None:
                    hooks.session.templates = _compiled_templates()
            try:
                build.build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort:
        return False, records.lines
    finally:
        mkdocs_log.removeHandler(records)
    return True, records.lines


def _build_problems(lines: list[str]) -> list[str]:
    return [ln for ln in lines if not ln.startswith(("De bouw stopt", "Aborted with"))]


ENGLISH = re.compile(
    r"\b(is not|expected|invalid|Error|Traceback|NoneType|object|could not|found|must be|does not)\b"
)
PROBLEM = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>.+)$", re.DOTALL
)

# --- what the build must not publish -------------------------------------------------------


class _Markup(HTMLParser):
    """Tags, scripts and attributes that could run or inject something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.hrefs: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if CANARY in tag:
            self.bad.append(f"<{tag}>")
        self._script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and CANARY in value:
                self.bad.append(f"{tag} {name}={value}")
            if name in ("href", "src", "action") and re.match(
                r"^\s*(javascript|data|vbscript):", value, re.I
            ):
                self.bad.append(f"{tag} {name}={value}")
            if name in ("href", "src") and re.match(r"^\s*(//|/\\)", value):
                self.bad.append(f"{tag} {name}={value}")
            if tag == "a" and name == "href":
                self.hrefs.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and CANARY in data:
            self.bad.append(f"<script>{data[:80]}")


def _pages(site: Path) -> Iterator[Path]:
    yield from site.rglob("*.html")


def assert_nothing_becomes_markup(site: Path, card_page: Path) -> None:
    for page in _pages(site):
        parser = _Markup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.bad, (page, parser.bad)
    feed = ET.parse(site / "feed.xml").getroot()
    assert not [el for el in feed.iter() if CANARY in el.tag]
    json.loads((site / "export" / "kaarten.json").read_text(encoding="utf-8"))
    rows = list(
        csv.reader(
            io.StringIO((site / "export" / "praktijken.csv").read_text(encoding="utf-8-sig")), delimiter=";"
        )
    )
    for cells in rows[1:]:
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells


def assert_internal_links_resolve(site: Path, page: Path) -> None:
    parser = _Markup()
    parser.feed(page.read_text(encoding="utf-8"))
    base = page.parent.relative_to(site).as_posix()
    for href in parser.hrefs:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("#"):
            continue
        path = href.split("#")[0].split("?")[0]
        if not path:
            continue
        target = posixpath.normpath(posixpath.join(base, path))
        assert not target.startswith(".."), href
        file = site / target
        assert (file / "index.html").is_file() or file.is_file(), f"{page}: {href}"


# --- the property ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_repo() -> Iterator[Path]:
    """A folder of its own, not under pytest's base temp: a run of minutes must not lose it when
    other pytest runs on the machine clean up old base folders."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-generated-") as folder:
        yield from _small_repo(Path(folder))


def _small_repo(folder: Path) -> Iterator[Path]:
    root = make_repo(folder / "repo")
    (root / "data" / "redirects.yml").write_text(REDIRECTS, encoding="utf-8")
    for key in ("GITHUB_REPOSITORY", "NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING"):
        os.environ.setdefault(key, BUILD_ENV[key])
    # The unchanged repository is fine: every problem below comes from the mutation.
    assert [ln for ln in check_lines(root) if ": waarschuwing: " not in ln] == []
    yield root


ROWS = [  # the classes of issue 26, kept as examples so every run tries them
    Mutation(CARDS[0], (("append-markdown", "[zie ook](../../tips/houd-vol/)"),), "", "\n", False),
    Mutation(CARDS[0], (("append-markdown", "taalhuis" * 700),), "", "\n", False),
    Mutation(CARDS[0], (("bron-url", "https://naam:geheim@voorbeeld.nl/r.pdf"),), "", "\n", False),
    Mutation(CARDS[0], (("tips", ["korte-tip.yml"]),), "", "\n", False),
    Mutation(CARDS[1], (("uitleg", "[oud](../../tips/oude-tip/) <script>kbx()</script>"),), "", "\r\n", True),
]


@settings(settings.get_profile(PROFILE))
@given(mutation=MUTATIONS)
@example(mutation=ROWS[0])
@example(mutation=ROWS[1])
@example(mutation=ROWS[2])
@example(mutation=ROWS[3])
@example(mutation=ROWS[4])
def test_a_mutated_card_is_refused_in_dutch_or_published_as_text(small_repo, mutation):
    root = small_repo
    file = root / mutation.card
    original = file.read_text(encoding="utf-8")
    site = root.parent / "site"
    try:
        file.write_bytes(mutation.apply(original))
        checked = check_lines(root)
        built, log = build_in_process(root, site)
    finally:
        file.write_text(original, encoding="utf-8")
    errors = [ln for ln in checked if ": waarschuwing: " not in ln]
    assert not [ln for ln in checked if "interne fout" in ln], checked
    assert sorted(_build_problems([ln for ln in log if ": waarschuwing: " not in ln])) == sorted(errors), (
        checked,
        log,
    )
    assert built == (not errors), (checked, log)
    for line in errors:
        match = PROBLEM.match(line)
        assert match, line
        assert not ENGLISH.search(re.sub(r"'[^']*'", "", match["message"])), line  # quoted: the editor's text
    event("refused" if errors else "accepted")
    if errors:
        assert [ln for ln in errors if ln.startswith(f"{mutation.card}:")], errors
        return
    folder, slug = mutation.card.removesuffix(".yml").split("/")
    prefix = {
        "practices": "praktijken",
        "tips": "tips",
        "recommendations": "aanbevelingen",
        "obstacles": "knelpunten",
    }
    page = site / prefix[folder] / slug / "index.html"
    assert page.is_file()
    assert_internal_links_resolve(site, page)
    assert_nothing_becomes_markup(site, page)
    assert not (root / "PWNED").exists()
