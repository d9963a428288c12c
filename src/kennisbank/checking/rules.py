"""The rules one check run applies: to each card file (shape, own rules, Markdown, statements),
to the links between cards and to names that must be unique. ``validate.check_repository`` runs
them; the outcome per card file is cached by its bytes and the rules (:func:`rules_key`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from pathlib import Path
from typing import Any

from kennisbank.catalogue.cards import build_card
from kennisbank.checking.fields import card_fields
from kennisbank.checking.layout import card_text, layout_problem
from kennisbank.checking.links import TextLink, links_in, strings, userinfo_at, userinfo_problem
from kennisbank.checking.markup import markdown_risk, markdown_to_html
from kennisbank.checking.messages import (
    FUTURE_DATE,
    choices_hint,
    field_name,
    problems_from_error,
    suggest_card,
    unknown,
)
from kennisbank.checking.schemas import Schemas
from kennisbank.model.problems import Position, Problem
from kennisbank.model.types import (
    AnyCard,
    Kind,
    Recommendation,
    Vocabulary,
)
from kennisbank.reading.load import Document, TooLarge, decode, read_bounded, read_document
from kennisbank.reading.repository import (
    CardFile,
    file_name_problems,
)

REFERENCES = {
    "knelpunten": (Kind.KNELPUNT, "knelpunt"),
    "tips": (Kind.TIP, "tip"),
    "aanbevelingen": (Kind.AANBEVELING, "aanbeveling"),
    "praktijken": (Kind.PRAKTIJK, "praktijkvoorbeeld"),
}
"""Fields that name other cards, and the kind of card they name."""

CardOutcome = tuple["AnyCard | None", "Document | None", list[Problem], list[TextLink]]
CheckCache = dict[tuple[str, str, "Kind | None"], tuple[bytes, CardOutcome]]
"""The outcome of checking each card file, by what it depends on: its name and kind, its bytes
and the rules (schemas, vocabulary, today). ``mkdocs serve`` re-checks the repository after every
save; with a cache kept between builds (:class:`~kennisbank.build.session.BuildSession`) only the edited
card is parsed and validated again."""


def rules_key(root: Path, today: dt.date) -> str:
    """Digest of everything a card is checked against: the lists and settings in ``data/``,
    the schemas and the date (review-due warnings). Links are not followed."""
    digest = hashlib.blake2b(today.isoformat().encode(), digest_size=16)
    for folder in ("data", "schema"):
        base = root / folder
        if base.is_symlink() or not base.is_dir():
            continue
        for file in sorted(base.iterdir()):
            if file.is_file() and not file.is_symlink():
                digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


class Checker:
    """Holds what one check run needs; each method adds problems for one kind of rule."""

    def __init__(
        self,
        root: Path,
        schemas: Schemas,
        vocab: Vocabulary,
        today: dt.date,
        rules: str = "",
        cache: CheckCache | None = None,
    ) -> None:
        self.root = root
        self.schemas = schemas
        self.vocab = vocab
        self.today = today
        self.rules = rules
        self.cache: CheckCache = {} if cache is None else cache
        self.digests: dict[str, str] = {}
        self.problems: list[Problem] = []
        self._markdown: dict[Kind, tuple[str, ...]] = {}
        self.known: dict[Kind, set[str]] = {kind: set() for kind in Kind}
        self.links: list[TextLink] = []
        """Every link in the cards' Markdown, resolved once the site's pages are known."""
        """The card names of the repository, for a did-you-mean on a reference of the wrong shape."""

    def markdown_fields(self, kind: Kind | None) -> tuple[str, ...]:
        """The fields the schema marks as Markdown (``contentMediaType: text/markdown``)."""
        if kind is None:
            return ()
        if kind not in self._markdown:
            fields = card_fields(self.schemas, kind, self.vocab).fields
            self._markdown[kind] = tuple(f.name for f in fields if f.shape == "markdown")
        return self._markdown[kind]

    def knelpunt_codes(self) -> list[str]:
        """The knelpunt codes (A-F) as the schema lists them."""
        fields = card_fields(self.schemas, Kind.KNELPUNT, self.vocab).fields
        return [c.value for f in fields if f.name == "code" for c in f.choices]

    def card(self, card_file: CardFile) -> tuple[AnyCard | None, Document | None]:
        """Check one card file, or reuse the outcome for the very same bytes and rules."""
        try:
            raw: bytes | None = read_bounded(card_file.file)
        except (OSError, TooLarge):
            raw = None  # read_document reports it
        key = (str(card_file.file.absolute()), card_file.display, card_file.kind)
        digest = hashlib.blake2b(raw or b"", digest_size=16).digest() + self.rules.encode() + self.names
        self.digests[card_file.display] = digest.hex()
        cached = self.cache.get(key)
        if raw is not None and cached is not None and cached[0] == digest:
            card, doc, problems, links = cached[1]
            self.problems += problems
            self.links += links
            return card, doc
        before, links_before = len(self.problems), len(self.links)
        card, doc = self._card(card_file, raw)
        if raw is not None:
            self.cache[key] = (digest, (card, doc, self.problems[before:], self.links[links_before:]))
        return card, doc

    def _card(self, card_file: CardFile, raw: bytes | None) -> tuple[AnyCard | None, Document | None]:
        name_problems = file_name_problems(card_file)
        if name_problems and card_file.file.suffix.lower() not in (".yml", ".yaml"):
            self.problems += name_problems
            return None, None
        self.problems += name_problems
        doc = read_document(card_file.file, card_file.display, raw)
        self.problems += doc.problems
        if doc.problems or not isinstance(doc.data, dict):
            return None, doc
        if card_file.kind is None:
            self.problems.append(
                Problem(
                    Position(card_file.display),
                    "onbekende soort kaart: het bestand staat niet in een map voor kaarten",
                    "zet het in practices/, tips/, obstacles/ of recommendations/",
                )
            )
            return None, doc
        errors = []
        if not self.schemas.surely_valid(card_file.kind, doc.data):  # the fast path says no: why?
            validator = self.schemas.validators[card_file.kind]
            errors = sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
        before = len(self.problems)
        base = self.schemas.uri(card_file.kind)

        def describe(schema: dict[str, Any]) -> str | None:
            return self.schemas.description(schema, base)

        for error in errors:
            self.problems += self._with_guess(problems_from_error(doc, error, describe), error)
        self.problems += self._own_rules(card_file, doc)
        if len(self.problems) > before or name_problems:
            return None, doc
        layout = self._layout(card_file, raw, doc)
        if layout is not None:
            self.problems.append(layout)
            return None, doc
        return build_card(card_file, doc.data), doc

    def _layout(self, card_file: CardFile, raw: bytes | None, doc: Document) -> Problem | None:
        """A valid card in another layout than the form writes: one problem, where it starts."""
        if raw is None or card_file.kind is None:
            return None
        expected = card_text(doc.data, card_file.kind.schema, self.schemas.validators[card_file.kind].schema)
        text, _ = decode(raw, card_file.display)  # a byte order mark is allowed
        return layout_problem(card_file.display, text or "", expected)

    @property
    def names(self) -> bytes:
        """Digest of the card names: a cached hint 'bedoel je ...' depends on them."""
        names = "\0".join(f"{k.folder}/{n}" for k in Kind for n in sorted(self.known[k]))
        return hashlib.blake2b(names.encode(), digest_size=8).digest()

    def _with_guess(self, problems: list[Problem], error: Any) -> list[Problem]:
        """A reference of the wrong shape (``korte-tip.yml``, ``Korte tip``) gets a did-you-mean."""
        path = tuple(error.absolute_path)
        target = REFERENCES.get(str(path[0])) if len(path) == 2 and isinstance(path[1], int) else None
        if target is None or error.validator != "pattern" or not isinstance(error.instance, str):
            return problems
        guess = suggest_card(error.instance, self.known[target[0]])
        if guess is None:
            return problems
        return [Problem(p.position, p.message, f"bedoel je '{guess}'?", p.level) for p in problems]

    def _own_rules(self, card_file: CardFile, doc: Document) -> list[Problem]:
        data = doc.data
        out: list[Problem] = []
        for path, value in strings(data):
            if userinfo_at(value) is not None:
                out.append(userinfo_problem(doc.at(path), f"{field_name(path)}: "))
        for name in self.markdown_fields(card_file.kind):
            text = data.get(name)
            risk = markdown_risk(text) if isinstance(text, str) else None
            if risk is not None:
                line, message, hint = risk
                where = f" (regel {line} van de tekst)" if line > 1 else ""
                out.append(Problem(doc.at((name,)), f"'{name}': {message}{where}", hint))
            elif isinstance(text, str):
                page = f"{card_file.kind.url_prefix}/{card_file.slug}/" if card_file.kind else ""
                for offset, href in links_in(text, markdown_to_html):
                    line = text.count("\n", 0, offset) + 1
                    self.links.append(
                        TextLink(
                            doc.at((name,)),
                            href,
                            page,
                            label=f"'{name}': ",
                            line_note=f" (regel {line} van de tekst)" if line > 1 else "",
                        )
                    )
        checked = data.get("gecontroleerd")
        if isinstance(checked, str):
            try:
                when = dt.date.fromisoformat(checked)
            except ValueError:
                when = None
            if when and when > self.today:
                out.append(
                    Problem(
                        doc.at(("gecontroleerd",)),
                        FUTURE_DATE[0].format(name="gecontroleerd", value=checked),
                        FUTURE_DATE[1],
                    )
                )
        if card_file.kind is Kind.KNELPUNT:
            code = data.get("code")
            codes = self.knelpunt_codes()
            if card_file.slug not in [c.lower() for c in codes]:
                out.append(
                    Problem(
                        Position(card_file.display),
                        f"een knelpunt heet {codes[0].lower()}.yml tot en met {codes[-1].lower()}.yml, "
                        f"niet '{card_file.file.name}'",
                        "noem het bestand naar de code van het knelpunt",
                    )
                )
            elif isinstance(code, str) and code.lower() != card_file.slug:
                out.append(
                    Problem(
                        doc.at(("code",)),
                        f"code '{code}' past niet bij de bestandsnaam '{card_file.file.name}'",
                        f"gebruik code '{card_file.slug.upper()}' of hernoem het bestand",
                    )
                )
            out += statement_source_problems(doc)
        return out

    def references(self, cards: list[tuple[AnyCard, Document]], known: dict[Kind, set[str]]) -> None:
        for card, doc in cards:
            for attr, (target, noun) in REFERENCES.items():
                for i, ref in enumerate(getattr(card, attr, ())):
                    slug = ref.lower() if target is Kind.KNELPUNT else ref
                    if slug in known[target]:
                        continue
                    choices = sorted(known[target])
                    if target is Kind.KNELPUNT:
                        hint = f"er is geen {target.folder}/{slug}.yml; " + choices_hint(
                            [c.upper() for c in choices]
                        )
                    else:
                        guess = suggest_card(ref, choices)
                        hint = (
                            f"bedoel je '{guess}'?"
                            if guess
                            else f"gebruik de bestandsnaam (zonder .yml) van een kaart in {target.folder}/"
                        )
                    self.problems.append(Problem(doc.at((attr, i)), f"{unknown(noun)} {noun} '{ref}'", hint))

    def uniqueness(self, cards: list[tuple[AnyCard, Document]], files: list[CardFile]) -> None:
        seen: dict[tuple[Kind, str], str] = {}
        for card_file in files:
            if card_file.kind is None:
                continue
            key = (card_file.kind, card_file.slug)
            if key in seen:
                self.problems.append(
                    Problem(
                        Position(card_file.display),
                        f"de naam '{card_file.slug}' wordt al gebruikt door {seen[key]}",
                        "elke kaart heeft een eigen bestandsnaam; kies een andere naam",
                    )
                )
            else:
                seen[key] = card_file.display
        by_title: dict[str, list[tuple[AnyCard, Document]]] = {}
        for card, doc in cards:
            title = " ".join(unicodedata.normalize("NFKC", card.page_title).casefold().split())
            by_title.setdefault(title, []).append((card, doc))
        for same in by_title.values():
            for card, doc in same if len(same) > 1 else ():
                others = ", ".join(other.path for other, _ in same if other is not card)
                self.problems.append(
                    Problem(
                        doc.at(("titel",)),
                        f"de titel '{card.titel}' wordt ook gebruikt door {others}",
                        "geef elke kaart een eigen titel: pagina's met dezelfde titel zijn in "
                        "zoekresultaten, tabbladen en gedeelde links niet uit elkaar te houden",
                    )
                )
        codes: dict[tuple[str, str], str] = {}
        for card, doc in cards:
            if isinstance(card, Recommendation):
                key2 = (card.niveau, card.code)
                if key2 in codes:
                    self.problems.append(
                        Problem(
                            doc.at(("code",)),
                            f"er is al een aanbeveling {card.code} voor '{card.niveau}': {codes[key2]}",
                            "elke code komt per niveau één keer voor",
                        )
                    )
                else:
                    codes[key2] = card.path


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def statement_source_problems(doc: Document) -> list[Problem]:
    """Each statement of the scan (``stellingen``) rests on a part of the source the card itself
    names: its ``bron`` begins with an ``onderdeel`` of the card's ``bron`` (one of the parts
    between semicolons), and may then say where in it ("... (tweede citaat)"). So a statement
    can be traced to a heading of the source document, and the check can tell."""
    data = doc.data
    statements, sources = data.get("stellingen"), data.get("bron")
    if not isinstance(statements, list):
        return []
    parts = [
        part.strip()
        for source in (sources if isinstance(sources, list) else [])
        if isinstance(source, dict) and isinstance(source.get("onderdeel"), str)
        for part in source["onderdeel"].split(";")
        if part.strip()
    ]
    out: list[Problem] = []
    for i, statement in enumerate(statements):
        where = statement.get("bron") if isinstance(statement, dict) else None
        if not isinstance(where, str) or not where.strip():
            continue  # missing or empty: the schema says so
        if any(_words(where).startswith(_words(part)) for part in parts):
            continue
        if parts:
            hint = f"begin met het onderdeel uit 'bron', bijvoorbeeld '{parts[0]}', en zeg dan waar precies"
        else:
            hint = (
                "vul bij 'bron' het 'onderdeel' in: de kop in het brondocument; begin de bron van de "
                "stelling daarmee"
            )
        out.append(
            Problem(
                doc.at(("stellingen", i, "bron")),
                f"'stellingen', item {i + 1}, 'bron': '{where.strip()}' begint niet met een onderdeel uit "
                "'bron' van dit knelpunt",
                hint,
            )
        )
    return out
