"""The public portal against WCAG 2.2 AA, in az, en and ru (issue 14; reports-and-portal.md §3).

Every public page a visitor can reach by following links from /<lang>/ is opened in Chromium and
checked: axe-core (wcag2a … wcag22aa) finds nothing, `<html lang>` is the prefix, the hreflang
alternates are there, the 916 block is in the same place, the skip link is the first thing Tab
reaches, and at 320 CSS px nothing scrolls sideways (a table may scroll inside its own region).
Failures are collected page by page and reported together, so one run names every problem."""

from __future__ import annotations

from collections import deque
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from ombuds.portal.tests.public_world import LANGUAGES, build_public_world
from tests.browser.conftest import WCAG22_AA, run_axe

# Files and feeds are not pages: their content is checked by the portal's unit tests.
DOWNLOADS = (".pdf", ".csv", ".json", ".xml", ".rss", ".atom", ".xlsx", ".docx", ".zip")
PER_VIEW = 5  # pages of one view share a template: a few of each (the five staff pages, news items)
MAX_PAGES = 40  # per language: a crawl that goes on has found a link that changes on every page
NARROW = {"width": 320, "height": 800}
WIDE = {"width": 1280, "height": 900}

# One place for the 916 block: the body's second child, right after the skip link (WCAG 3.2.6).
LAYOUT = """() => {
  const kids = Array.from(document.body.children);
  const hotline = document.querySelector('[data-testid="hotline"]');
  return {
    lang: document.documentElement.getAttribute('lang'),
    hreflang: Array.from(document.querySelectorAll('link[rel="alternate"][hreflang]')).map(l => l.hreflang).sort(),
    hotline: hotline ? kids.indexOf(hotline) : -1,
    hotlineText: hotline ? hotline.innerText : '',
    skipTarget: (document.querySelector('a.skip-link') || {}).hash || '',
    main: !!document.getElementById('main'),
  };
}"""
FIRST_FOCUSABLE = """() => {
  const all = document.querySelectorAll('a[href], area[href], button, input, select, textarea, summary, [tabindex]');
  const first = Array.from(all).find(e => e.tabIndex >= 0 && !e.disabled && e.type !== 'hidden');
  return first ? first.outerHTML.slice(0, 120) : '';
}"""
FOCUSED = "() => { const e = document.activeElement; return e ? (e.className + ' ' + (e.hash || '')) : ''; }"
# getAttribute: an SVG link's `href` is not a string (the regional centres' map has them).
LINKS = """() => Array.from(document.querySelectorAll('a[href]'))
  .map(a => { try { return new URL(a.getAttribute('href'), document.baseURI).href; } catch (e) { return ''; } })"""


def page_problems(page, language: str) -> list[str]:
    """Everything wrong with the page now open (empty when it passes)."""
    problems = []
    layout = page.evaluate(LAYOUT)
    if layout["lang"] != language:
        problems.append(f"<html lang> is {layout['lang']!r}")
    if layout["hreflang"] != sorted(LANGUAGES):
        problems.append(f"hreflang alternates {layout['hreflang']}")
    if layout["hotline"] != 1 or "916" not in layout["hotlineText"]:
        problems.append(f"the 916 block is not where it is on every page (child {layout['hotline']} of body)")
    if layout["skipTarget"] != "#main" or not layout["main"]:
        problems.append("no skip link to #main")
    first = page.evaluate(FIRST_FOCUSABLE)
    if "skip-link" not in first:
        problems.append(f"the first focusable element is {first!r}, not the skip link")
    if page.evaluate("() => document.activeElement === document.body"):
        # (A page that moves focus to its error summary on arrival starts past the skip link, rightly.)
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if "skip-link" not in focused:
            problems.append(f"the first Tab reaches {focused!r}, not the skip link")
    problems += [f"axe {v['id']}: {v['help']} at {v['nodes'][:3]}" for v in run_axe(page, WCAG22_AA)]
    page.set_viewport_size(NARROW)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        problems.append(f"scrolls sideways at 320 px (content {width} px wide)")
    page.set_viewport_size(WIDE)
    return problems


def _view(path: str) -> str:
    """The URL pattern's name (i18n_patterns resolve a prefix in its own language only)."""
    try:
        with translation.override(path.split("/")[1]):
            return resolve(path).view_name
    except Resolver404:
        return ""


def crawl(page, base: str, language: str) -> tuple[dict[str, list[str]], list[str]]:
    """Open /<language>/ and the pages linked from it, breadth first; {url: problems}, visited."""
    prefix = f"/{language}/"
    queue, seen, per_view = deque([prefix]), {prefix}, {}
    problems: dict[str, list[str]] = {}
    visited: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        view = _view(urlsplit(path).path)
        if per_view.get(view, 0) >= PER_VIEW:
            continue
        per_view[view] = per_view.get(view, 0) + 1
        response = page.goto(base + path)
        visited.append(path)
        if response is None or response.status != 200:
            problems[path] = [f"answered {response.status if response else 'nothing'}"]
            continue
        found = page_problems(page, language)
        if found:
            problems[path] = found
        for href in page.evaluate(LINKS):
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != base or not parts.path.startswith(prefix):
                continue  # tel:, mailto:, another site, another language, the staff side
            if parts.path.lower().endswith(DOWNLOADS) or "/feed." in parts.path:
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return problems, visited


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_accessible(page, live_server, settings, language):
    settings.OMBUDS_APPLY_SUBMISSIONS_PER_HOUR = 100  # the states below send a few from one address
    world = build_public_world()
    problems, visited = crawl(page, live_server.url, language)
    # The crawl reached the areas (a broken home page would otherwise pass with nothing checked).
    views = {_view(urlsplit(path).path) for path in visited}
    assert {"portal:home", "portal:news_list", "portal:news_detail", "portal:page"} <= views, views
    problems.update(state_problems(page, live_server.url, language, world))
    report = "\n".join(f"{url}: {'; '.join(found)}" for url, found in problems.items())
    assert not problems, f"{len(problems)} pages or states in {language} fail:\n{report}"


