"""What an advisor needs to pass a page on: its absolute URL, a mail link and a citation."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from kennisbank.model.types import AnyCard
from kennisbank.output.dutch import dutch_date

SITE_NAME = "Kennisbank Basisvaardigheden"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"


LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "0.0.0.0")
PUBLISH_ENV = "KENNISBANK_PUBLISH"
SITE_URL_ENV = "KENNISBANK_SITE_URL"


def publication_problem(site_url: str) -> str | None:
    """Why ``site_url`` cannot be the address of the published site, or None when it can.

    A published card link that points at a placeholder or at a developer's machine is a dead
    link in every advisor's mail, so a publication build without a real address must stop."""
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return f"het adres '{site_url}' is geen https-adres"
    if host in LOCAL_HOSTS or host.strip("[]") in LOCAL_HOSTS:
        return f"het adres '{site_url}' is een adres op deze computer"
    if host == "example" or host.endswith((".example", ".example.nl", ".example.com", ".invalid", ".test")):
        return f"het adres '{site_url}' is een voorbeeldadres"
    return None


def normal_site_url(site_url: str) -> str:
    """The site address with exactly one trailing slash (GitHub Pages gives it without)."""
    return site_url.rstrip("/") + "/"


def mailto(subject: str, body: str) -> str:
    """A mailto: link; subject and body percent-encoded as UTF-8 (é, &, # and line breaks survive)."""
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def card_mailto(card: AnyCard, url: str) -> str:
    return mailto(card.titel, f"{card.titel}\n\n{card.samenvatting}\n\n{url}")


def citation(card: AnyCard, url: str) -> str:
    return (
        f"{card.titel}. {SITE_NAME}. {url} "
        f"(gecontroleerd op {dutch_date(card.gecontroleerd)}). Licentie: {LICENCE}."
    )
