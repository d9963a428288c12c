"""The form at /admin/ in Chromium: Sveltia CMS from our own site, in Dutch, and a practice made
through the form that passes the real check.

Saving on GitHub needs a login, so the form tests use the CMS's in-browser test backend
("Werken met een testrepository"): it keeps files in the browser's private storage (OPFS), which
the test fills with the real cards first and reads back after "Opslaan". The editorial workflow
runs only on GitHub, so the test's config drops ``publish_mode``; everything else is the config
the build wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
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
        box.click()
        page.get_by_role("option", name=option).first.click()


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


def test_a_practice_made_in_the_form_is_saved_as_a_card_that_passes_the_check(cms, tmp_path):
    page = cms
    new_entry(page)
    type_into(page, "Titel", "Taalcafé in de Bibliotheek van Ésbeek")
    field(page, "Samenvatting").get_by_role("textbox").fill(
        "Elke week praten mensen samen Nederlands. Dat doen ze in de Bibliotheek, met hulp."
    )
    # The municipality Esbeek lies in: a place must be on the map (data/gemeenten.json).
    field(page, "Plaats").get_by_role("textbox").fill("Hilvarenbeek")
    choose(page, "Provincie", "Noord-Brabant")
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
    source = field(page, "Bron")
    source.get_by_role("button", name=re.compile("toevoegen")).click()
    field(source, "Document").get_by_role("textbox").fill("Jaarverslag Bibliotheek Esbeek")
    field(source, "Uitgever").get_by_role("textbox").fill("Bibliotheek Esbeek")
    field(source, "Jaar").get_by_role("spinbutton").fill("2020")
    field(page, "Gecontroleerd").locator("input[type=date]").fill("2026-11-30")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    saved = _wait_for_new_file(page, "practices")
    assert saved == "taalcafe-in-de-bibliotheek-van-esbeek.yml"  # the file name made from the title
    text = page.evaluate(READ, f"practices/{saved}")
    page.screenshot(path="/tmp/cms4.png")
    print(text)
    repo = _copy_of_the_repository(tmp_path)
    (repo / "practices" / saved).write_text(text, encoding="utf-8")
    result = check_repository(repo, only=[repo / "practices" / saved])
    assert [str(p) for p in result.problems] == [], text


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
