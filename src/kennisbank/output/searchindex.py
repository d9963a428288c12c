"""The site's own search index (``zoeken/index.json``), read by docs/assets/zoeken.js.

One small file with every word of every indexed page (the same part of the page Pagefind
reads: ``data-pagefind-body``, without ``data-pagefind-ignore``), so a search is one request
and is computed in the browser: exact words, other forms and starts of a word, compound parts,
words from other languages, and the rarity of every word (IDF), which decides the ranking.

Tokens are kept as the site prints them (``ikletterop.nl``, ``15-jarigen``, ``nt1'ers``,
``96.6``) and also in their parts (``ikletterop``, ``nl``), so both the printed name and its
parts find the page. The query is cut the same way in zoeken.js (:data:`TOKEN_RE`, :func:`fold`).

The bridge for other languages (``brug``): Debian's FreeDict English-Dutch and Dutch-English
dictionaries, applied at build time to the site's own words only, so an English query word
leads to a word the site uses (``employers`` -> ``werkgevers``). It weighs less than the word
itself (see zoeken.js). Without the dictionaries (not installed) the index has no bridge.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kennisbank.output.search import BODY_START, indexed_part
from kennisbank.output.wordsplit import STOP_WORDS, dutch_frequencies, split_compound

INDEX_PATH = "zoeken/index.json"
SHARD_DIR = "zoeken/index"
PAGES_DIR = "zoeken/paginas"
DICT_DIR = Path("/usr/share/dictd")
BRIDGES = ("freedict-nld-eng", "freedict-eng-nld")  # Debian: dict-freedict-nld-eng, -eng-nld

# A token as printed: letters and digits, joined by a dot, hyphen, apostrophe or ampersand
# between two of them ("ikletterop.nl", "15-jarigen", "nt1'ers", "96.6"). Same rule in zoeken.js.
TOKEN_RE = re.compile(r"[^\W_]+(?:[.\-'’][^\W_]+)*")
JOINERS_RE = re.compile(r"[.\-'’]")

WEIGHTS = {"title": 10.0, "facts": 3.0, "summary": 2.0, "text": 1.0, "low": 0.5}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def fold(text: str) -> str:
    """Lower case without accents, 'ĳ' as 'ij': 'Creëer' and 'creeer' are one word."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def tokens(text: str) -> list[str]:
    """The tokens of a text as printed, and after each joined token its parts."""
    out: list[str] = []
    for token in TOKEN_RE.findall(fold(text)):
        out.append(token)
        if JOINERS_RE.search(token):
            out += [p for p in JOINERS_RE.split(token) if p]
    return out


@dataclass
class Page:
    url: str
    title: str = ""
    kind: str = ""  # the filter 'soort': praktijk, tip, knelpunt, aanbeveling, achtergrond
    kind_label: str = ""  # as shown: "Praktijkvoorbeeld"
    place: str = ""
    summary: str = ""
    card: str = ""  # "praktijk/slug", for the overviews' words box
    words: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # word -> weight
    parts: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # compounds' parts
    title_words: list[str] = field(default_factory=list)
    length: int = 0


