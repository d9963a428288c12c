"""Dutch words for search: compound parts, the site's own word list, stop words.

Pagefind stems Dutch words but does not split compounds: ``taalhuis`` is one word to it, so
``huis`` or ``taal huis`` miss the page. We split compounds at build time against a Dutch word
list with frequencies (the one pyspellchecker ships, built from a large Dutch corpus) and index
the parts as low-weight hidden text. A word list is better here than a rule-based splitter:
our compounds (``taalpact``, ``laaggeletterdheid``, ``werkgemeenschap``) are new words no
splitter's dictionary knows, but their parts are common words.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Words a search does not need to find: articles, pronouns, prepositions, question words and
# the verbs of a question ("waar vind ik ...", "hoe werk ik samen met ..."). One list, used by
# the search page (it is written into its settings) and by the site's word list.
_STOP = """
    aan al alle alles als ben bij bijvoorbeeld dan dat de deze die dit doe doen door dus een en
    er geen had heb hebben heeft het hier hij hoe hoeveel hun ik in is je jij jouw kan krijg krijgen
    kun kunnen maar me meer mee met mij mijn moet moeten na naar niet nog nu of om onder ons onze
    ook op over te tegen toch tot u uit van veel voor waar waarom wanneer wat we wel welk welke
    werd wie wij wil willen word wordt worden ze zij zijn zich zo zonder zou zoek zoeken vind
    the of and for how what where
"""
STOP_WORDS = frozenset(_STOP.split())

MIN_PART = 3  # shortest first part of a compound (les, web); a last part has at least 4
COMMON = 500  # a word this frequent in Dutch is a word of its own: not split (gemeenschap)
PART_FREQ = 300  # a part must be a common word (huis, pact), or long (geletterdheid) ...
LONG_PART = 8
SHORT_PART_FREQ = 2000  # ... and a part of three letters very common (taal-web, not 'aal')
# Prefixes and particles are no first part: 'verbinder' is no 'ver binder'.
_PREFIXES = "aan af be bij door er ge her in mee na om ont op over samen te terug toe uit ver voor weg"
PREFIXES = frozenset(_PREFIXES.split())
LINKS = ("", "s", "e", "en")  # tussenklanken: werkgelegenheid, gezondheidszorg, boekenclub


@cache
def dutch_frequencies() -> dict[str, int]:
    """Dutch word -> frequency, from pyspellchecker's resources (read once per process)."""
    data = resources.files("spellchecker").joinpath("resources", "nl.json.gz").read_bytes()
    loaded: dict[str, int] = json.loads(gzip.decompress(data))
    return loaded


def _is_part(word: str, freq: dict[str, int], *, last: bool = False) -> bool:
    if len(word) < MIN_PART + last or (not last and word in PREFIXES):
        return False
    n = freq.get(word, 0)
    if len(word) == MIN_PART:
        return n >= SHORT_PART_FREQ
    return n >= PART_FREQ or (n > 0 and len(word) >= LONG_PART)


def _inflects_a_word(word: str, freq: dict[str, int]) -> bool:
    """A common word, or a form of one (``aanpakken`` of ``aanpak``): not a compound to split."""
    forms = [word] + [word[: -len(end)] for end in ("en", "n", "e", "s") if word.endswith(end)]
    return any(freq.get(f, 0) >= COMMON for f in forms)


MAX_COMPOUND = 60
"""Longest word that is split: Dutch compounds in our texts are well under this. A longer run of
letters (a pasted token, words glued together) is not a compound, and is not split at all."""


@cache
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a Dutch compound (``taalhuis`` -> ``taal``, ``huis``), or () when ``word``
    is no compound or a common word of its own. Prefers few parts, then long ones.

    Each ending of the word is solved once, shortest first, without recursion: the work grows
    with the square of the word's length, which :data:`MAX_COMPOUND` bounds."""
    freq = dutch_frequencies()
    word = word.lower()
    if "-" in word:  # noord-holland, taal-ambtenaar: the writer split it already
        return tuple(p for p in word.split("-") if p)
    if len(word) > MAX_COMPOUND:
        return ()
    solved: dict[int, tuple[str, ...]] = {}  # start of an ending -> its parts, () if none
    for start in range(len(word) - 1, -1, -1):
        solved[start] = _best_split(word, start, solved, freq)
    return solved[0]


def _best_split(
    word: str, start: int, solved: dict[int, tuple[str, ...]], freq: dict[str, int]
) -> tuple[str, ...]:
    """The parts of ``word[start:]``, given the parts of every shorter ending in ``solved``."""
    text = word[start:]
    if len(text) < 2 * MIN_PART + 1 or _inflects_a_word(text, freq):
        return ()
    best: tuple[int, int, int, tuple[str, ...]] | None = None
    for i in range(MIN_PART, len(text) - MIN_PART):
        tail = text[i:]
        tail_parts = (tail,) if _is_part(tail, freq, last=True) else solved[start + i]
        if not tail_parts:
            continue
        for link in LINKS:
            head = text[:i]
            if link and not head.endswith(link):
                continue
            head = head[: len(head) - len(link)] if link else head
            if not _is_part(head, freq):
                continue
            parts = (head, *tail_parts)
            rank = (-len(parts), min(len(p) for p in parts), freq.get(head, 0), parts)
            if best is None or rank[:3] > best[:3]:
                best = rank
    return best[3] if best else ()


LINK_TARGET_RE = re.compile(r"\]\([^)]*\)|<?https?://\S+")


def words(text: str) -> list[str]:
    """The words a reader sees in a text (not link targets), lower case, hyphenated words kept
    whole."""
    return [w.lower() for w in WORD_RE.findall(LINK_TARGET_RE.sub("] ", text))]


def compound_parts(texts: Iterable[str]) -> list[str]:
    """'taal huis' for every compound in the texts, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in words(text):
            parts = split_compound(word)
            if parts:
                seen.setdefault(" ".join(parts), None)
    return list(seen)


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (not a stop word, at least four letters) occurs in the texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in words(text) if len(w) >= 4 and w not in STOP_WORDS)
    return counts
