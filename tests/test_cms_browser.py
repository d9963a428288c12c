"""The form at /admin/ in Chromium: Sveltia CMS from our own site, in Dutch, and a practice made
through the form that passes the real check.

Saving on GitHub needs a login, so the form tests use the CMS's in-browser test backend
("Werken met een testrepository"): it keeps files in the browser's private storage (OPFS), which
the test fills with the real cards first and reads back after "Opslaan". The editorial workflow
runs only on GitHub, so the test's config drops ``publish_mode``; everything else is the config
the build wrote.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from conftest import REPO
from kennisbank.checking.layout import card_text
from kennisbank.checking.validate import check_repository

pytestmark = pytest.mark.browser

CONFIG = re.compile(r".*/admin/config\.yml(\?.*)?$")
SEED = """async (files) => {
  const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle('sveltia-cms-test', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let dir = top;
    const parts = path.split('/');
    for (const p of parts.slice(0, -1)) { dir = await dir.getDirectoryHandle(p, {create: true}); }
    const w = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await w.write(text);
    await w.close();
  }
}"""
READ = """async (path) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const parts = path.split('/');
  for (const p of parts.slice(0, -1)) { dir = await dir.getDirectoryHandle(p); }
  return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
}"""
LIST = """async (folder) => {
  const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test'))
    .getDirectoryHandle(folder);
  const names = [];
  for await (const name of dir.keys()) { names.push(name); }
  return names.sort();
}"""
CARD_FOLDERS = ("practices", "tips", "obstacles", "recommendations")


def _test_backend(route) -> None:
    text = route.fetch().text()
    text, n = re.subn(r"(?m)^backend:\n(?:  .*\n)+", "backend:\n  name: test-repo\n", text)
    assert n == 1, text[:500]
    route.fulfill(body=text.replace("publish_mode: editorial_workflow\n", ""), content_type="text/yaml")


@pytest.fixture
def cms(page, base_url):
    """The form signed in to the test backend, holding every card of the real repository."""
    page.route(CONFIG, _test_backend)
    page.goto(f"{base_url}/404.html")  # the same origin: the same private storage
    files = {
        f"{folder}/{f.name}": f.read_text(encoding="utf-8")
        for folder in CARD_FOLDERS
        for f in sorted((REPO / folder).glob("*.yml"))
    }
    page.evaluate(SEED, files)
    page.goto(f"{base_url}/admin/")
    page.get_by_role("button", name="Werken met een testrepository").click()
    page.get_by_role("button", name="Nieuw").wait_for()
    return page


def field(page, label: str):
    """A field of the open entry, by its Dutch label (Sveltia names its group "Veld “Label”")."""
    return page.get_by_role("group", name=re.compile(f"^Veld “\u2068?{re.escape(label)}\u2069?”$"))


def new_entry(page) -> None:
    """Open an empty practice and wait until its editor took the first field (it renders the
    form before it listens: text typed earlier is lost)."""
    page.get_by_role("button", name="Nieuw").click()
    title = field(page, "Titel").get_by_role("textbox")
    for _ in range(50):
        title.fill("x")
        page.wait_for_timeout(100)
        if page.get_by_role("group", name=re.compile("^Voorbeeld")).get_by_text("x", exact=True).count():
            return
    raise AssertionError("het formulier neemt geen tekst aan")


def type_into(page, label: str, text: str) -> None:
    box = field(page, label).get_by_role("textbox")
    box.fill(text)
    assert box.input_value() == text


def choose(page, label: str, *options: str | re.Pattern[str], within=None) -> None:
    """Pick options in a select or relation field; its list opens outside the field."""
    box = field(within or page, label).get_by_role("combobox").first
    for option in options:
        target = page.get_by_role("option", name=option).first
        for attempt in range(3):  # on a busy machine the first click can land before the list is ready
            box.click()
            try:
                target.wait_for(state="visible", timeout=10_000)
                break
            except PlaywrightTimeoutError:
                if attempt == 2:
                    raise
        target.click()


def _wait_for_new_file(page, folder: str) -> str:
    before = set(f.name for f in (REPO / folder).glob("*.yml"))
    for _ in range(100):
        new = {n for n in page.evaluate(LIST, folder) if not n.startswith(".")} - before
        if new:
            (name,) = new
            return name
        page.wait_for_timeout(100)
    page.screenshot(path="/tmp/cms-fail.png")
    raise AssertionError(f"het formulier heeft niets opgeslagen in {folder}/")


def _copy_of_the_repository(tmp_path: Path) -> Path:
    """The real repository's cards, schemas and lists: the check needs them for references."""
    import shutil

    repo = tmp_path / "repo"
    for name in (*CARD_FOLDERS, "schema", "data", "docs", "overrides", "hooks"):
        shutil.copytree(REPO / name, repo / name)
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def fill_practice(page, title: str, *, plaats: str | None, provincie: str, regio: str | None = None) -> None:
    """Every field a practice needs, in a new entry; ``plaats`` and ``regio`` only when given."""
    new_entry(page)
    type_into(page, "Titel", title)
    field(page, "Samenvatting").get_by_role("textbox").fill(
        "Elke week praten mensen samen Nederlands. Dat doen ze in de Bibliotheek, met hulp."
    )
    if plaats is not None:
        field(page, "Plaats").get_by_role("textbox").fill(plaats)
    if regio is not None:
        field(page, "Regio").get_by_role("textbox").fill(regio)
    choose(page, "Provincie", provincie)
    orgs = field(page, "Organisaties")
    orgs.get_by_role("button", name=re.compile("toevoegen")).click()
    field(orgs, "Naam").get_by_role("textbox").fill("Bibliotheek Esbeek")
    choose(page, "Soort organisatie", "Bibliotheek", within=orgs)
    field(page, "Jaar").get_by_role("spinbutton").fill("2019")
    story = field(page, "Verhaal").locator("[contenteditable=true]")
    story.click()
    page.keyboard.type("Vrijwilligers van de Bibliotheek leiden elke dinsdag een taalcafé.")
    choose(page, "Knelpunten", re.compile("^B"), re.compile("^D"))
    choose(page, "Thema's", "Taalaanbod", "Vrijwilligers")
    _fill_source_and_date(page)


