"""Playwright driving the system Chromium (never a downloaded browser).

Browser tests are skipped with a clear message when no Chromium is found, unless
REQUIRE_BROWSER=1, which turns a missing browser into a failure (CI sets it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    candidates = [os.environ.get("OMBUDS_CHROMIUM", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    candidates += [shutil.which(name) or "" for name in ("chromium", "chromium-browser", "google-chrome")]
    return next((c for c in candidates if c and Path(c).exists()), None)


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "no Chromium found (install Debian's chromium or set OMBUDS_CHROMIUM)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {message}")
        pytest.skip(f"browser tests skipped: {message}")
    from playwright.sync_api import sync_playwright

    # Django's ORM is synchronous; Playwright's sync API runs an event loop in the test thread.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the browser tests use a database file, not the shared in-memory database.

    The live server answers the browser from several threads at once. An in-memory database in
    shared-cache mode answers a second writer with SQLITE_LOCKED ("database table is locked")
    at once, with no waiting; a file gets SQLite's ordinary locking, so concurrent requests
    (a page and its HTMX calls, each saving the session) wait their turn as in production."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser-db") / "test.sqlite3")


@pytest.fixture
def reference_data(transactional_db):
    """Browser tests run in flushed (transactional) databases, which also empties the rows that
    data migrations loaded; put the reference data back before each test."""
    from tests.reference import load_reference_data

    load_reference_data()


@pytest.fixture
def page(browser, live_server, reference_data):
    # bypass_csp lets the test inject axe-core; the pages themselves keep their strict policy.
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(8000)  # a missing element fails fast instead of after 30 s
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


WCAG21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# The public portal answers to WCAG 2.2 AA (issue 14): the same rules plus 2.2's (target size).
WCAG22_AA = (*WCAG21_AA, "wcag22aa")


def run_axe(page, tags: tuple[str, ...] = WCAG21_AA) -> list[dict]:
    """Violations of the rules tagged `tags` (WCAG 2.1 A/AA unless told) on the current page."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
