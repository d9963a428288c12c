"""The form at ``/admin/`` where editors add a card without writing YAML (Sveltia CMS).

The schemas stay the one description of a card: the build writes the CMS's ``config.yml`` from
them and from ``data/vocabulaire.yml`` on every build, so it can never be stale. Each field gets
its Dutch label and hint from the schema's ``title`` and ``description``, its limits from the
schema's keywords, and its choices from the vocabulary. A field named after a kind of card
(``tips``, ``praktijken``, ``aanbevelingen``, ``knelpunten``) refers to cards of that kind.

What the form saves is checked by ``kennisbank check`` like any other card: the form helps, the
check decides. The CMS itself (JavaScript from npm, pinned in ``package-lock.json``) is bundled by
``make cms`` into ``build/admin/``; the build copies it next to the page. Visitors' pages never
load it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from kennisbank.checking.geodata import Gazetteer
from kennisbank.checking.messages import FUTURE_DATE, missing_field
from kennisbank.checking.schemas import Schemas
from kennisbank.checking.settings import Settings
from kennisbank.checking.vocabulary import GROUPS
from kennisbank.model.types import Kind, Vocabulary
from kennisbank.output.formrules import (
    CHECKED,
    CONDITIONAL,
    NOT_LATER,
    PLACE,
    conditional_required,
    place_rule,
    region_rule,
)
from kennisbank.reading.repository import MAX_SLUG

CONFIG_PATH = "admin/config.yml"
PAGE_PATH = "admin/index.html"
BUNDLE_DIR = "build/admin"
"""Where ``make cms`` puts the bundle; the build publishes it as ``/admin/``."""
BUNDLE_ENTRY = "kennisbank-cms.js"
REPOSITORY_ENV = "GITHUB_REPOSITORY"
"""Set by GitHub Actions: the repository a build runs in, used when the settings name none."""

# Collections in the order of the menu; knelpunten are few and fixed: editable, not creatable.
CREATABLE = (Kind.PRAKTIJK, Kind.TIP, Kind.AANBEVELING)
ORDER = (*CREATABLE, Kind.KNELPUNT)
SINGLE_LINE = "^(?![\\s\\S]*[\\n\\r])"
"""The schema's pattern for 'one line': such a field gets a one-line input, others a text box."""
REFERENCE_LABEL = {Kind.KNELPUNT: "{{code}}: {{titel}}"}
ONE_OF = {
    "organisaties": "organisatie",
    "bron": "bron",
    "citaten": "citaat",
    "resultaten": "resultaat",
    "cijfers": "cijfer",
    "stellingen": "stelling",
}
"""The word for one item of a list field, for the form's "… toevoegen" button."""
NAMED_BY = {Kind.KNELPUNT: ("titel", "code")}
"""The fields a card is found and sorted by in the form; the others: their title."""


LOCAL_REPOSITORY = "lokaal/kennisbank"
"""The GitHub backend needs a repository name; on your own computer, without one, the form only
works with the local folder, and this name is never used for GitHub."""


def repository(settings: Settings) -> str:
    return settings.repository or os.environ.get(REPOSITORY_ENV, "")


def is_local(site_url: str) -> bool:
    """Whether the site is served on this computer (``make serve``): then the form offers to work
    with the local folder (Sveltia's local repository, in Chromium browsers only)."""
    return urlsplit(site_url).hostname in ("127.0.0.1", "localhost", "::1")


def _choices(schema: dict[str, Any], vocab: Vocabulary) -> list[dict[str, str]] | None:
    """Select options: a vocabulary's values with their names, or a schema's own enum."""
    name = schema.get("x-naam")
    for group, (def_name, _title, _noun) in GROUPS.items():
        if name == def_name:
            return [{"label": t.naam, "value": t.slug} for t in getattr(vocab, group)]
    if "enum" in schema:
        return [{"label": str(v), "value": str(v)} for v in schema["enum"]]
    return None