def saved_card_problems(page, folder: str, tmp_path: Path) -> tuple[str, str, list[str]]:
    """The file the form saved, its text, and what ``kennisbank check`` says about it."""
    saved = _wait_for_new_file(page, folder)
    text = page.evaluate(READ, f"{folder}/{saved}")
    repo = _copy_of_the_repository(tmp_path)
    (repo / folder / saved).write_text(text, encoding="utf-8")
    result = check_repository(repo, only=[repo / folder / saved])
    return saved, text, [str(p) for p in result.problems]


def test_a_practice_made_in_the_form_is_saved_as_a_card_that_passes_the_check(cms, tmp_path):
    page = cms
    fill_practice(page, "Taalcafé in de Bibliotheek van Ésbeek", plaats="Hilvarenbeek", provincie="Noord-Brabant")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    saved, text, problems = saved_card_problems(page, "practices", tmp_path)
    assert saved == "taalcafe-in-de-bibliotheek-van-esbeek.yml"  # the file name made from the title
    assert problems == [], text


@pytest.mark.parametrize(
    ("plaats", "regio", "provincie"),
    [(None, "Twente", "Overijssel"), (None, None, "Heel Nederland"), ("Utrecht", None, "Heel Nederland")],
    ids=["regio-zonder-plaats", "landelijk-zonder-plaats", "landelijk-met-plaats"],
)
def test_a_practice_that_may_leave_out_plaats_is_saved_and_passes_the_check(cms, tmp_path, plaats, regio, provincie):
    page = cms
    fill_practice(page, "Een taalcafé voor iedereen", plaats=plaats, provincie=provincie, regio=regio)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    _, text, problems = saved_card_problems(page, "practices", tmp_path)
    assert problems == [], text
    assert ("plaats:" in text) == (plaats is not None)


def test_a_practice_without_plaats_regio_or_landelijk_is_stopped_with_the_checks_words(cms, tmp_path):
    """The schema's if/then in the form: the same words as `kennisbank check` for the same card."""
    page = cms
    fill_practice(page, "Een taalcafé zonder plaats", plaats=None, provincie="Overijssel")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    from test_invalid_cards import CASES

    (check_line,) = next(expected for name, _, expected in CASES if name == "missing-required-field")
    words = check_line.split(": ", 1)[1]  # "het verplichte veld 'plaats' ontbreekt (De gemeente, …)"
    message = field(page, "Plaats").get_by_text("Het verplichte veld 'plaats' ontbreekt", exact=False)
    message.wait_for()
    assert message.inner_text().splitlines()[-1].rstrip(".") == words[0].upper() + words[1:]
    page.wait_for_timeout(500)
    assert not [n for n in page.evaluate(LIST, "practices") if not (REPO / "practices" / n).exists()]
    # Filling in a regio lifts the rule, as in the check.
    field(page, "Regio").get_by_role("textbox").fill("Twente")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    _, text, problems = saved_card_problems(page, "practices", tmp_path)
    assert problems == [], text