# --- The states a crawl cannot reach: a form's errors, the receipt, a status found or refused, the
# checker's outcomes. Each is reached the way a visitor reaches it and checked like any page.

CHECKER_OUTCOMES = {
    # who it is about, court delay, court pending, anonymous, detention, urgent
    "apply": ("state", "no", "no", "no", "no", "no"),
    "call 916": ("state", "no", "no", "no", "yes", "yes"),
    "referral": ("private", "no", "no", "no", "no", "no"),
}


def _checker(page, base: str, language: str, answers: tuple[str, ...]) -> None:
    page.goto(f"{base}/{language}/help/")
    names = ("respondent", "court_delay", "court_pending", "anonymous", "detention", "urgent")
    for name, value in zip(names, answers, strict=True):
        page.check(f"input[name='{name}'][value='{value}']")
    page.locator("form[method='post'] [type='submit']").last.click()


def _apply(page, base: str, language: str, *, complete: bool) -> None:
    page.goto(f"{base}/{language}/apply/")
    if complete:
        page.fill("#id_given_name", "Aysel")
        page.fill("#id_respondent", "The district police")
        page.fill("#id_what_happened", "They refused to register my complaint.")
        page.select_option("#id_district", index=1)
    page.click("[data-testid='submit']")


def _status(page, base: str, language: str, reference: str, pin: str) -> None:
    page.goto(f"{base}/{language}/status/")
    page.fill("#id_reference", reference)
    page.fill("#id_pin", pin)
    page.locator("form.portal-status-form [type='submit']").click()


def state_problems(page, base: str, language: str, world) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}

    def check(name: str, ready: str) -> None:
        found = [] if page.locator(ready).count() else [f"{ready} not shown"]
        found += page_problems(page, language)
        if found:
            problems[f"{language} {name}"] = found

    _apply(page, base, language, complete=False)
    check("the application form with its errors", "[data-testid='form-errors']")
    _apply(page, base, language, complete=True)
    check("the receipt", "[data-testid='receipt']")
    _status(page, base, language, world.reference, world.pin)
    check("a status found", "[data-testid='status-result']")
    _status(page, base, language, world.reference, "000000" if world.pin != "000000" else "111111")
    check("a status refused (wrong PIN)", "[data-testid='error-summary']")
    page.goto(f"{base}/{language}/help/")
    page.locator("form[method='post'] [type='submit']").last.click()
    check("the checker with its errors", "[data-testid='error-summary']")
    for outcome, answers in CHECKER_OUTCOMES.items():
        _checker(page, base, language, answers)
        check(f"the checker's outcome: {outcome}", "[data-testid='checker-result']")
    return problems


def tab_to(page, condition: str, limit: int = 150) -> None:
    """Press Tab until the focused element `e` meets `condition` (JavaScript): a keyboard user's way."""
    test = f"() => {{ const e = document.activeElement; return !!e && !!({condition}); }}"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return
    raise AssertionError(f"Tab never reaches {condition} on {page.url}")


def test_apply_online_and_look_the_status_up_with_the_keyboard_only(page, live_server, settings):
    """Tab, typing, Space and Enter only, no clicks: from the home page to the form, the receipt's
    reference and PIN, then the status page with them."""
    settings.OMBUDS_APPLY_SUBMISSIONS_PER_HOUR = 100
    page.goto(f"{live_server.url}/en/")
    tab_to(page, "(e.getAttribute('href') || '').endsWith('/en/apply/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/apply/")
    for field, text in (
        ("id_given_name", "Aysel"),
        ("id_surname", "Məmmədova"),
        ("id_respondent", "The district police"),
        ("id_what_happened", "They refused to register my complaint about a stolen car."),
    ):
        tab_to(page, f"e.id === '{field}'")
        page.keyboard.type(text)
    tab_to(page, "e.id === 'id_contacts_secret'")
    page.keyboard.press("Space")
    assert page.is_checked("#id_contacts_secret")
    tab_to(page, "e.id === 'id_district'")
    page.keyboard.press("ArrowDown")  # a closed select takes the next option
    assert page.input_value("#id_district") != ""
    tab_to(page, "e.dataset.testid === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid='receipt']")
    reference = page.inner_text("[data-testid='reference']").strip()
    pin = page.inner_text("[data-testid='pin']").strip()
    assert reference and pin.isdigit()

    tab_to(page, "(e.getAttribute('href') || '').endsWith('/en/status/')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/status/")
    tab_to(page, "e.id === 'id_reference'")
    page.keyboard.type(reference)
    tab_to(page, "e.id === 'id_pin'")
    page.keyboard.type(pin)
    page.keyboard.press("Enter")
    result = page.wait_for_selector("[data-testid='status-result']")
    assert "Received" in result.inner_text() or "received" in result.inner_text()
    assert page.console_errors == []
