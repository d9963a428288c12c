"""Full-text search with Pagefind: a Dutch-stemming index written next to the built site.

Pagefind fetches only the index chunks a query needs (a few hundred KB at most), where a lunr
index is loaded whole on every page. Only card pages and hand-written pages are indexed
(``data-pagefind-body``): overview pages repeat every summary and would match everything.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from .catalogue import Catalogue
from .model import Term
from .session import BackgroundIndexer

SEARCH_DIR = "pagefind"
SYNONYMS_PATH = "export/zoekwoorden.json"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Dutch and says why."""


def index_site(site_dir: Path, *, low_priority: bool = False) -> str:
    """Index the built site in ``site_dir``; returns Pagefind's summary line. ``low_priority``
    runs Pagefind under ``nice``, so it does not slow down the next rebuild while serving."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "nl"]
    if low_priority and shutil.which("nice"):
        command = ["nice", "-n", "19", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"de zoekindex kon niet gemaakt worden ({exc})") from exc
    if result.returncode != 0:
        raise SearchIndexError(f"de zoekindex kon niet gemaakt worden: {result.stderr.strip()[-500:]}")
    counts = [ln.split()[1] for ln in result.stdout.splitlines() if ln.strip().endswith(" pages")]
    return f"{counts[0]} pagina's geïndexeerd" if counts else "gemaakt"


def index_in_background(site_dir: Path, log: logging.Logger, indexer: BackgroundIndexer) -> None:
    """Re-index after a rebuild while serving, without holding up the rebuilt page (one run at a
    time, see :class:`~kennisbank.session.BackgroundIndexer`)."""

    def work() -> None:
        try:
            log.info(f"Zoekindex bijgewerkt: {index_site(site_dir, low_priority=True)}")
        except SearchIndexError as exc:
            log.warning(f"Zoekindex niet bijgewerkt: {exc}")

    indexer.request(work)


def synonyms_json(catalogue: Catalogue) -> str:
    """Word groups a query expands to: the 'zoekwoorden' of the vocabulary, plus each theme's
    name and synonyms (so 'geld' also finds the theme financiering)."""
    groups = [list(g) for g in catalogue.vocab.zoekwoorden]
    terms: tuple[Term, ...] = (*catalogue.vocab.themas, *catalogue.vocab.organisatietypes)
    for term in terms:
        words = [term.slug.replace("-", " "), *term.synoniemen]
        if len(words) > 1:
            groups.append([w.lower() for w in words])
    return json.dumps({"versie": 1, "groepen": groups}, ensure_ascii=False) + "\n"