def test_a_missing_required_field_is_stopped_by_the_form_in_dutch(cms):
    page = cms
    new_entry(page)
    type_into(page, "Titel", "Een voorbeeld zonder samenvatting")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    summary = field(page, "Samenvatting")
    summary.get_by_text("Dit veld is verplicht.").wait_for()
    assert summary.get_by_role("textbox").get_attribute("aria-invalid") == "true"
    page.wait_for_timeout(500)
    assert not [
        n
        for n in page.evaluate(LIST, "practices")
        if not n.startswith(".") and not (REPO / "practices" / n).exists()
    ]


def test_text_the_check_would_refuse_gets_the_schemas_dutch_message_in_the_form(cms):
    page = cms
    new_entry(page)
    type_into(page, "Titel", "**Vet** is geen titel")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    field(page, "Titel").get_by_text("Een titel is gewone tekst, zonder opmaak", exact=False).wait_for()


def test_admin_loads_the_pinned_cms_from_this_site_in_dutch_and_says_what_is_not_set_up(page, base_url):
    """With the config the build wrote (GitHub, no login helper): the login screen in Dutch, our
    note, and no request to another origin but the GitHub status check of Sveltia's login screen."""
    elsewhere = []
    page.on(
        "request",
        lambda r: elsewhere.append(r.url) if not r.url.startswith((base_url, "data:", "blob:")) else None,
    )
    page.goto(f"{base_url}/admin/")
    page.get_by_role("button", name="Inloggen met een toegangstoken").wait_for()
    assert page.get_by_role("button", name=re.compile("Inloggen met .?GitHub")).count() == 1
    note = page.locator("header.kb-kop")
    assert "Inloggen met GitHub werkt hier nog niet" in note.inner_text()
    page.wait_for_load_state("networkidle")
    assert [u for u in elsewhere if not u.startswith("https://www.githubstatus.com/")] == []
    version = page.evaluate("fetch('VERSION.txt').then(r => r.text())")
    assert version.strip() == "@sveltia/cms " + _pinned_version()


def _pinned_version() -> str:
    import json

    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/@sveltia/cms"]["version"])


