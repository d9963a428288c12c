"""Full-text search with Pagefind: a Dutch-stemming index written next to the built site.

Pagefind fetches only the index chunks a query needs (a few hundred KB at most), where a lunr
index is loaded whole on every page. Only card pages and hand-written pages are indexed
(``data-pagefind-body``): overview pages repeat every summary and would match everything.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import logging
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.model.types import AnyCard, Obstacle, Practice, Recommendation, Tip
from kennisbank.output.memo import CardTexts
from kennisbank.output.wordsplit import STOP_WORDS, compound_parts, word_counts

SEARCH_DIR = "pagefind"
SYNONYMS_PATH = "export/zoekwoorden.json"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Dutch and says why."""


PAGEFIND_CONFIG = {"force_language": "nl"}


def index_site(site_dir: Path, *, low_priority: bool = False) -> str:
    """Index the built site in ``site_dir`` with Pagefind's own walk of the folder; returns its
    summary line. ``low_priority`` runs Pagefind under ``nice``, so it does not slow down the
    next rebuild while serving."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    command += ["--force-language", PAGEFIND_CONFIG["force_language"]]  # as the index beside the build
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


BODY_START, BODY_END = "<div data-pagefind-body", "<!--/zoekindex-->"  # see overrides/main.html


def indexed_part(html: str) -> str:
    """The part of a page Pagefind reads: the head and the ``data-pagefind-body`` element, not
    the navigation, header and footer around it. Half the bytes to parse, the same index (a
    test compares it with Pagefind's walk over the whole pages). A page without the markers is
    given whole."""
    body, start = html.find("<body"), html.find(BODY_START)
    end = html.find(BODY_END, start)
    if not 0 <= body < start < end:
        return html
    return f"{html[:body]}<body>{html[start:end]}</body></html>"


class IndexBesideBuild:
    """The search index made while MkDocs writes the pages: each page goes to a Pagefind
    service (the same binary as :func:`index_site`, ``pagefind --service``) as soon as it is
    written, and Pagefind indexes it on the other core. At the end only the index files are
    written. The result is the same index as Pagefind's walk over the finished site (a test
    compares them).

    Why not the ``pagefind`` package's ``PagefindIndex``: its reader sleeps 0.1 s before every
    answer, so 1000 pages took 113 s instead of 2 s (measured; see bench/RESULTS.md). This
    speaks the same protocol: base64 JSON messages ended by a comma, both ways."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise SearchIndexError("het programma Pagefind is niet gevonden (installeer pagefind[bin])")
        try:
            self._proc = subprocess.Popen(
                [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        except OSError as exc:
            raise SearchIndexError(f"Pagefind kon niet starten ({exc})") from exc
        self._answers: dict[int, dict[str, Any]] = {}
        self._done = threading.Condition()
        self._closed = False
        self._last = 0
        self._reader = threading.Thread(target=self._read, name="kennisbank-pagefind", daemon=True)
        self._reader.start()
        answer = self._wait(self._send({"type": "NewIndex", "config": PAGEFIND_CONFIG}))
        self._index = int(answer["index_id"])

    def _send(self, payload: dict[str, Any]) -> int:
        self._last += 1
        message = {"message_id": self._last, "payload": payload}
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            self._proc.stdin.flush()
        except OSError as exc:
            self.close()
            raise SearchIndexError(f"Pagefind stopte onverwacht ({exc})") from exc
        return self._last

    def _read(self) -> None:
        stdout = self._proc.stdout
        assert isinstance(stdout, io.BufferedReader)
        pending = b""
        while chunk := stdout.read1(1 << 16):
            *messages, pending = (pending + chunk).split(b",")
            answers = [json.loads(base64.b64decode(m)) for m in messages if m.strip()]
            with self._done:
                for answer in answers:
                    self._answers[int(answer.get("message_id") or 0)] = answer["payload"]
                self._done.notify_all()
        with self._done:
            self._closed = True
            self._done.notify_all()

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._done:
            self._done.wait_for(lambda: message_id in self._answers or self._closed, timeout=600)
            answer = self._answers.get(message_id)
        if answer is None:
            raise SearchIndexError("Pagefind stopte onverwacht of gaf geen antwoord")
        return answer

    def add(self, path: str, html: str) -> None:
        """A written page, by its path in the site (``praktijken/x/index.html``)."""
        page = indexed_part(html)
        self._send({"type": "AddFile", "index_id": self._index, "file_path": path, "file_contents": page})

    def write(self, output: Path) -> str:
        """Wait until every page is indexed, write the index into ``output``, and stop Pagefind.
        Raises :class:`SearchIndexError` (in Dutch) when a page or the index failed."""
        try:
            written = self._wait(
                self._send({"type": "WriteFiles", "index_id": self._index, "output_path": str(output)})
            )
            with self._done:
                kinds = [a.get("type") for a in self._answers.values()]
                failed = [a for a in self._answers.values() if a.get("type") == "Error"]
            if failed or written.get("type") != "WriteFiles":
                why = (failed or [written])[0].get("message", "")
                raise SearchIndexError(f"de zoekindex kon niet gemaakt worden: {why}")
            return f"{kinds.count('IndexedFile')} pagina's geïndexeerd"
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind (it ends when its input closes) and release the pipes."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        with contextlib.suppress(OSError):
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=10)
        self._proc.stdout.close()


class BackgroundIndexer:
    """Runs the search indexer after a rebuild while serving, without holding up the page. One
    run at a time; a request during a run makes it run once more afterwards."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = False
        self._again = False

    def request(self, work: Callable[[], None]) -> None:
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True

        def loop() -> None:
            while True:
                work()
                with self._lock:
                    if not self._again:
                        self._running = False
                        return
                    self._again = False

        threading.Thread(target=loop, name="kennisbank-zoekindex", daemon=True).start()


def index_in_background(
    site_dir: Path, log: logging.Logger, indexer: BackgroundIndexer, also: Callable[[], str] | None = None
) -> None:
    """Re-index after a rebuild while serving, without holding up the rebuilt page (one run at a
    time, see :class:`BackgroundIndexer`). ``also``: another index to make first (the search
    page's own, :mod:`kennisbank.output.searchindex`), which returns its summary."""

    def work() -> None:
        if also is not None:
            try:
                log.info(f"Zoekindex van de site bijgewerkt: {also()}")
            except (OSError, ValueError) as exc:
                log.warning(f"Zoekindex van de site niet bijgewerkt: {exc}")
        try:
            log.info(f"Zoekindex bijgewerkt: {index_site(site_dir, low_priority=True)}")
        except SearchIndexError as exc:
            log.warning(f"Zoekindex niet bijgewerkt: {exc}")

    indexer.request(work)


MAX_ALTERNATIVES = 6  # words searched besides the one typed: more would flood the results
WORD_LIST_PATH = "zoeken/woorden.json"
WORD_LIST_SIZE = 6000  # the site's words for "Bedoel je ...?": all of them on a site this size


def alternatives(catalogue: Catalogue) -> dict[str, list[str]]:
    """Word -> the words that mean the same, from the groups of ``zoekwoorden`` (both ways)."""
    found: dict[str, list[str]] = {}
    for group in catalogue.vocab.zoekwoorden:
        for word in group:
            alts = found.setdefault(word.lower(), [])
            for other in group:
                other = other.lower()
                if other != word.lower() and other not in alts and len(alts) < MAX_ALTERNATIVES:
                    alts.append(other)
    return {word: alts for word, alts in sorted(found.items()) if alts}


def theme_words(catalogue: Catalogue) -> dict[str, list[str]]:
    """Synonym of a theme -> the theme's name, one way only (``geld`` -> ``financiering``):
    ``taalaanbod`` does not search ``cursus`` and ``les``, and ``warme overdracht`` is no
    other way of writing ``bereik``, so it never counts as the words themselves."""
    found: dict[str, list[str]] = {}
    for term in catalogue.vocab.themas:
        for synonym in term.synoniemen:
            names = found.setdefault(synonym.lower(), [])
            if term.naam.lower() not in names:
                names.append(term.naam.lower())
    return dict(sorted(found.items()))


def _settings(catalogue: Catalogue) -> dict[str, object]:
    """What a search needs to read a query: the words that mean the same, the themes'
    synonyms and the stop words."""
    return {
        "woorden": alternatives(catalogue),
        "themas": theme_words(catalogue),
        "stopwoorden": sorted(STOP_WORDS),
    }


def synonyms_json(catalogue: Catalogue) -> str:
    """The search settings as open data (and for the words box of an overview): the groups as
    editors wrote them, per word what a search for it also tries (``woorden``), which theme a
    synonym leads to (``themas``), and the words a search leaves out (``stopwoorden``)."""
    groups = [list(g) for g in catalogue.vocab.zoekwoorden]
    data = {"versie": 2, "groepen": groups, **_settings(catalogue)}
    return json.dumps(data, ensure_ascii=False) + "\n"


def search_settings(catalogue: Catalogue) -> str:
    """The same settings, written into the search page: its first search needs no request."""
    text = json.dumps(_settings(catalogue), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")  # inside <script>: no '</script>' can end it early


def card_texts(card: AnyCard) -> list[str]:
    """The running text of a card that a visitor reads: title, summary and the Markdown fields."""
    texts = [card.titel, card.samenvatting]
    if isinstance(card, Practice):
        texts += [card.verhaal, *card.resultaten, *(q.tekst for q in card.citaten)]
    elif isinstance(card, Tip):
        texts.append(card.uitleg)
    elif isinstance(card, Obstacle):
        texts += [card.beschrijving, *card.cijfers, *(q.tekst for q in card.citaten)]
        texts += [s.tekst for s in card.stellingen]
    elif isinstance(card, Recommendation):
        texts.append(card.tekst)
    return texts


def card_facts(card: AnyCard, catalogue: Catalogue) -> list[str]:
    """Words of the card's key facts, which the index skips so that they never become the
    snippet: its themes, and for a practice its place, region and province. Not the kind or
    names of organisations, nor the sources: 'Bibliotheek', 'gemeente' and the title of one
    report on most cards would make every search for those words list most of the site."""
    vocab = catalogue.vocab
    facts = [vocab.label("themas", t) for t in card.themas]
    if isinstance(card, Practice):
        facts += [w for w in (card.plaats, card.regio) if w]
        facts.append(vocab.label("provincies", card.provincie))
    return list(dict.fromkeys(facts))


def card_search_terms(card: AnyCard, catalogue: Catalogue) -> tuple[str, str]:
    """Hidden text for the index: the key facts, and the parts of the card's compounds
    (``taal huis`` for ``taalhuis``), so a split or partial word finds the card."""
    facts = card_facts(card, catalogue)
    parts = compound_parts([*card_texts(card), *facts])
    return " · ".join(facts), " · ".join(parts)


class SearchTerms:
    """:func:`card_search_terms` and the words of a card, made once per card: the card's page and
    the site's word list both need them, and while serving only for the cards that changed."""

    def __init__(self, catalogue: Catalogue, texts: CardTexts | None = None) -> None:
        self.catalogue = catalogue
        self.texts = texts or CardTexts()

    def __call__(self, card: AnyCard) -> tuple[str, str]:
        return self.texts.get("zoektermen", card, None, lambda: card_search_terms(card, self.catalogue))

    def words(self, card: AnyCard) -> CardWords:
        def make() -> CardWords:
            facts, parts = self(card)
            return CardWords(
                word_counts(card_texts(card)),
                word_counts([parts]),
                word_counts([card.titel]),
                word_counts([facts]),
            )

        return self.texts.get("woorden", card, None, make)


@dataclass(frozen=True)
class CardWords:
    """The words of one card for the site's word list, each in order of first appearance."""

    text: Counter[str]  # its running text
    parts: Counter[str]  # the parts of its compounds ('pact', only inside 'taalpact')
    title: Counter[str]
    facts: Counter[str]  # its key facts: place, region, province, themes


NAME_BONUS = 5  # names of places, themes and titles win a tie


def word_list_json(catalogue: Catalogue, page_texts: Iterable[str], terms: SearchTerms | None = None) -> str:
    """The site's words (four letters or more) by frequency, for "Bedoel je ...?": a word of
    the query that is not in it is a typo or a word the site does not use. Names of places,
    themes and titles count extra, so they win a tie."""
    terms = terms or SearchTerms(catalogue)
    cards = [terms.words(card) for card in catalogue.all_cards()]
    counts: Counter[str] = Counter()
    for card in cards:
        counts.update(card.text)
    counts.update(word_counts(page_texts))
    for card in cards:
        counts.update(card.parts)
    # The titles' words first, then the key facts', each once (the order decides ties).
    names = dict.fromkeys(
        [*(w for card in cards for w in card.title), *(w for card in cards for w in card.facts)]
    )
    for word in names:
        counts[word] += NAME_BONUS
    top = [w for w, _ in counts.most_common(WORD_LIST_SIZE)]  # most frequent first
    return json.dumps({"versie": 1, "woorden": top}, ensure_ascii=False, separators=(",", ":")) + "\n"
