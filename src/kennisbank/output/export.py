"""Open data: every card as JSON (the one export the site's own scripts also read), the
practices as CSV for Dutch Excel, and an Atom feed of new and checked cards."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from functools import partial
from typing import Any
from xml.etree import ElementTree as ET

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.model.types import AnyCard, Kind, Practice
from kennisbank.output.memo import CardTexts
from kennisbank.output.share import LICENCE, LICENCE_URL, SITE_NAME
from kennisbank.output.urls import absolute_url

EXPORT_VERSION = 1
JSON_PATH = "export/kaarten.json"
CSV_PATH = "export/praktijken.csv"
FEED_PATH = "feed.xml"
FEED_SIZE = 50
_ATOM = "http://www.w3.org/2005/Atom"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    return value


def card_record(card: AnyCard, catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    """All fields of a card as written, plus its kind, URL and the relations in both directions."""
    fields = {
        f.name: getattr(card, f.name) for f in dataclasses.fields(card) if f.name not in ("kind", "path")
    }
    for key in ("bron", "citaten", "organisaties", "stellingen"):
        if key in fields:
            fields[key] = [dataclasses.asdict(v) for v in getattr(card, key)]
    related = {kind.url_prefix: [c.slug for c in catalogue.related(card, kind)] for kind in Kind}
    record = {
        "soort": card.kind.schema,
        "url": absolute_url(site_url, card.url),
        "bestand": card.path,
        **fields,
        "gerelateerd": related,
    }
    return dict(_plain(record))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _card_json(card: AnyCard, catalogue: Catalogue, site_url: str, texts: CardTexts) -> str:
    related = tuple(tuple(c.slug for c in catalogue.related(card, kind)) for kind in Kind)
    return texts.get(JSON_PATH, card, related, lambda: _json(card_record(card, catalogue, site_url)))


def cards_json(catalogue: Catalogue, site_url: str, texts: CardTexts | None = None) -> str:
    """``texts`` keeps each card's record between builds; a rebuild while serving redoes only the
    records of changed cards."""
    texts = texts or CardTexts()
    head = {
        "versie": EXPORT_VERSION,
        "bron": SITE_NAME,
        "licentie": {"naam": LICENCE, "url": LICENCE_URL},
        "aantal": len(catalogue.all_cards()),
    }
    cards = ",".join(_card_json(c, catalogue, site_url, texts) for c in catalogue.all_cards())
    return _json(head)[:-1] + ',"kaarten":[' + cards + "]}\n"


CSV_COLUMNS = [
    "titel",
    "samenvatting",
    "plaats",
    "provincie",
    "organisaties",
    "jaar",
    "knelpunten",
    "themas",
    "tips",
    "aanbevelingen",
    "resultaten",
    "bron",
    "gecontroleerd",
    "url",
    "regio",
]


def practices_csv(catalogue: Catalogue, site_url: str, texts: CardTexts | None = None) -> str:
    """One row per practice; UTF-8 with BOM and ';' so Dutch Excel opens it correctly."""
    texts = texts or CardTexts()
    return (
        "\ufeff"
        + _csv_line(CSV_COLUMNS)
        + "".join(
            texts.get(CSV_PATH, p, None, partial(_csv_row, p, catalogue, site_url))
            for p in catalogue.practices
        )
    )


# A cell that starts with one of these opens a formula in Excel and LibreOffice: a title
# '=HYPERLINK(...)' would become a link, '@SOM(1+1)' a sum. A leading apostrophe keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as the text it is, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_line(values: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerow([spreadsheet_cell(v) for v in values])
    return out.getvalue()


def _csv_row(p: Practice, catalogue: Catalogue, site_url: str) -> str:
    label = catalogue.vocab.label
    return _csv_line(
        [
            p.titel,
            p.samenvatting,
            p.plaats,
            label("provincies", p.provincie),
            ", ".join(f"{o.naam} ({label('organisatietypes', o.type).lower()})" for o in p.organisaties),
            p.jaar,
            ", ".join(p.knelpunten),
            ", ".join(label("themas", t) for t in p.themas),
            ", ".join(p.tips),
            ", ".join(p.aanbevelingen),
            " | ".join(p.resultaten),
            " | ".join(f"{b.document} ({b.uitgever}, {b.jaar})" for b in p.bron),
            p.gecontroleerd.isoformat(),
            absolute_url(site_url, p.url),
            p.regio,
        ]
    )


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 forbids, so the feed always parses. The check refuses
    such characters in cards already; this keeps the feed well-formed whatever reaches it."""
    return _NOT_XML.sub("", text)


def atom_feed(catalogue: Catalogue, site_url: str) -> str:
    """The newest checked cards first; ``updated`` is the date a card was last checked."""
    ET.register_namespace("", _ATOM)
    cards = sorted(catalogue.all_cards(), key=lambda c: (c.gecontroleerd, c.titel), reverse=True)[:FEED_SIZE]
    feed = ET.Element(f"{{{_ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{_ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
        el.text = None if text is None else xml_text(text)
        return el

    sub(feed, "title", f"{SITE_NAME}: nieuw en bijgewerkt")
    sub(feed, "id", absolute_url(site_url, FEED_PATH))
    sub(feed, "link", href=absolute_url(site_url, FEED_PATH), rel="self")
    sub(feed, "link", href=absolute_url(site_url, ""))
    newest = cards[0].gecontroleerd if cards else dt.date(2000, 1, 1)
    sub(feed, "updated", f"{newest.isoformat()}T00:00:00Z")
    sub(sub(feed, "author"), "name", SITE_NAME)
    sub(feed, "rights", LICENCE)
    for card in cards:
        url = absolute_url(site_url, card.url)
        entry = sub(feed, "entry")
        sub(entry, "title", card.titel)
        sub(entry, "id", url)
        sub(entry, "link", href=url)
        sub(entry, "updated", f"{card.gecontroleerd.isoformat()}T00:00:00Z")
        sub(entry, "category", term=card.kind.schema, label=card.kind.label)
        sub(entry, "summary", card.samenvatting)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