def test_the_header_of_admin_has_no_axe_violations_and_a_visible_focus(page, base_url):
    """Our part of the page; Sveltia's own screens are its maintainers' (see the note)."""
    from axe_playwright_python.sync_playwright import Axe

    from test_browser import WCAG_TAGS

    page.goto(f"{base_url}/admin/")
    page.get_by_role("button", name="Inloggen met een toegangstoken").wait_for()
    results = Axe().run(
        page,
        context={"include": [["header.kb-kop"]]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "document.activeElement.textContent + '|' + getComputedStyle(document.activeElement).outlineStyle"
    )
    assert focused == "Kennisbank Basisvaardigheden|solid", focused


COLLECTION = {"practices": "praktijken", "tips": "tips", "obstacles": "knelpunten", "recommendations": "aanbevelingen"}


def _wait_for_change(page, path: str, before: str) -> str:
    for _ in range(300):
        try:
            text = page.evaluate(READ, path)
        except PlaywrightError:  # the form is writing the file just now
            text = before
        if text != before:
            return text
        page.wait_for_timeout(100)
    page.screenshot(path="/tmp/cms-edit-fail.png")
    raise AssertionError(f"het formulier heeft {path} niet opgeslagen")


def test_changing_the_title_of_any_card_in_the_form_changes_only_the_title_line(cms):
    """Every card of the repository, opened in the form: one field changed and saved, and the file
    differs from before in that field's line only (the form writes the card layout)."""
    page = cms
    changed = []
    for folder in CARD_FOLDERS:
        for card in sorted((REPO / folder).glob("*.yml"))[: int(os.environ.get("KB_CARDS", "100000"))]:
            path = f"{folder}/{card.name}"
            before = card.read_text(encoding="utf-8")
            (title_line,) = [ln for ln in before.splitlines() if ln.startswith("titel: ")]
            title = yaml.safe_load(before)["titel"]
            page.goto(f"{page.url.split('#')[0]}#/collections/{COLLECTION[folder]}/entries/{card.stem}")
            box = field(page, "Titel").get_by_role("textbox")
            expect(box).to_have_value(title, timeout=60_000)
            box.fill(title + " (nagekeken)")
            page.get_by_role("button", name="Opslaan", exact=True).click()
            after = _wait_for_change(page, path, before)
            page.wait_for_url(re.compile(r"#/collections/[a-z]+$"))  # back at the list: saved
            new_line = card_text({"titel": title + " (nagekeken)"}, "tip").splitlines()[1]
            if after != before.replace(title_line, new_line, 1):
                diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
                changed.append(path + "\n" + "".join(diff))
    assert changed == [], "\n".join(changed)


# The rows of the invalid-card table (tests/test_invalid_cards.py) that someone could make with the
# form, and how. The other rows need things the form cannot type: broken YAML, unknown fields or
# values (the form offers lists), wrong types (it has number and date fields), file names.
# (row, field label, inside which list or None, what to do, compare: "message" | "hint" | "all")
FORM_ROWS = [
    ("missing-required-field", "Plaats", None, ("plaats", None), "all"),
    ("title-with-bold-markup", "Titel", None, ("fill", "**Taalmeter** bij de sociale werkvoorziening"), "message"),
    ("title-as-markdown-heading", "Titel", None, ("fill", "# Taalmeter bij de sociale werkvoorziening"), "message"),
    ("title-with-html-tag", "Titel", None, ("fill", "Taalmeter <b>bij</b> de sociale werkvoorziening"), "message"),
    ("title-that-would-close-the-title-element", "Titel", None, ("fill", "Taal </title><script>x</script>"), "message"),
    ("title-without-letters-or-digits", "Titel", None, ("fill", "  . "), "message"),
    ("organisation-name-with-markup", "Naam", "Organisaties", ("fill", "_Bibliotheek_ Dalfsen"), "message"),
    ("source-url-without-https", "Link", "Bron", ("fill", "http://www.bibliotheeknetwerk.nl/hoger-bereik"), "hint"),
    ("date-in-future", "Gecontroleerd", None, ("date", "2999-01-01"), "all"),
    # Stopped by the form, but in Sveltia's own words (its required, length and number checks).
    ("blank-title", "Titel", None, ("fill", "   "), None),
    ("summary-too-long", "Samenvatting", None, ("fill", "Heel lang. " * 30 + "Een pilot"), None),
    ("year-not-four-digits", "Jaar", None, ("number", "18"), None),
    ("year-after-the-last-allowed", "Jaar", None, ("number", "2101"), None),
    ("empty-knelpunten-list", "Knelpunten", None, ("clear", None), None),
]


def _check_words(row: str, compare: str) -> str:
    from test_invalid_cards import CASES

    (line,) = next(expected for name, _, expected in CASES if name == row)
    text = line.split(": ", 1)[1]
    message, _, hint = text.partition(" (")
    message = message.rsplit("': ", 1)[-1]  # without the field's name: "'titel': ", "'bron', item 1, 'url' "
    return {"message": message, "hint": hint.rstrip(")"), "all": text}[compare]


@pytest.mark.parametrize(("row", "label", "within", "action", "compare"), FORM_ROWS, ids=[r[0] for r in FORM_ROWS])
def test_a_card_the_check_refuses_is_stopped_by_the_form_with_the_checks_words(
    cms, row, label, within, action, compare
):
    """Differential: the same bad value in the form and in the check. The form does not save, and
    where the form can word it, it says what the check says."""
    page = cms
    what, value = action
    fill_practice(
        page,
        "Een taalcafé om te weigeren",
        plaats=None if what == "plaats" else "Dalfsen",
        provincie="Overijssel",
    )
    place = field(page, within) if within else page
    target = field(place, label)
    if what == "fill":
        target.get_by_role("textbox").fill(value)
    elif what == "number":
        target = target.first  # the practice's own year, not the one in its source
        target.get_by_role("spinbutton").first.fill(value)
    elif what == "date":
        target.locator("input[type=date]").fill(value)
    elif what == "clear":  # take every chosen item out again
        chosen = target.get_by_role("button", name=re.compile("verwijderen$"))
        while chosen.count():
            chosen.first.click()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(target.get_by_role("alert").or_(target.locator("[aria-invalid=true]")).first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)
    assert not [n for n in page.evaluate(LIST, "practices") if not (REPO / "practices" / n).exists()], row
    if compare is not None:
        words = _check_words(row, compare)
        shown = " ".join(target.inner_text().split())
        assert words.lower() in shown.lower(), (words, shown)


def _fill_source_and_date(page) -> None:
    source = field(page, "Bron")
    source.get_by_role("button", name=re.compile("toevoegen")).click()
    field(source, "Document").get_by_role("textbox").fill("Jaarverslag Bibliotheek Esbeek")
    field(source, "Uitgever").get_by_role("textbox").fill("Bibliotheek Esbeek")
    field(source, "Jaar").get_by_role("spinbutton").fill("2020")
    field(page, "Gecontroleerd").locator("input[type=date]").fill("2026-11-30")


def _write(page, label: str, text: str) -> None:
    editor = field(page, label).locator("[contenteditable=true]")
    editor.click()
    page.keyboard.type(text)


def _new_in(page, collection: str) -> None:
    page.goto(f"{page.url.split('#')[0]}#/collections/{collection}")
    new_entry(page)


def test_a_tip_made_in_the_form_is_saved_as_a_card_that_passes_the_check(cms, tmp_path):
    page = cms
    _new_in(page, "tips")
    type_into(page, "Titel", "Vraag de taalvrijwilligers wat werkt")
    field(page, "Samenvatting").get_by_role("textbox").fill(
        "Vrijwilligers zien elke week wat werkt. Vraag het ze, en gebruik wat ze zeggen."
    )
    _write(page, "Uitleg", "Praat elke maand met de vrijwilligers van het taalcafé.")
    choose(page, "Knelpunten", re.compile("^D"))
    choose(page, "Thema's", "Vrijwilligers")
    _fill_source_and_date(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    saved, text, problems = saved_card_problems(page, "tips", tmp_path)
    assert saved == "vraag-de-taalvrijwilligers-wat-werkt.yml"
    assert problems == [], text


def test_a_recommendation_made_in_the_form_is_saved_as_a_card_that_passes_the_check(cms, tmp_path):
    page = cms
    _new_in(page, "aanbevelingen")
    type_into(page, "Code", "Z")
    field(page, "Voor wie").get_by_role("radio", name="gemeente").click()  # few options: radio buttons
    type_into(page, "Titel", "Geef de Bibliotheek een vaste plek in het sociaal domein")
    field(page, "Samenvatting").get_by_role("textbox").fill(
        "Een vaste plek maakt samenwerken makkelijker. Leg die plek vast in het beleid."
    )
    _write(page, "Tekst", "Zet de Bibliotheek aan tafel bij het sociaal domein.")
    choose(page, "Knelpunten", re.compile("^A"))
    _fill_source_and_date(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    _, text, problems = saved_card_problems(page, "recommendations", tmp_path)
    assert problems == [], text


def test_an_unknown_plaats_is_stopped_by_the_form_with_the_checks_words_and_a_known_one_is_saved(cms, tmp_path):
    """Differential: the form's place rule (admin/rules.js, names and words from config.yml) says
    what `kennisbank check` says about the same card, and stops it; the right name is saved."""
    page = cms
    fill_practice(page, "Een taalcafé in Dalfsen", plaats="Dalfsn", provincie="Overijssel")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    plaats = field(page, "Plaats")
    plaats.get_by_text("Onbekende plaats 'Dalfsn'", exact=False).wait_for()
    shown = " ".join(plaats.inner_text().split())
    page.wait_for_timeout(500)
    assert not [n for n in page.evaluate(LIST, "practices") if not (REPO / "practices" / n).exists()]
    plaats.get_by_role("textbox").fill("Dalfsen")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    saved, text, problems = saved_card_problems(page, "practices", tmp_path)
    assert problems == [], text
    # The same card with the typo, in the check: the form showed its words.
    repo = tmp_path / "repo"  # the copy saved_card_problems made
    (repo / "practices" / saved).write_text(text.replace("plaats: Dalfsen", "plaats: Dalfsn"), encoding="utf-8")
    (problem,) = check_repository(repo, only=[repo / "practices" / saved]).problems
    words = f"{problem.message} ({problem.hint})"
    assert words == "onbekende plaats 'Dalfsn': die staat niet in de lijst van gemeenten (bedoel je 'Dalfsen'?)"
    assert words[0].upper() + words[1:] in shown, shown