def _pattern(schema: dict[str, Any]) -> list[str] | None:
    """All of a text's patterns as one JavaScript pattern (each a lookahead from the start), with
    the schema's Dutch message for them."""
    parts = [p for p in [schema.get("pattern"), *(s.get("pattern") for s in schema.get("allOf", []))] if p]
    parts = [p for p in parts if p != "\\S"]  # "not empty" is the required check's job
    if not parts:
        return None
    rules = "; ".join(s["x-fout"] for s in schema.get("allOf", []) if "x-fout" in s)
    message = schema.get("x-hint") or rules or schema.get("x-soort") or "deze tekst klopt niet"
    message = message[0].upper() + message[1:].rstrip(".") + "."
    joined = "".join(f"(?=[\\s\\S]*?(?:{p}))" for p in parts)
    return ["^" + joined, str(message)]


def _text_field(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("contentMediaType") == "text/markdown":
        return {"widget": "markdown", "modes": ["rich_text", "raw"]}
    if schema.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    single = SINGLE_LINE in {s.get("pattern") for s in schema.get("allOf", [])} or (
        "pattern" in schema and (str(schema["pattern"]).startswith("^"))
    )
    field: dict[str, Any] = {"widget": "string" if single else "text"}
    for keyword, option in (("minLength", "minlength"), ("maxLength", "maxlength")):
        if keyword in schema and schema[keyword] > 1:
            field[option] = schema[keyword]
    pattern = _pattern(schema)
    if pattern:
        field["pattern"] = pattern
    return field


def _reference(kind: Kind, schema: dict[str, Any]) -> dict[str, Any]:
    value = "code" if kind is Kind.KNELPUNT else "{{slug}}"
    field: dict[str, Any] = {
        "widget": "relation",
        "collection": kind.url_prefix,
        "value_field": value,
        "search_fields": list(NAMED_BY.get(kind, ("titel",))),
        "display_fields": [REFERENCE_LABEL.get(kind, "{{titel}}")],
        "multiple": True,
    }
    if schema.get("minItems"):
        field["min"] = schema["minItems"]
    return field


def _widget(name: str, schema: dict[str, Any], vocab: Vocabulary) -> dict[str, Any]:
    kind = Kind.from_folder(name)
    if schema.get("type") == "array":
        items = schema.get("items", {})
        if kind is not None:
            return _reference(kind, schema)
        field: dict[str, Any]
        options = _choices(items, vocab)
        if options is not None:
            field = {"widget": "select", "multiple": True, "options": options}
        elif items.get("type") == "object":
            field = {"widget": "list", "fields": _fields(items, vocab), "collapsed": False}
        else:
            line = {"name": name, "label": "Regel", **_widget(name, items, vocab)}
            field = {"widget": "list", "field": line}
        if name in ONE_OF:
            field["label_singular"] = ONE_OF[name]  # "Organisatie toevoegen", not "Organisaties …"
        if schema.get("minItems"):
            field["min"] = schema["minItems"]
        if schema.get("maxItems"):
            field["max"] = schema["maxItems"]
        return field
    options = _choices(schema, vocab)
    if options is not None:
        return {"widget": "select", "options": options}
    if schema.get("type") == "integer":
        limits = {new: schema[old] for old, new in (("minimum", "min"), ("maximum", "max")) if old in schema}
        return {"widget": "number", "value_type": "int", **limits}
    return _text_field(schema)


def _fields(
    schema: dict[str, Any], vocab: Vocabulary, gazetteer: Gazetteer | None = None
) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    conditional = conditional_required(schema)
    fields = []
    for name, prop in schema.get("properties", {}).items():
        field = {"name": name, "label": prop.get("title") or name.capitalize()}
        field.update(_widget(name, prop, vocab))
        if prop.get("description"):
            field["hint"] = prop["description"]
        field["required"] = name in required
        if name in conditional and field.get("widget") == "string":
            field["widget"] = CONDITIONAL
            field["tenzij"] = conditional[name]
            hint = str(prop.get("description", "")).rstrip(".")
            words = missing_field(name)
            field["fout"] = words[0].upper() + words[1:] + (f" ({hint})" if hint else "")
        if name == CHECKED and field.get("widget") == "datetime":
            field["widget"] = NOT_LATER
            message, hint = FUTURE_DATE
            field["fout"] = f"{message.format(name=name, value='{datum}')} ({hint})"
        if gazetteer is not None and name == "plaats" and field.get("widget") in ("string", CONDITIONAL):
            field["widget"] = field["widget"] if field["widget"] == CONDITIONAL else PLACE
            field.update(place_rule(gazetteer, vocab))
        if gazetteer is not None and name == "regio" and field.get("widget") == "string":
            field.update(region_rule(gazetteer))
        fields.append(field)
    return fields


def _collection(
    kind: Kind, schemas: Schemas, vocab: Vocabulary, gazetteer: Gazetteer | None
) -> dict[str, Any]:
    document = schemas.documents[kind.schema]
    flat = schemas.validators[kind].schema  # the schema with its $refs filled in, as the check uses it
    assert isinstance(flat, dict)
    return {
        "name": kind.url_prefix,
        "label": kind.plural,
        "label_singular": kind.label.capitalize(),
        "description": document.get("description", ""),
        "folder": kind.folder,
        "extension": "yml",
        "format": f"kaart-{kind.schema}",  # the card layout (admin/layout.js, registered in admin/start.js)
        "create": kind in CREATABLE,
        "delete": False,
        "identifier_field": "titel",
        "slug": "{{titel}}",
        "summary": REFERENCE_LABEL.get(kind, "{{titel}}"),
        "sortable_fields": list(NAMED_BY.get(kind, ("titel",))),
        "fields": _fields(flat, vocab, gazetteer),
    }


def cms_config(
    schemas: Schemas, vocab: Vocabulary, settings: Settings, site_url: str, gazetteer: Gazetteer | None = None
) -> dict[str, Any]:
    """The form's config; with the ``gazetteer`` the form checks ``plaats`` and ``regio`` as the
    check does (without it, as when the place lists are unreadable, the check alone does)."""
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repository(settings) or (LOCAL_REPOSITORY if is_local(site_url) else ""),
        "branch": settings.tak,
        "open_authoring": True,  # people without write access propose through a fork
        "commit_messages": {
            # In English, as every commit message of the project.
            "create": "Add {{collection}} card {{slug}}",
            "update": "Update {{collection}} card {{slug}}",
            "delete": "Delete {{collection}} card {{slug}}",
            "uploadMedia": "Upload {{path}}",
            "deleteMedia": "Delete {{path}}",
            "openAuthoring": "{{message}}",
        },
    }
    if settings.inloghulp:
        backend["base_url"] = settings.inloghulp
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every new card is its own pull request
        "media_folder": "docs/assets/uploads",
        "app_title": "Kennisbank Basisvaardigheden: redactie",
        "site_url": site_url,
        "display_url": site_url,
        "show_preview_links": False,
        "slug": {
            "encoding": "ascii",  # "Één taalcafé" -> een-taalcafe.yml, as `kennisbank nieuw` names it
            "clean_accents": True,
            "sanitize_replacement": "-",
            "maxlength": MAX_SLUG,
        },
        "output": {"omit_empty_optional_fields": True},
        "collections": [_collection(kind, schemas, vocab, gazetteer) for kind in ORDER],
    }


