"""Editor text is data, never code: HTML is escaped or sanitised, javascript: links are dropped,
Jinja is shown literally and never evaluated, YAML tags never construct objects."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import build
from kennisbank.editing.reformat import reformat_cards

pytestmark = pytest.mark.slow  # builds a whole site of hostile cards

EVIL = "cycler.__init__.__globals__.os.popen('touch {marker}').read()"


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self.scripts_inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta[str(a["name"])] = str(a.get("content"))
        self._in_title = tag == "title"
        self._in_script = tag == "script" and "src" not in a

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_script:
            self.scripts_inline.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    from conftest import make_repo

    base = tmp_path_factory.mktemp("hostile")
    repo = make_repo(base / "repo")
    marker = base / "PWNED"
    evil = EVIL.format(marker=marker)
    card = repo / "practices" / "dalfsen-taalmeter.yml"
    text = card.read_text(encoding="utf-8")
    text = text.replace(
        "titel: Taalmeter bij de sociale werkvoorziening",
        "titel: \"Taal & meer 'zo' {{ 7 + 7 }}\"",
    )
    text = text.replace(
        "samenvatting: Een pilot met de Taalmeter liet zien hoeveel medewerkers moeite hebben met lezen.",
        f"samenvatting: '\"><script>alert(1)</script> {{{{ {evil.replace(chr(39), chr(39) * 2)} }}}}'",
    )
    text = text.replace(
        "  Van de 39 mensen bleken er **27** laaggeletterd te zijn.",
        "  <script>alert(2)</script><img src=x onerror=alert(3)>\n"
        "  [klik](javascript:alert(4)) en [data](data:text/html,boe) en\n"
        '  <a href="https://example.org/" onclick="alert(5)">gewone link</a>\n\n'
        f"  {{% for x in range(3) %}}lus{{% endfor %}} en {{{{ {evil} }}}}",
    )
    card.write_text(text, encoding="utf-8")
    assert reformat_cards(repo, [card])[1] == []  # in the card layout, as the form would save it
    (repo / "docs" / "over.md").write_text("# Over\n\nRekensom: {{ 7 * 7 }}\n", encoding="utf-8")
    site = base / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, marker, evil


def _page(site: Path) -> str:
    return (site / "praktijken" / "dalfsen-taalmeter" / "index.html").read_text(encoding="utf-8")


def test_jinja_in_a_card_is_never_evaluated_at_build_time(hostile_site):
    _site, marker, _evil = hostile_site
    assert not marker.exists(), "de shell-opdracht in de kaart is uitgevoerd"


def test_jinja_in_a_card_is_shown_literally(hostile_site):
    site, _marker, evil = hostile_site
    html = _page(site)
    assert "{% for x in range(3) %}lus{% endfor %}" in html
    assert "lus lus" not in html and "luslus" not in html
    assert "{{ " + evil.replace("'", "&#39;") in html or "{{ " + evil in html


def test_script_and_event_handlers_in_card_markdown_are_removed(hostile_site):
    html = _page(hostile_site[0])
    article = html[html.index('<article class="kb-kaart') : html.index("</article>")]
    assert "<script" not in article
    assert "onerror" not in article and "onclick" not in article
    assert 'href="https://example.org/"' in article


def test_javascript_and_data_links_are_dropped(hostile_site):
    html = _page(hostile_site[0])
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))]
    assert ">klik</a>" in html  # the text stays, the link goes


def test_summary_cannot_break_out_of_the_meta_description(hostile_site):
    site, _marker, _evil = hostile_site
    head = _Head()
    head.feed(_page(site))
    assert head.meta["description"].startswith('"><script>alert(1)</script> {{ ')
    assert not [s for s in head.scripts_inline if "alert" in s]


def test_title_cannot_break_out_of_the_title_element(hostile_site):
    """A title with < or > is refused by the schema (tests/test_invalid_cards.py); what a title
    may hold, & and quotes and Jinja, reaches <title> escaped and literal."""
    html = _page(hostile_site[0])
    head = _Head()
    head.feed(html)
    assert head.title == "Taal & meer 'zo' {{ 7 + 7 }} - Kennisbank Basisvaardigheden"
    assert "<title>Taal &amp; meer " in html


def test_hand_written_page_without_opt_in_shows_jinja_literally(hostile_site):
    html = (hostile_site[0] / "over" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}" in html
    assert "49" not in html
