"""Check every card: shape (JSON Schema), references, vocabularies, names. All problems at once.
``check_repository`` is the one validation function: ``kennisbank check`` and the build call it;
the rules it applies are in ``rules.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.checking.editorial import editorial_warnings, unused_theme_warnings
from kennisbank.checking.geodata import Gazetteer, MapData, load_gazetteer, load_map
from kennisbank.checking.handwritten import check_pages
from kennisbank.checking.links import TextLink
from kennisbank.checking.places import place_problems
from kennisbank.checking.rules import CheckCache, Checker, rules_key
from kennisbank.checking.schemas import Schemas, schema_problems
from kennisbank.checking.settings import Settings, load_settings
from kennisbank.checking.vocabulary import (
    VOCABULARY_FILE,
    VOCABULARY_SCHEMA_FILE,
    load_vocabulary,
    vocabulary_schema_text,
)
from kennisbank.model import day
from kennisbank.model.problems import Level, Position, Problem, sort_problems
from kennisbank.model.types import (
    AnyCard,
    Kind,
    Vocabulary,
)
from kennisbank.reading.load import Document, read_document
from kennisbank.reading.repository import (
    discover,
    expand_paths,
    untrusted_files,
)


@dataclass
class CheckResult:
    """What a check found, and what it loaded to check it (read once, used by the pages too)."""

    problems: list[Problem] = field(default_factory=list)
    catalogue: Catalogue | None = None
    checked_files: int = 0
    settings: Settings = field(default_factory=Settings)
    vocab: Vocabulary | None = None
    schemas: Schemas | None = None
    page_texts: tuple[str, ...] = ()  # the Markdown of the hand-written pages in docs/
    links: list[TextLink] = field(default_factory=list)
    """Every link in card and page text, for :func:`kennisbank.checking.links.check_links` once the
    site's pages are known; only those of the files that were checked."""
    card_paths: dict[Kind, set[str]] = field(default_factory=dict)
    """The names of the card files of each kind: the card pages the site will have."""
    digests: dict[str, str] = field(default_factory=dict)
    """Card path -> digest of its bytes and the rules: what a text made from the card depends on."""
    gazetteer: Gazetteer | None = None  # where places and regions are (data/gemeenten.json, ...)
    map_data: MapData | None = None  # the province outlines (data/kaart.json)

    today: dt.date = dt.date.min
    """The day the cards were checked against (review due, dates in the future)."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


def internal_error(path: str, exc: BaseException) -> Problem:
    return Problem(
        Position(path),
        "interne fout bij het controleren van deze kaart",
        "dit is een fout in de kennisbank zelf, niet in je kaart; "
        f"meld het aan de beheerders ({type(exc).__name__})",
    )


def check_repository(
    root: Path,
    only: list[Path] | None = None,
    today: dt.date | None = None,
    cache: CheckCache | None = None,
    rules: str | None = None,
) -> CheckResult:
    """Validate all cards in ``root`` (or only the given files, against the whole repo).

    ``cache`` keeps the outcome per card file between calls (``mkdocs serve``); without it every
    card is checked afresh. ``rules`` is :func:`rules_key` when the caller computed it already.
    Never raises: every problem, including an unexpected one, is
    returned as a Problem.
    """
    result = CheckResult(today=today or day.today())
    try:
        _check(root, only, result.today, result, cache, rules)
    except Exception as exc:  # last line of defence: an editor never sees a traceback
        result.problems.append(internal_error(str(root), exc))
        result.catalogue = None
    result.problems = sort_problems(result.problems)
    if result.errors:
        result.catalogue = None
    return result


def _load_rules(root: Path, result: CheckResult) -> tuple[Vocabulary, Schemas] | None:
    """Read what every card is checked against (lists, places, settings, schemas) into ``result``;
    None when the cards cannot be checked (the problems say why)."""
    untrusted = untrusted_files(root)
    page_problems, result.page_texts, result.links = check_pages(root)
    result.problems += untrusted + page_problems
    if any(p.position.path.startswith(("data", "schema", "mkdocs.yml")) for p in untrusted):
        return None  # the lists and schemas every card is checked against cannot be read safely
    vocab, vocab_problems = load_vocabulary(root)
    result.problems += vocab_problems
    if vocab_problems:
        return None
    result.vocab = vocab
    provinces = {t.slug for t in vocab.provincies}
    gazetteer, gazetteer_problems = load_gazetteer(root, provinces)
    result.map_data, map_problems = load_map(root, provinces)
    result.problems += gazetteer_problems + map_problems
    result.gazetteer = None if gazetteer_problems else gazetteer
    settings, settings_problems = load_settings(root)
    result.problems += settings_problems
    result.settings = settings
    schemas, schema_errors = schema_problems(root, vocab)
    result.problems += schema_errors
    if schemas is None:
        return None
    result.schemas = schemas
    return vocab, schemas


def _check(
    root: Path,
    only: list[Path] | None,
    today: dt.date,
    result: CheckResult,
    cache: CheckCache | None,
    rules: str | None,
) -> None:
    loaded = _load_rules(root, result)
    if loaded is None:
        return
    vocab, schemas = loaded
    checker = Checker(root, schemas, vocab, today, rules or rules_key(root, today), cache)
    stale = root / VOCABULARY_SCHEMA_FILE
    if not stale.exists() or stale.read_text(encoding="utf-8") != vocabulary_schema_text(vocab):
        checker.problems.append(
            Problem(
                Position(VOCABULARY_SCHEMA_FILE),
                "het schema van de vaste lijsten loopt niet gelijk met data/vocabulaire.yml",
                "draai 'kennisbank schema' en neem het nieuwe bestand mee in je wijziging",
            )
        )

    repo_files, repo_problems = discover(root)
    if only is None:
        files, reported = repo_files, set(f.display for f in repo_files)
        result.problems += repo_problems  # files that are no card: reported, never dropped
    else:
        given, given_problems = expand_paths(only, root)
        result.problems += given_problems
        given_names = {f.file.resolve() for f in given}
        files = given + [f for f in repo_files if f.file.resolve() not in given_names]
        reported = {f.display for f in given}

    cards: list[tuple[AnyCard, Document]] = []
    known = checker.known
    for card_file in files:
        if card_file.kind is not None and card_file.file.suffix.lower() in (".yml", ".yaml"):
            known[card_file.kind].add(card_file.slug)
    for card_file in files:
        try:
            card, doc = checker.card(card_file)
        except Exception as exc:
            checker.problems.append(internal_error(card_file.display, exc))
            continue
        if card is not None and doc is not None:
            cards.append((card, doc))
    checker.references(cards, known)
    if result.gazetteer is not None:
        checker.problems += place_problems(cards, result.gazetteer, vocab)
    checker.uniqueness(cards, files)
    checker.problems += editorial_warnings(cards, result.settings, today)
    if not any(p.level is Level.ERROR for p in checker.problems):  # a broken card's themes count too
        vocab_doc = read_document(root / VOCABULARY_FILE, VOCABULARY_FILE)
        checker.problems += unused_theme_warnings(vocab, [c for c, _ in cards], vocab_doc)
    result.checked_files = len(reported)
    result.problems += [
        p
        for p in checker.problems
        if p.position.path in reported or p.position.path.startswith(("data/", "schema/"))
    ]
    result.digests = checker.digests
    result.card_paths = {kind: set(names) for kind, names in known.items()}
    result.links += [link for link in checker.links if link.position.path in reported]
    if not any(p.level is Level.ERROR for p in result.problems):
        result.catalogue = Catalogue.build([c for c, _ in cards], vocab)
