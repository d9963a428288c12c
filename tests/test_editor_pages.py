"""The editors' pages: "Velden van een kaart" (from the schemas) and the review list (noindex)."""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import REPO, TEST_DAY, build
from kennisbank.checking.editorial import add_months
from kennisbank.checking.fields import all_card_fields
from kennisbank.checking.schemas import load_schemas
from kennisbank.checking.vocabulary import load_vocabulary
from kennisbank.model.types import Kind

VOCAB = load_vocabulary(REPO)[0]
CARD_FIELDS = all_card_fields(load_schemas(REPO, VOCAB), VOCAB)
SCHEMAS = {k: json.loads((REPO / "schema" / f"{k.schema}.schema.json").read_text()) for k in Kind}


def every_field():
    for card in CARD_FIELDS:
        for field in card.fields:
            yield card.kind, field.name, field
            for child in field.children:
                yield card.kind, f"{field.name}.{child.name}", child


@pytest.mark.parametrize(
    ("kind", "name", "field"), list(every_field()), ids=lambda v: getattr(v, "schema", v)
)
def test_every_schema_field_has_a_dutch_title_and_description(kind, name, field):
    assert field.title and field.title != field.name.split(".")[-1], f"{kind.schema}: {name} has no title"
    assert len(field.description) > 10, f"{kind.schema}: {name} has no description"


@pytest.mark.parametrize("kind", list(Kind), ids=[k.schema for k in Kind])
def test_fields_page_lists_every_field_of_every_schema_with_required_and_description(built_site, kind):
    page = html.unescape((built_site / "velden" / "index.html").read_text(encoding="utf-8"))
    schema = SCHEMAS[kind]
    assert schema["properties"], kind
    for name in schema["properties"]:
        match = re.search(
            rf'<h3 id="{kind.schema}-{name}"><code>{name}</code>: [^<]+</h3>\s*<dl class="kb-feiten kb-veld">\s*'
            r"<div><dt>Verplicht</dt><dd>(ja|nee)</dd></div>",
            page,
        )
        assert match, f"{kind.schema}: {name} missing from /velden/"
        required = {*schema["required"], *schema.get("then", {}).get("required", ())}
        assert match.group(1) == ("ja" if name in required else "nee"), name
    card = next(c for c in CARD_FIELDS if c.kind is kind)
    for field in card.fields:
        assert f"<dd>{field.description}</dd>" in page, field.name
        for child in field.children:
            assert f"<p><code>{child.name}</code>: {child.title}</p>" in page


def test_fields_page_lists_every_vocabulary_value_with_its_label_and_knelpunt_codes(built_site):
    page = html.unescape((built_site / "velden" / "index.html").read_text(encoding="utf-8"))
    for group in ("themas", "organisatietypes", "provincies"):
        assert f'id="lijst-{group}"' in page
        for term in getattr(VOCAB, group):
            assert f"<div><dt><code>{term.slug}</code></dt><dd>{term.naam}</dd></div>" in page
    assert (
        "<code>A</code>, <code>B</code>, <code>C</code>, <code>D</code>, <code>E</code>, <code>F</code>"
        in page
    )
    assert "<code>gemeente</code>, <code>rijk</code>" in page


def test_contributing_pages_link_to_the_fields_page(built_site):
    assert "/velden/" in (REPO / "CONTRIBUTING.md").read_text()
    assert (
        '<a href="../velden/">Velden van een kaart</a>'
        in (built_site / "bijdragen" / "index.html").read_text()
    )


def test_review_page_is_noindex_out_of_nav_and_search(built_site):
    page = (built_site / "redactie" / "controle" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert '<h1 id="inhoud">Kaarten om opnieuw te controleren</h1>' in page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "redactie/controle" not in home
    assert "data-pagefind-body" not in page, "de site-zoekfunctie (Pagefind) mag deze pagina niet vinden"
    assert "data-pagefind-body" in (built_site / "over" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots"' not in home


@pytest.mark.slow
def test_review_page_lists_cards_due_for_review_oldest_first(repo, tmp_path):
    today = TEST_DAY
    old, older = add_months(today, -30), add_months(today, -40)
    for path, when in (("practices/dalfsen-taalmeter.yml", old), ("tips/korte-tip.yml", older)):
        card = repo / path
        card.write_text(
            re.sub(r"(?m)^gecontroleerd: .*$", f"gecontroleerd: {when.isoformat()}", card.read_text()),
            encoding="utf-8",
        )
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "redactie" / "controle" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">[^<]+</a> <span class="kb-type">', page)
    assert links == ["../../tips/korte-tip/", "../../praktijken/dalfsen-taalmeter/"]
    assert '<p class="kb-aantal">2 kaarten</p>' in page
    assert "meer dan 24 maanden" in page


@pytest.mark.slow
def test_review_page_says_so_when_nothing_is_due(repo, tmp_path):
    assert build(repo, tmp_path / "site").returncode == 0
    page = (tmp_path / "site" / "redactie" / "controle" / "index.html").read_text(encoding="utf-8")
    assert "<p>Alle kaarten zijn op tijd gecontroleerd.</p>" in page
