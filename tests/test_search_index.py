"""The site's own search index (kennisbank/output/searchindex.py) and what it promises for every card,
generated over all cards and words of the built site, not over hand-picked examples:
- a card's own title finds that card first;
- every token with a dot or hyphen printed on a card finds that card;
- no query of two words of the site ends in "Geen resultaten";
and the pieces: tokens as printed, Pagefind's attributes, the FreeDict bridge."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import serve_site
from kennisbank.output import searchindex
from kennisbank.output.searchindex import (
    INDEX_PATH,
    PAGES_DIR,
    SHARD_DIR,
    bridge,
    fold,
    index_files,
    read_dictd,
    read_page,
    read_site,
    shard,
    tokens,
    write_index,
)

# ---- the pieces, without a browser ----


def test_a_printed_name_is_a_token_as_printed_and_in_its_parts():
    assert tokens("Via ikletterop.nl leren 15-jarigen, NT1’ers en 96.6% van hen.") == [
        "via",
        "ikletterop.nl",
        "ikletterop",
        "nl",
        "leren",
        "15-jarigen",
        "15",
        "jarigen",
        "nt1'ers",
        "nt1",
        "ers",
        "en",
        "96.6",
        "96",
        "6",
        "van",
        "hen",
    ]


def test_accents_and_the_ij_ligature_are_folded_as_the_search_page_folds_them():
    assert fold("Creëer één ĳsje") == "creeer een ijsje"


TRICKY = "aéĳ’'.-_&% 1\u0301\u00a0\n<>ẞ🙂"


def test_any_text_gives_tokens_without_crashing_and_each_token_is_in_the_folded_text():
    rng = random.Random(27)  # 2000 generated strings of letters, digits, joiners and oddities
    for _ in range(2000):
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 30)))
        folded = fold(text)
        for token in tokens(text):
            assert token and token in folded, (text, token)


PAGE = """<html><head><title>x</title></head><body><nav>menu woorden</nav>
<div data-pagefind-body><p class="kb-soort" data-pagefind-meta="soort" data-pagefind-filter="soort:tip">Tip</p>
<h1 data-pagefind-filter="kaart:tip/olifant">Eet de olifant in stukjes</h1><br>
<p class="kb-samenvatting" data-pagefind-meta="samenvatting">Werk stap voor stap.</p>
<section data-pagefind-ignore><p>Deel deze pagina</p></section>
<p>Een plan van aanpak met <a href="x">lezenenschrijven.nl</a>.</p>
<div class="kb-zoektermen" hidden><p>Beleid</p><p data-pagefind-weight="0.5">plan aanpak</p></div>
</div><!--/zoekindex--><footer>voet</footer></body></html>"""


def test_a_page_is_read_as_pagefind_reads_it_body_only_ignored_parts_left_out():
    page = read_page("/tips/olifant/", PAGE)
    assert page is not None
    assert (page.title, page.kind, page.kind_label, page.card) == (
        "Eet de olifant in stukjes",
        "tip",
        "Tip",
        "tip/olifant",
    )
    assert page.summary == "Werk stap voor stap."
    assert {"olifant", "stukjes", "lezenenschrijven.nl", "lezenenschrijven", "beleid"} <= set(page.words)
    assert not {"menu", "deel", "pagina", "voet"} & set(page.words)
    assert page.words["olifant"] > page.words["plan"] > 0  # the title weighs more than the text


def test_a_page_without_the_indexed_part_is_not_indexed():
    assert read_page("/praktijken/", "<html><body><p>Alle kaarten</p></body></html>") is None


def write_dictd(folder: Path, name: str, entries: dict[str, str]) -> None:
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def num(n: int) -> str:
        out = ""
        while True:
            out = b64[n % 64] + out
            n //= 64
            if not n:
                return out

    body, index = b"", []
    for head, text in entries.items():
        entry = f"{head}\n{text}\n".encode()
        index.append(f"{head}\t{num(len(body))}\t{num(len(entry))}")
        body += entry
    (folder / f"{name}.dict.dz").write_bytes(gzip.compress(body))
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")


def test_the_bridge_leads_english_words_to_the_sites_own_words_only(tmp_path):
    write_dictd(tmp_path, "freedict-nld-eng", {"werkgever": "employer", "kat": "cat"})
    write_dictd(tmp_path, "freedict-eng-nld", {"library": "bibliotheek, boekerij", "dog": "hond"})
    assert read_dictd("freedict-eng-nld", tmp_path)["library"] == ["bibliotheek", "boekerij"]
    found = bridge({"werkgevers": 3, "bibliotheek": 9}, tmp_path)  # type: ignore[arg-type]
    assert found == {"employer": ["werkgevers"], "library": ["bibliotheek"]}


def test_without_the_dictionaries_the_bridge_is_empty_not_an_error(tmp_path):
    assert bridge({"werkgevers": 3}, tmp_path) == {}  # type: ignore[arg-type]
    (tmp_path / "freedict-eng-nld.dict.dz").write_bytes(b"not gzip")
    (tmp_path / "freedict-eng-nld.index").write_text("x\tA\tB\n", encoding="utf-8")
    assert read_dictd("freedict-eng-nld", tmp_path) == {}


# ---- promises over every card and word of the built site, in Chromium ----

FIND = """async queries => {
  const out = [];
  for (const q of queries) {
    const s = await window.kbZoeken.find(q, false);
    const urls = [];
    for (const r of s.rows.slice(0, 10)) { urls.push(new URL((await r.result.data()).url, location.href).pathname); }
    out.push(urls);
  }
  return out;
}"""


def site_index(built_site: Path) -> dict:
    """The index files of the built site as one: the head, every page and every word."""
    head = json.loads((built_site / INDEX_PATH).read_text(encoding="utf-8"))
    if "alles" in head:  # a small site: one file
        pages, words = head["paginas"], head["alles"]["woorden"]
    else:
        pages, words = [], {}
        for n in range(0, head["n"], head["blok"]):
            pages += json.loads(
                (built_site / PAGES_DIR / f"{n // head['blok']}.json").read_text(encoding="utf-8")
            )
        for key in head["delen"]:
            part = json.loads((built_site / SHARD_DIR / f"{key}.json").read_text(encoding="utf-8"))
            words.update(part["woorden"])
    return {"head": head, "pages": [[*p, head["kaarten"][i]] for i, p in enumerate(pages)], "words": words}


def engine(page, base_url: str):
    page.goto(f"{base_url}/zoeken/")
    page.wait_for_function("window.kbZoeken !== undefined")
    return lambda queries: page.evaluate(FIND, queries)


def cards(built_site: Path) -> list[list]:
    return [p for p in site_index(built_site)["pages"] if p[5]]  # p[5]: "praktijk/slug"


@pytest.mark.browser
def test_every_cards_own_title_finds_that_card_first(page, base_url, built_site):
    pages = cards(built_site)
    assert len(pages) > 80
    found = engine(page, base_url)([p[1] for p in pages])
    wrong = [(p[1], p[0], top[:2]) for p, top in zip(pages, found, strict=True) if top[:1] != [p[0]]]
    assert not wrong


@pytest.mark.browser
def test_every_token_with_a_dot_or_hyphen_printed_on_a_card_finds_that_card(page, base_url, built_site):
    checks = []
    for p in cards(built_site):
        html = (built_site / p[0].strip("/") / "index.html").read_text(encoding="utf-8")
        read = read_page(p[0], html)
        assert read is not None
        printed = sorted({t for t in read.words if re.search(r"[^\W_][.\-][^\W_]", t)})
        checks += [(token, p[0]) for token in printed]
    assert len(checks) > 50
    found = engine(page, base_url)([token for token, _ in checks])
    missed = [(token, url) for (token, url), top in zip(checks, found, strict=True) if url not in top]
    assert not missed


@pytest.mark.browser
def test_no_query_of_two_words_of_the_site_finds_nothing(page, base_url, built_site):
    words = sorted(site_index(built_site)["words"])
    # Every word of the site once, each with a word far from it in the list (a fixed stride).
    pairs = [f"{w} {words[(i * 7919 + 13) % len(words)]}" for i, w in enumerate(words)]
    found = engine(page, base_url)(pairs)
    empty = [q for q, top in zip(pairs, found, strict=True) if not top]
    assert len(pairs) > 1000 and not empty


@pytest.mark.slow  # indexes the whole site twice, each in a fresh Python
def test_the_index_of_a_site_is_the_same_on_every_build(built_site):
    """Same pages, same index, byte for byte (whatever Python's hash order): the published site
    changes only when its content does."""
    code = (
        "import sys, json, pathlib; from kennisbank.output.searchindex import index_files, read_site; "
        "sys.stdout.write(json.dumps(index_files(read_site(pathlib.Path(sys.argv[1])))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, str(built_site)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    files = json.loads(outputs.pop())
    assert all((built_site / path).read_text(encoding="utf-8") == text for path, text in files.items())


def test_a_large_index_is_in_parts_a_word_in_the_file_of_its_first_letter(built_site, monkeypatch):
    pages = read_site(built_site)
    small = index_files(pages)
    assert list(small) == [INDEX_PATH]  # this site is small: one file, one request
    monkeypatch.setattr(searchindex, "ONE_FILE_GZ", 0)
    monkeypatch.setattr(searchindex, "PAGE_BLOCK", 40)
    files = index_files(pages)
    head = json.loads(files[INDEX_PATH])
    assert "alles" not in head and len(head["delen"]) > 10
    everything = json.loads(small[INDEX_PATH])["alles"]
    words: dict[str, list[int]] = {}
    for key in head["delen"]:
        part = json.loads(files[f"{SHARD_DIR}/{key}.json"])
        assert part["woorden"] or part["brug"]  # a letter only English words begin with has a file too
        assert all(shard(w) == key for w in [*part["woorden"], *part["brug"], *part["algemeen"]])
        words.update(part["woorden"])
    assert words == everything["woorden"]
    blocks = [json.loads(files[f"{PAGES_DIR}/{n}.json"]) for n in range(3)]
    assert [len(b) for b in blocks] == [40, 40, head["n"] - 80]
    assert [row for b in blocks for row in b] == json.loads(small[INDEX_PATH])["paginas"]


@pytest.mark.browser
def test_an_index_in_parts_finds_the_same_and_loads_only_the_letters_of_its_words(
    page, base_url, built_site, tmp_path, monkeypatch
):
    """The same site with its index in parts (as a large site has it): the same results for
    every card's title and some questions, and a search fetches only its letters' files."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    monkeypatch.setattr(searchindex, "ONE_FILE_GZ", 0)
    monkeypatch.setattr(searchindex, "PAGE_BLOCK", 40)
    write_index(site)
    assert (site / SHARD_DIR / "v.json").is_file()
    queries = [p[1] for p in cards(built_site)] + ["welke gemeenten werken samen met werkgevers", "employers"]
    whole = engine(page, base_url)(queries)
    with serve_site(site) as parts_url:
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
        page.goto(f"{parts_url}/zoeken/?q=vrijwilligers")
        page.wait_for_selector("[data-kb-zoekresultaten] li h2 a")
        letters = sorted(p.rsplit("/", 1)[1] for p in fetched if p.startswith("/" + SHARD_DIR + "/"))
        # the word and the words the vocabulary gives for it (data/vocabulaire.yml), nothing else
        settings = json.loads((built_site / "export" / "zoekwoorden.json").read_text(encoding="utf-8"))
        phrases = ["vrijwilligers", *settings["woorden"].get("vrijwilligers", [])]
        phrases += settings["themas"].get("vrijwilligers", [])
        needed = {
            f"{shard(w)}.json" for ph in phrases for w in tokens(ph) if w not in settings["stopwoorden"]
        }
        assert letters and set(letters) <= needed, (letters, needed)
        assert engine(page, parts_url)(queries) == whole


@pytest.mark.browser
def test_no_word_of_the_site_spelled_wrong_or_with_another_ending_is_a_dead_end(page, base_url, built_site):
    """Every word of the site of six letters or more, with its letters swapped near the start, or
    with its last three letters replaced: the page shows results, a correction or near misses,
    never only "Geen resultaten"."""
    words = [w for w in site_index(built_site)["words"] if len(w) >= 6 and w.isalpha()]
    queries = [w[0] + w[2] + w[1] + w[3:] for w in words] + [w[:-3] + "qxz" for w in words]
    found = engine(page, base_url)(queries)
    empty = [q for q, top in zip(queries, found, strict=True) if not top]
    assert len(queries) > 2000 and not empty, empty[:20]
