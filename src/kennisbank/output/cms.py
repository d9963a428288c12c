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

import yaml

from kennisbank.checking.schemas import Schemas
from kennisbank.checking.settings import Settings
from kennisbank.checking.vocabulary import GROUPS
from kennisbank.model.types import Kind, Vocabulary
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


def repository(settings: Settings) -> str:
    return settings.repository or os.environ.get(REPOSITORY_ENV, "")


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


def _fields(schema: dict[str, Any], vocab: Vocabulary) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    fields = []
    for name, prop in schema.get("properties", {}).items():
        field = {"name": name, "label": prop.get("title") or name.capitalize()}
        field.update(_widget(name, prop, vocab))
        if prop.get("description"):
            field["hint"] = prop["description"]
        field["required"] = name in required
        fields.append(field)
    return fields


def _collection(kind: Kind, schemas: Schemas, vocab: Vocabulary) -> dict[str, Any]:
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
        "format": "yaml",
        "create": kind in CREATABLE,
        "delete": False,
        "identifier_field": "titel",
        "slug": "{{titel}}",
        "summary": REFERENCE_LABEL.get(kind, "{{titel}}"),
        "sortable_fields": list(NAMED_BY.get(kind, ("titel",))),
        "fields": _fields(flat, vocab),
    }


def cms_config(schemas: Schemas, vocab: Vocabulary, settings: Settings, site_url: str) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repository(settings),
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
        "collections": [_collection(kind, schemas, vocab) for kind in ORDER],
    }


def cms_config_text(schemas: Schemas, vocab: Vocabulary, settings: Settings, site_url: str) -> str:
    header = (
        "# Made by the build from schema/ and data/vocabulaire.yml (src/kennisbank/output/cms.py).\n"
        "# Do not edit: change the schemas or the vocabulary instead.\n"
    )
    config = cms_config(schemas, vocab, settings, site_url)
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)


def admin_page(settings: Settings, bundled: bool) -> str:
    """The page that starts the CMS below a slim header, which says in plain Dutch what is not set
    up yet. The CMS mounts in ``#nc-root`` and keeps the header in view."""
    note = ""  # what is not set up yet, the first that matters
    if not bundled:
        note = (
            "Het formulier is niet meegebouwd met deze site. Beheerders: draai <code>make cms</code> "
            "en bouw de site opnieuw."
        )
    elif not repository(settings):
        note = (
            "Het formulier weet nog niet in welke GitHub-repository de voorbeelden staan. Beheerders: "
            "vul <code>repository</code> in in <code>data/redactie.yml</code>."
        )
    elif not settings.inloghulp:
        note = (
            "Inloggen met GitHub werkt hier nog niet. Log in met een toegangstoken, of stel een "
            'voorbeeld voor via <a href="../bijdragen/">Bijdragen</a>. Beheerders: zie '
            '<a href="../techniek/#het-formulier-voor-de-redactie">Techniek</a>.'
        )
    start = bundled and bool(repository(settings))
    script = f'<script type="module" src="{BUNDLE_ENTRY}"></script>\n' if start else ""
    note = f"<p>{note}</p>" if note else ""
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
</style>
</head>
<body>
<header class="kb-kop">
<p><strong><a href="../">Kennisbank Basisvaardigheden</a>: redactie</strong>. Opslaan maakt een
voorstel (pull request). Een beheerder kijkt het na.</p>
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
