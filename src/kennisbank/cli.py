"""Command line: ``kennisbank check`` and ``kennisbank schema``. Messages in Dutch, no tracebacks."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from kennisbank.build.session import load_site
from kennisbank.checking.readability import median, score_summaries
from kennisbank.checking.vocabulary import VOCABULARY_SCHEMA_FILE, load_vocabulary, vocabulary_schema_text
from kennisbank.editing.reformat import reformat_cards
from kennisbank.editing.rename import rename_card
from kennisbank.editing.template import new_card
from kennisbank.model import day
from kennisbank.model.problems import github_annotation, summary_line
from kennisbank.model.types import Kind
from kennisbank.output.redirects import REDIRECTS_FILE
from kennisbank.output.site import check_site
from kennisbank.output.urls import URL_FILE, add_new_urls

MARKER = Path("schema") / "praktijk.schema.json"


def find_root(start: Path) -> Path | None:
    """The repository root: the nearest folder up from ``start`` with our schemas in it."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / MARKER).is_file() and (folder / "data").is_dir():
            return folder
    package_repo = Path(__file__).resolve().parents[2]
    return package_repo if (package_repo / MARKER).is_file() else None


NEW_KINDS = {"praktijk": Kind.PRAKTIJK, "tip": Kind.TIP, "aanbeveling": Kind.AANBEVELING}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kennisbank", description="Werk met de kaarten van de Kennisbank Basisvaardigheden."
    )
    parser.add_argument("--root", type=Path, help="map van de kennisbank (standaard: deze map of hoger)")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", required=True)
    check = commands.add_parser("check", help="controleer de kaarten")
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="alleen deze bestanden of mappen")
    check.add_argument(
        "--format",
        choices=("tekst", "github"),
        default="tekst",
        help="'github': meldingen als aantekeningen bij de regels in een pull request (GitHub Actions)",
    )
    new = commands.add_parser("nieuw", help="maak een nieuwe kaart met alle velden en uitleg")
    new.add_argument("soort", choices=sorted(NEW_KINDS), help="soort kaart")
    new.add_argument("titel", help='titel van de kaart, tussen aanhalingstekens: "Mijn titel"')
    rename = commands.add_parser(
        "hernoem", help="geef een kaart een nieuwe naam; verwijzingen en doorverwijzing gaan mee"
    )
    rename.add_argument("oud", help="huidige naam of pad, bijvoorbeeld practices/oude-naam.yml")
    rename.add_argument("nieuw", help="nieuwe naam, bijvoorbeeld nieuwe-naam")
    layout = commands.add_parser(
        "opmaak",
        help="zet kaarten in de vaste opmaak (zoals het formulier ze schrijft); de inhoud blijft gelijk",
    )
    layout.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="alleen deze bestanden of mappen")
    commands.add_parser("schema", help="maak schema/vocabulaire.schema.json opnieuw uit data/vocabulaire.yml")
    commands.add_parser("urls", help="zet nieuwe adressen van de site in published-urls.txt")
    commands.add_parser("leesbaarheid", help="leesbaarheid (Flesch-Douma) van de samenvatting van elke kaart")
    return parser


def cmd_check(root: Path, paths: list[Path], output: str = "tekst") -> int:
    result = check_site(root, paths or None)
    for problem in result.problems:
        print(github_annotation(problem) if output == "github" else problem)
    if result.problems:
        print(summary_line(result.problems))
    else:
        n = result.checked_files
        print(f"Alles in orde: {n} {'kaart' if n == 1 else 'kaarten'} gecontroleerd.")
    return 0 if result.ok else 1


def cmd_new(root: Path, soort: str, titel: str) -> int:
    shown, problems = new_card(root, NEW_KINDS[soort], titel, day.today())
    for problem in problems:
        print(problem)
    if shown is None:
        return 1
    print(f"Nieuwe kaart: {shown}")
    print(f"Vul de velden in en controleer de kaart met: kennisbank check {shown}")
    print(f"Klaar? Dan haalt 'kennisbank opmaak {shown}' de uitleg weg en zet de kaart in de vaste opmaak.")
    return 0