def cms_config_text(
    schemas: Schemas, vocab: Vocabulary, settings: Settings, site_url: str, gazetteer: Gazetteer | None = None
) -> str:
    header = (
        "# Made by the build from schema/, data/vocabulaire.yml, data/gemeenten.json and data/plaatsen.yml\n"
        "# (src/kennisbank/output/cms.py).\n"
        "# Do not edit: change the schemas or the vocabulary instead.\n"
    )
    config = cms_config(schemas, vocab, settings, site_url, gazetteer)
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


LOCAL_NOTE = (
    "<strong>Op je eigen computer</strong> (met <code>make serve</code>): kies "
    "<em>Werken met een lokale repository</em> en daarna de map van de kennisbank (de map met "
    "<code>mkdocs.yml</code>). Opslaan zet de kaart dan meteen in die map, en na een paar seconden "
    'staat hij op <a href="../">de site op je computer</a>. Er gaat niets naar GitHub: dat doe je '
    "daarna zelf met git. Dit werkt in Chrome, Edge en andere Chromium-browsers, niet in Firefox of "
    "Safari."
)
PREVIEW_NOTE = (
    "Hoe de kaart eruit gaat zien, zie je in het voorstel: GitHub zet daar een link naar een "
    "voorbeeld van de hele site. Het vak <em>Voorbeeld</em> naast het formulier laat alleen de "
    "ingevulde velden zien."
)
SAVE_NOTE = (
    "<strong>Opslaan is nog niet publiceren.</strong> Opslaan maakt een voorstel (een pull "
    "request op GitHub). Een beheerder kijkt het na en zet het op de site; dat kan een paar dagen "
    "duren. " + PREVIEW_NOTE
)
LOCAL_SAVE_NOTE = (
    "<strong>Opslaan is nog niet publiceren.</strong> Werk je met een lokale repository, dan zet "
    "Opslaan de kaart alleen in de map op je computer, en <code>make serve</code> laat hem zien. Op de "
    "echte site komt hij pas als je hem met git als voorstel (pull request) instuurt en een beheerder "
    "hem goedkeurt. Log je hier in met GitHub, dan maakt Opslaan dat voorstel meteen. " + PREVIEW_NOTE
)