class _Reader(HTMLParser):
    """Text and meta of the indexed part of one page, with Pagefind's attributes."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, bool, float | None, str | None]] = []
        self.inside = 0  # depth below data-pagefind-body

    def _state(self) -> tuple[bool, float, str | None]:
        ignore = any(s[1] for s in self.stack)
        weight = next((s[2] for s in reversed(self.stack) if s[2] is not None), WEIGHTS["text"])
        meta = next((s[3] for s in reversed(self.stack) if s[3] is not None), None)
        return ignore, weight, meta

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "data-pagefind-body" in a:
            self.inside = 1
        meta = a.get("data-pagefind-meta")
        if meta and "[" in meta:  # "samenvatting[data-tekst]": the value of an attribute
            name, attr = meta.rstrip("]").split("[", 1)
            if name == "samenvatting":
                self.page.summary = a.get(attr, "")
                self.add(self.page.summary, WEIGHTS["summary"])
            meta = None
        for spec in (a.get("data-pagefind-filter") or "").split(","):
            key, _, value = spec.partition(":")
            if key.strip() == "soort" and value:
                self.page.kind = value.strip()
            if key.strip() == "kaart" and value:
                self.page.card = value.strip()
        if tag in VOID:
            return
        weight = a.get("data-pagefind-weight")
        w = float(weight) * WEIGHTS["text"] if weight else None
        if "kb-zoektermen" in a.get("class", "").split():  # the key facts: themes, place
            w = WEIGHTS["facts"]
        if tag == "h1":
            w, meta = WEIGHTS["title"], meta or "title"
        self.stack.append((tag, "data-pagefind-ignore" in a, w, meta))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:  # tolerate unclosed elements: close up to the matching one
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.inside or not data.strip():
            return
        ignore, weight, meta = self._state()
        if ignore:  # Pagefind takes meta from ignored parts too (the place in the key facts)
            if meta == "plaats":
                self.page.place += data.strip()
            return
        if meta == "title" and not self.page.title:
            self.page.title = data.strip()
        elif meta == "title":
            self.page.title += data
        elif meta == "soort":
            self.page.kind_label += data.strip()
        elif meta == "plaats":
            self.page.place += data.strip()
        elif meta == "samenvatting":
            self.page.summary += data
            weight = WEIGHTS["summary"]
        self.add(data, weight)

    def add(self, text: str, weight: float) -> None:
        if weight == WEIGHTS["title"]:  # weighed at the end, by the title's length
            self.page.title_words.extend(t for t in tokens(text) if t not in STOP_WORDS)
            return
        for token in tokens(text):
            if token in STOP_WORDS:
                continue
            self.page.words[token] += weight
            self.page.length += 1
            if len(token) >= 8 and not JOINERS_RE.search(token):  # 'taalhuis': also 'taal', 'huis'
                for part in split_compound(token):  # once per page, where it weighs most
                    self.page.parts[part] = max(self.page.parts[part], weight * WEIGHTS["low"])


def read_page(url: str, text: str) -> Page | None:
    """The indexed part of a built page, or None when it has none (overviews, redirects)."""
    if BODY_START not in text:
        return None
    page = Page(url)
    reader = _Reader(page)
    part = indexed_part(text)  # the head is not read: the page's own markers carry its meta
    reader.feed(part[part.find(BODY_START) :])
    reader.close()
    # A word of a short title says more about the page than one of a long title (BM25F's
    # field length): "De Bibliotheek is meer dan boeken" is about the Bibliotheek.
    title_weight = WEIGHTS["title"] * math.sqrt(3 / max(3, len(page.title_words)))
    title_reader = _Reader(page)
    for word in page.title_words:
        title_reader.add(word, title_weight * (1 + 1e-9))  # not the title weight itself: counted now
    for (
        part,
        weight,
    ) in page.parts.items():  # 'laaggeletterdheid' forty times is no page about 'geletterdheid'
        page.words[part] += weight
    page.title = " ".join(html.unescape(page.title).split())
    page.summary = " ".join(page.summary.split())
    page.kind = page.kind or "achtergrond"
    page.kind_label = page.kind_label or "Achtergrond"
    return page if page.words else None


def read_site(site_dir: Path) -> list[Page]:
    """Every indexed page of a built site, in path order."""
    pages = []
    for file in sorted(site_dir.rglob("index.html")):
        rel = file.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in {"pagefind", "admin", "redactie", "assets"}:
            continue
        page = read_page("/" if rel == "." else f"/{rel}/", file.read_text(encoding="utf-8"))
        if page is not None:
            pages.append(page)
    return pages


# ---- the bridge: English words to the site's words ----

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _number(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64.index(c)
    return n


def read_dictd(name: str, folder: Path = DICT_DIR) -> dict[str, list[str]]:
    """A dictd dictionary as headword -> translations (folded, one word or phrase each).
    Empty when it is not installed or cannot be read."""
    index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
    try:
        body = gzip.decompress(data.read_bytes())
        lines = index.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError):
        return {}
    out: dict[str, list[str]] = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00-database"):
            continue
        try:
            start, size = _number(parts[1]), _number(parts[2])
        except ValueError:
            continue
        entry = body[start : start + size].decode("utf-8", "replace").splitlines()[1:]
        found = []
        for row in entry:
            row = re.sub(r"^\s*\d+\.\s*", "", row)
            found += [fold(t).strip() for t in row.split(",") if t.strip()]
        if found:
            out.setdefault(fold(parts[0]).strip(), []).extend(found)
    return out


def _lemmas(word: str) -> list[str]:
    """The word and the forms a Dutch dictionary lists it under: 'werkgevers' -> 'werkgever'."""
    forms = [word]
    for end, repl in (("s", ""), ("en", ""), ("en", "e"), ("e", ""), ("heden", "heid"), ("'s", "")):
        if word.endswith(end) and len(word) - len(end) >= 4:
            forms.append(word[: -len(end)] + repl)
    if word.endswith("en") and len(word) > 6 and word[-3] == word[-4]:  # 'bibliotheken', 'lessen'
        forms.append(word[:-3])
    return forms


MAX_BRIDGE = 3  # site words per foreign word: the most frequent ones


def bridge(site_words: Counter[str], folder: Path = DICT_DIR) -> dict[str, list[str]]:
    """English word -> the site's words it translates to (only words the site uses, and only
    one-word translations), from both FreeDict directions."""
    nld_eng, eng_nld = (read_dictd(name, folder) for name in BRIDGES)
    found: defaultdict[str, Counter[str]] = defaultdict(Counter)
    lemma_of: defaultdict[str, set[str]] = defaultdict(set)
    for word in site_words:
        if len(word) < 3 or not word.isalpha():
            continue
        for lemma in _lemmas(word):
            lemma_of[lemma].add(word)
    for dutch, english in nld_eng.items():
        for word in lemma_of.get(dutch, ()):
            for e in english:
                if " " not in e and e.isalpha() and e not in site_words:
                    found[e][word] = site_words[word]
    for e, dutch_list in eng_nld.items():
        if " " in e or not e.isalpha() or e in site_words:
            continue
        for dutch in dutch_list:
            for word in lemma_of.get(dutch, ()):
                found[e][word] = site_words[word]
    # Most frequent first, ties by spelling: the same index from the same site, every build.
    return {
        e: [w for w, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_BRIDGE]]
        for e, c in sorted(found.items())
    }


def everyday(words: list[str]) -> dict[str, float]:
    """How much a word says, from how common it is in Dutch at large (the frequency list the
    compound splitter uses): 'vast', 'goed' and 'houd' are everywhere in Dutch, 'vrijwilligers'
    is not. 1 for a rare word, down to about 0.4 for the most common; only words below 0.95."""
    freq = dutch_frequencies()
    out = {}
    for word in words:
        n = freq.get(word, 0)
        if n > 1000:
            factor = 1 / (1 + (math.log10(n) - 3) * 0.35)
            if factor < 0.95:
                out[word] = round(factor, 2)
    return out


ONE_FILE_GZ = 100 * 1024  # up to this size (gzip) the index is one file
PAGE_BLOCK = 200  # pages per file of titles and summaries: a search fetches the block of its results


def shard(word: str) -> str:
    """The file of the index a word is in: its first letter or digit (the same rule in zoeken.js).
    A search fetches only the files of its words' first letters; a word's other forms, the words
    it is the start of and its nearest spellings begin with the same letter."""
    first = word[:1]
    return first if first.isascii() and first.isalnum() else "_"


def index_files(pages: list[Page], folder: Path = DICT_DIR) -> dict[str, str]:
    """The index as files, by path in the site:
    - ``zoeken/index.json``: per page its kind, length and card; the letters that have a file;
    - ``zoeken/index/<letter>.json``: per word the pages with its weight (tenths), the bridge
      for English words with that letter, and how common its words are in Dutch at large;
    - ``zoeken/paginas/<n>.json``: url, title, kind as shown, place and summary of 200 pages.
    So the first search of a visitor loads the small head, one file per first letter of its
    words and one block of pages, however large the site grows."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for i, page in enumerate(pages):
        for word, weight in sorted(page.words.items()):
            postings[word] += [i, max(1, round(weight * 10))]
    df = Counter({w: len(p) // 2 for w, p in postings.items()})
    empty = ("woorden", "brug", "algemeen")
    shards: defaultdict[str, dict[str, dict[str, Any]]] = defaultdict(lambda: {k: {} for k in empty})
    for word in sorted(postings):
        shards[shard(word)]["woorden"][word] = postings[word]
    for english, words in bridge(df, folder).items():
        shards[shard(english)]["brug"][english] = words
    for word, factor in everyday(sorted(postings)).items():
        shards[shard(word)]["algemeen"][word] = factor
    total = sum(p.length for p in pages)
    head = {
        "versie": 2,
        "n": len(pages),
        "gemiddeld": round(total / max(1, len(pages)), 1),
        "delen": sorted(shards),
        "blok": PAGE_BLOCK,
        "soorten": [p.kind for p in pages],
        "lengtes": [p.length for p in pages],
        "kaarten": [p.card for p in pages],
    }

    def dump(data: object) -> str:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    files = {}
    for key, data in sorted(shards.items()):
        files[f"{SHARD_DIR}/{key}.json"] = dump(data)
    for n in range(0, len(pages), PAGE_BLOCK):
        block = [[p.url, p.title, p.kind_label, p.place, p.summary] for p in pages[n : n + PAGE_BLOCK]]
        files[f"{PAGES_DIR}/{n // PAGE_BLOCK}.json"] = dump(block)
    if sum(len(gzip.compress(t.encode("utf-8"))) for t in files.values()) <= ONE_FILE_GZ:
        # A small site: everything in the head, one request (each request costs a round trip).
        head["alles"] = {k: {w: v for d in shards.values() for w, v in d[k].items()} for k in empty}
        head["paginas"] = [[p.url, p.title, p.kind_label, p.place, p.summary] for p in pages]
        head["delen"] = []
        return {INDEX_PATH: dump(head)}
    return {INDEX_PATH: dump(head), **files}


def write_index(site_dir: Path, folder: Path = DICT_DIR) -> str:
    """Read the built site and write the index files (:func:`index_files`); returns a summary."""
    pages = read_site(site_dir)
    files = index_files(pages, folder)
    for folder_name in (SHARD_DIR, PAGES_DIR):  # no file of an older index stays behind
        old = site_dir / folder_name
        if old.is_dir():
            for file in old.glob("*.json"):
                file.unlink()
    size = 0
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        size += len(gzip.compress(text.encode("utf-8")))
    return f"{len(pages)} pagina's, {len(files)} bestanden, {size // 1024} KB gz"