def cmd_rename(root: Path, old: str, new: str) -> int:
    renamed, problems = rename_card(root, old, new)
    for problem in problems:
        print(problem)
    if renamed is None:
        return 1
    print(f"Hernoemd: {renamed.old} → {renamed.new}")
    for path, line in renamed.references:
        print(f"Verwijzing aangepast: {path} (regel {line})")
    print(f"Doorverwijzing in {REDIRECTS_FILE}: {renamed.redirect[0]} → {renamed.redirect[1]}")
    for page in renamed.pages:
        print(f"Let op: {page} noemt nog het oude adres; pas die link zelf aan.")
    code = cmd_check(root, [])
    if code == 0 and (root / URL_FILE).exists():
        site = load_site(root)
        for url in add_new_urls(root, site.pages):
            print(f"Nieuw adres in {URL_FILE}: {url}")
    return code


def cmd_layout(root: Path, paths: list[Path]) -> int:
    changed, problems = reformat_cards(root, paths)
    for problem in problems:
        print(problem)
    for shown in changed:
        print(f"opgemaakt: {shown}")
    print(f"{len(changed)} {'kaart' if len(changed) == 1 else 'kaarten'} opgemaakt.")
    return 1 if problems else 0


def cmd_schema(root: Path) -> int:
    vocab, problems = load_vocabulary(root)
    if problems:
        for problem in problems:
            print(problem)
        return 1
    target = root / VOCABULARY_SCHEMA_FILE
    target.write_text(vocabulary_schema_text(vocab), encoding="utf-8")
    print(f"{VOCABULARY_SCHEMA_FILE} is bijgewerkt.")
    return 0


FIX_ERRORS_FIRST = "Los eerst de fouten op die 'kennisbank check' meldt."


def cmd_urls(root: Path) -> int:
    site = load_site(root)
    if site.renderer is None:
        print(FIX_ERRORS_FIRST)
        return 1
    added = add_new_urls(root, site.pages)
    for url in added:
        print(f"toegevoegd: {url}")
    print(f"{URL_FILE}: {len(added)} nieuwe adressen.")
    return 0


def cmd_readability(root: Path) -> int:
    catalogue = load_site(root).result.catalogue
    if catalogue is None:
        print(FIX_ERRORS_FIRST)
        return 1
    scores = score_summaries(catalogue.all_cards())
    print("Flesch-Douma van elke samenvatting (hoger is makkelijker; moeilijkste eerst):")
    for s in scores:
        print(f"{s.flesch_douma:6.1f}  {s.card.path}")
        for sentence in s.long_sentences:
            print(f"        lange zin ({len(sentence.split())} woorden): {sentence}")
    print(f"Mediaan: {median(scores):.1f} over {len(scores)} kaarten.")
    return 0


def main(argv: Sequence[str] | None = None, *, own_process: bool = True) -> int:
    """The command. ``own_process``: ``kennisbank check | head`` ends quietly when ``head`` stops
    reading. A caller inside a program of its own (the tests) passes False: there the default
    handling of a broken pipe would end that whole program when any of its threads writes to a
    closed connection."""
    if own_process and hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = _parser().parse_args(argv)
    root = args.root or find_root(Path.cwd())
    if root is None or not (root / MARKER).is_file():
        print("kennisbank: geen kennisbank gevonden (ga naar de map met mkdocs.yml, of gebruik --root)")
        return 2
    try:
        day.today()  # a KENNISBANK_TODAY that is not a date stops here, with its reason
    except ValueError as exc:
        print(f"kennisbank: {exc}")
        return 2
    try:
        if args.command == "check":
            return cmd_check(root, args.paths, args.format)
        if args.command == "nieuw":
            return cmd_new(root, args.soort, args.titel)
        if args.command == "hernoem":
            return cmd_rename(root, args.oud, args.nieuw)
        if args.command == "urls":
            return cmd_urls(root)
        if args.command == "leesbaarheid":
            return cmd_readability(root)
        if args.command == "opmaak":
            return cmd_layout(root, args.paths)
        return cmd_schema(root)
    except Exception as exc:  # an editor never sees a traceback
        print(
            f"{root}: interne fout in de kennisbank ({type(exc).__name__}: {exc}); meld dit aan de beheerders"
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
