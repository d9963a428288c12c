"""The form on your own computer: `make serve`, /admin/, "Werken met een lokale repository", a new
card saved into the folder, and the served site shows it a few seconds later.

Chromium's folder picker (the File System Access API) is a dialog of the operating system that a
headless browser cannot answer. The test puts a stand-in for the picker into the page: it hands
Sveltia a folder in the browser's private storage (OPFS), a real FileSystemDirectoryHandle that
Sveltia reads and writes exactly as it would a folder on disk. The test then copies what the form
wrote into the checkout that `mkdocs serve` watches, as the browser does itself with a real folder.
What is not covered: the picker dialog, and the browser's permission prompt.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import MKDOCS, REPO
from kennisbank.checking.validate import check_repository
from test_cms_browser import READ, SEED, fill_practice

pytestmark = pytest.mark.browser

PARTS = ("schema", "data", "overrides", "hooks", "docs", "practices", "tips", "obstacles", "recommendations")
FOLDER = "kennisbank-op-mijn-computer"
PICKER = SEED.replace("'sveltia-cms-test'", repr(FOLDER))  # the same seeding, in the local folder
STAND_IN = f"""window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle({FOLDER!r});"""
READ_LOCAL = READ.replace("'sveltia-cms-test'", repr(FOLDER))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except OSError:
        return 0


@pytest.fixture
def served_checkout(tmp_path: Path):
    """A checkout (cards, schemas, templates and the form's bundle) served by `mkdocs serve --dirty`,
    as `make serve` does, without a repository name: as on a fresh clone."""
    root = tmp_path / "repo"
    for part in PARTS:
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "build" / "admin", root / "build" / "admin")
    (root / ".git").write_text("gitdir: elders\n", encoding="utf-8")  # a checkout's root, as Sveltia checks
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_REPOSITORY", "KENNISBANK_SITE_URL")}
    env |= {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if _get(f"{url}/admin/config.yml") == 200:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("mkdocs serve kwam niet op")
        yield root, url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_card_saved_in_the_local_folder_appears_on_the_served_site_and_passes_the_check(
    page, served_checkout
):
    root, url = served_checkout
    page.goto(f"{url}/404.html")  # the same origin: the same private storage
    files = {
        f"{folder}/{f.name}": f.read_text(encoding="utf-8")
        for folder in ("practices", "tips", "obstacles", "recommendations")
        for f in sorted((root / folder).glob("*.yml"))
    }
    page.evaluate(PICKER, {**files, ".git": "gitdir: elders\n"})
    page.add_init_script(STAND_IN)
    page.goto(f"{url}/admin/")
    header = page.locator("header.kb-kop")
    assert "Werken met een lokale repository" in header.inner_text()
    assert "weet nog niet in welke GitHub-repository" not in header.inner_text()
    page.get_by_role("button", name="Werken met een lokale repository").click()
    page.get_by_role("button", name="Nieuw").wait_for()
    page.screenshot(path="/tmp/kb-lokaal-1.png")
    fill_practice(page, "Taalcafé op mijn computer", plaats="Hilvarenbeek", provincie="Noord-Brabant")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    name = "taalcafe-op-mijn-computer.yml"
    text = None
    for _ in range(100):
        try:
            text = page.evaluate(READ_LOCAL, f"practices/{name}")
            break
        except Exception:
            page.wait_for_timeout(100)
    assert text is not None, "het formulier heeft niets in de map gezet"
    page.screenshot(path="/tmp/kb-lokaal-2.png")
    (root / "practices" / name).write_text(text, encoding="utf-8")  # what the browser does with a real folder
    saved = time.monotonic()
    address = f"{url}/praktijken/taalcafe-op-mijn-computer/"
    while _get(address) != 200:
        assert time.monotonic() - saved < 60, "de kaart staat na een minuut nog niet op de site"
        time.sleep(0.2)
    seconds = time.monotonic() - saved
    print(f"op de site na {seconds:.1f} s")
    for _ in range(20):  # the served site may reload itself once more while it finishes the build
        try:
            page.goto(address)
            break
        except PlaywrightError:
            page.wait_for_timeout(500)
    assert re.search("Taalcafé op mijn computer", page.locator("h1").inner_text())
    page.screenshot(path="/tmp/kb-lokaal-3.png")
    result = check_repository(root, only=[root / "practices" / name])
    assert [str(p) for p in result.problems] == [], text
