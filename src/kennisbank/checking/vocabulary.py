"""The controlled vocabularies (themes, organisation types, provinces): one data file.

``data/vocabulaire.yml`` is the single list. The validator reads it directly; the JSON Schema
``schema/vocabulaire.schema.json`` that editors' IDEs use is generated from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kennisbank.model.problems import Problem
from kennisbank.model.types import Term, Vocabulary
from kennisbank.reading.load import read_document
from kennisbank.reading.repository import SLUG_RE, slugify

VOCABULARY_FILE = "data/vocabulaire.yml"
VOCABULARY_SCHEMA_FILE = "schema/vocabulaire.schema.json"

# group in the data file -> (name of the $def, Dutch title, Dutch noun for messages)
GROUPS = {
    "themas": ("thema", "Thema", "thema"),
    "organisatietypes": ("organisatietype", "Soort organisatie", "soort organisatie"),
    "provincies": ("provincie", "Provincie", "provincie"),
}


def load_vocabulary(root: Path) -> tuple[Vocabulary, list[Problem]]:
    doc = read_document(root / VOCABULARY_FILE, VOCABULARY_FILE)
    groups: dict[str, tuple[Term, ...]] = {}
    data = doc.data if isinstance(doc.data, dict) else {}
    for group in GROUPS:
        entries = data.get(group)
        if not isinstance(entries, dict) or not entries:
            if not doc.problems:
                doc.fail(doc.at((group,), key=True), f"de lijst '{group}' ontbreekt of is leeg")
            groups[group] = ()
            continue
        terms = []
        for slug, entry in entries.items():
            if not SLUG_RE.match(str(slug)):
                doc.fail(
                    doc.at((group, slug), key=True),
                    f"'{slug}' in '{group}' is geen geldige naam: die staat ook in adressen",
                    "gebruik kleine letters, cijfers en streepjes, "
                    f"bijvoorbeeld '{slugify(str(slug)) or 'naam'}'",
                )
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str):
                doc.fail(
                    doc.at((group, slug), key=True),
                    f"'{slug}' in '{group}' heeft geen 'naam'",
                    "schrijf bijvoorbeeld: {naam: Bibliotheek}",
                )
                continue
            synonyms = entry.get("synoniemen") or []
            if not isinstance(synonyms, list) or not all(isinstance(w, str) for w in synonyms):
                doc.fail(
                    doc.at((group, slug, "synoniemen")),
                    f"'synoniemen' van '{slug}' is een lijst van woorden",
                    "schrijf bijvoorbeeld: synoniemen: [geld, budget]",
                )
                synonyms = []
            if not isinstance(entry.get("uitleg") or "", str):
                doc.fail(doc.at((group, slug, "uitleg")), f"'uitleg' van '{slug}' is tekst", "schrijf 1 zin")
            terms.append(
                Term(
                    slug=str(slug),
                    naam=entry["naam"],
                    uitleg=str(entry.get("uitleg") or ""),
                    synoniemen=tuple(str(s) for s in synonyms),
                )
            )
        groups[group] = tuple(terms)
    search_groups: list[tuple[str, ...]] = []
    for i, group in enumerate(data.get("zoekwoorden") or []):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
            doc.fail(doc.at(("zoekwoorden", i)), "een groep zoekwoorden is een lijst van minstens 2 woorden")
            continue
        search_groups.append(tuple(w.lower() for w in group))
    return Vocabulary(**groups, zoekwoorden=tuple(search_groups)), doc.problems


def vocabulary_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of the vocabularies: enums with a label per value for IDE completion."""
    defs: dict[str, Any] = {}
    for group, (name, title, _noun) in GROUPS.items():
        terms: tuple[Term, ...] = getattr(vocab, group)
        defs[name] = {
            "title": title,
            "description": f"Kies een waarde uit de vaste lijst '{group}' (data/vocabulaire.yml).",
            "enum": [t.slug for t in terms],
            "markdownEnumDescriptions": [
                f"**{t.naam}**" + (f": {t.uitleg}" if t.uitleg else "") for t in terms
            ],
            "x-synoniemen": {t.slug: list(t.synoniemen) for t in terms if t.synoniemen},
            "x-naam": name,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Vaste lijsten",
        "description": "Gemaakt uit data/vocabulaire.yml met 'kennisbank schema'. Niet zelf bewerken.",
        "$defs": defs,
    }


def vocabulary_schema_text(vocab: Vocabulary) -> str:
    return json.dumps(vocabulary_schema(vocab), ensure_ascii=False, indent=2) + "\n"
