"""What an advisor needs to pass a page on: its absolute URL, a mail link and a citation."""

from __future__ import annotations

from urllib.parse import quote

from .model import AnyCard

SITE_NAME = "Kennisbank Basisvaardigheden"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def mailto(subject: str, body: str) -> str:
    """A mailto: link; subject and body percent-encoded as UTF-8 (é, &, # and line breaks survive)."""
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def card_mailto(card: AnyCard, url: str) -> str:
    return mailto(card.titel, f"{card.titel}\n\n{card.samenvatting}\n\n{url}")


def citation(card: AnyCard, url: str) -> str:
    from .render import dutch_date

    return (
        f"{card.titel}. {SITE_NAME}. {url} "
        f"(gecontroleerd op {dutch_date(card.gecontroleerd)}). Licentie: {LICENCE}."
    )