def admin_page(settings: Settings, bundled: bool, site_url: str = "") -> str:
    """The page that starts the CMS below a slim header, which says in plain Dutch what saving
    does, where the real preview is, and what is not set up yet. The CMS mounts in ``#nc-root``
    and keeps the header in view."""
    local = is_local(site_url)
    notes = [LOCAL_NOTE] if local and bundled else []
    if not bundled:
        notes.append(
            "Het formulier is niet meegebouwd met deze site. Beheerders: draai <code>make cms</code> "
            "en bouw de site opnieuw."
        )
    elif not repository(settings):
        if not local:
            notes.append(
                "Het formulier weet nog niet in welke GitHub-repository de voorbeelden staan. Beheerders: "
                "vul <code>repository</code> in in <code>data/redactie.yml</code>."
            )
    elif not settings.inloghulp:
        notes.append(
            "Inloggen met GitHub werkt hier nog niet. Log in met een toegangstoken, of stel een "
            'voorbeeld voor via <a href="../bijdragen/">Bijdragen</a>. Beheerders: zie '
            '<a href="../techniek/#het-formulier-voor-de-redactie">Techniek</a>.'
        )
    start = bundled and (bool(repository(settings)) or local)
    script = f'<script type="module" src="{BUNDLE_ENTRY}"></script>\n' if start else ""
    note = "".join(f"<p>{n}</p>\n" for n in notes)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Redactie - Kennisbank Basisvaardigheden</title>
<style>
body{{margin:0}}
.kb-kop{{font:.9375rem/1.45 system-ui,sans-serif;margin:0;padding:.5rem 1rem;background:#fff;
  color:#1a1a1a;border-bottom:1px solid #767676}}
.kb-kop p{{margin:.25rem 0;max-width:60rem}}
.kb-kop a{{color:#0b4f8a}}
.kb-kop a:focus-visible{{outline:3px solid #0b4f8a;outline-offset:2px}}
.kb-kop details{{margin:.25rem 0;max-width:60rem}}
.kb-kop summary{{cursor:pointer;color:#0b4f8a}}
.kb-kop summary:focus-visible{{outline:3px solid #0b4f8a;outline-offset:2px}}
</style>
</head>
<body>
<header class="kb-kop">
<p><strong><a href="../">Kennisbank Basisvaardigheden</a>: redactie</strong>. Vul het formulier in
en kies <em>Opslaan</em>.</p>
<details><summary>Wat gebeurt er als ik opsla?</summary>
<p>{LOCAL_SAVE_NOTE if local else SAVE_NOTE}</p>
</details>
{note}<noscript><p>Dit formulier werkt alleen met JavaScript. Zonder JavaScript kun je een voorbeeld
voorstellen via <a href="../bijdragen/">Bijdragen</a>.</p></noscript>
</header>
<main id="nc-root"></main>
{script}</body>
</html>
"""


def bundle_files(root: Path) -> list[Path]:
    """The bundle's files (relative to ``build/admin``), never a link: a link could publish a
    file of the build machine."""
    base = root / BUNDLE_DIR
    if base.is_symlink() or not base.is_dir():
        return []
    found = []
    for folder, dirs, files in os.walk(base):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
        found += [(here / f).relative_to(base) for f in files if not (here / f).is_symlink()]
    return sorted(found)
