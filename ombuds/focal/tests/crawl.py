"""A small crawler of the authority portal for the canary test: it fetches pages and downloads,
follows the links that stay in the portal, decodes PDF and DOCX, and records which URL pattern
answered each address (so that the test can fail on a pattern it never reached)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from collections import deque
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, resolve, reverse

from ombuds.core.testing import iter_url_patterns

PORTAL = "/authority/"
PORTAL_API = "/api/v1/authority/"
# A crawl that keeps finding new addresses beyond those it started with has a loop (a link that
# changes on every page).
MAX_FETCHES = 600

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Links, form actions and HTMX targets: a POST-only address answers a GET with 405, which is
# enough to count it as reached (its POST is tested by test_portal_security).
_LINK = re.compile(r"""(?:href|src|action|hx-get|hx-post|data-url)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_FORM = re.compile(r"<form\b[^>]*>", re.IGNORECASE)
_POST_TARGET = re.compile(r"""hx-post\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ACTION = re.compile(r"""action\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def portal_patterns() -> dict[str, str]:
    """Every URL pattern of the portal and of its API: {name: route}."""
    found = {}
    for pattern in iter_url_patterns():
        route = pattern.route.replace("^", "")  # the API router's patterns are regular expressions
        if (pattern.name or "").startswith("focal:") or route.startswith(PORTAL_API.lstrip("/")):
            found.setdefault(pattern.name or route, route)
    return found


def pdf_text(content: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise RuntimeError("pdftotext (Debian poppler-utils) is needed to read the portal's PDFs")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "download.pdf"
        path.write_bytes(content)
        return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def readable(response) -> str:
    """All a response says: its headers (a file name is one) and its body, decoded."""
    content = body_of(response)
    kind = response.get("Content-Type", "").split(";")[0].strip()
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    if kind == "application/pdf" or content.startswith(b"%PDF"):
        text = pdf_text(content)
    elif kind == DOCX or (content.startswith(b"PK") and b"word/" in content[:4000]):
        text = docx_text(content)
    else:
        text = content.decode("utf-8", errors="replace")
    return f"{headers}\n{text}"


def squeeze(text: str) -> str:
    """Without spaces: a canary wrapped over two lines of a PDF is still one word here."""
    return "".join(unescape(text).split())


@dataclass
class Fetched:
    url: str
    status: int
    kind: str
    text: str
    view: str


@dataclass
class Crawl:
    """Fetch `start` and everything linked from it under `prefixes`, with `client` and `headers`."""

    client: object
    prefixes: tuple[str, ...] = (PORTAL,)
    headers: dict = field(default_factory=dict)
    fetched: dict[str, Fetched] = field(default_factory=dict)
    posts: set[str] = field(default_factory=set)  # where the portal's forms and HTMX post to

    def run(self, start) -> Crawl:
        start = list(start)
        queue = deque(start)
        while queue:
            url = queue.popleft()
            if url in self.fetched:
                continue
            assert len(self.fetched) < len(start) + MAX_FETCHES, "the crawl does not end: a link changes on every page?"
            response = self.client.get(url, **self.headers)
            text = readable(response)
            kind = response.get("Content-Type", "").split(";")[0].strip()
            self.fetched[url] = Fetched(url, response.status_code, kind, text, self._view(url))
            for link in self._links(url, response, text, kind):
                if link not in self.fetched:
                    queue.append(link)
        return self

    def _view(self, url: str) -> str:
        path = urlsplit(url).path
        try:
            match = resolve(path)
        except Resolver404:
            return ""
        return match.view_name or match.route

    def _inside(self, link: str) -> bool:
        return any(link.startswith(prefix) for prefix in self.prefixes)

    def _links(self, url: str, response, text: str, kind: str):
        found: list[str] = []
        if response.status_code in (301, 302, 303, 307, 308):
            found.append(response["Location"])
        if kind == "text/html":
            found += [unescape(link) for link in _LINK.findall(text)]
            self._note_posts(url, text)
        elif kind == "application/json":
            found += list(_strings(json.loads(body_of(response) or b"null")))
        for link in found:
            parts = urlsplit(urljoin(url, link))
            if parts.netloc not in ("", "testserver"):
                continue
            # The sign-in page once, whatever page sent the visitor there (`next`).
            query = parts.query if parts.path != reverse("focal:login") else ""
            local = parts.path + (f"?{query}" if query else "")
            if self._inside(local):
                yield local

    def _note_posts(self, url: str, text: str) -> None:
        targets = [unescape(t) for t in _POST_TARGET.findall(text)]
        for form in _FORM.findall(text):
            if re.search(r"""method\s*=\s*["']post["']""", form, re.IGNORECASE):
                action = _ACTION.search(form)
                targets.append(unescape(action.group(1)) if action and action.group(1) else url)
        for target in targets:
            parts = urlsplit(urljoin(url, target))
            if parts.netloc in ("", "testserver"):
                self.posts.add(parts.path + (f"?{parts.query}" if parts.query else ""))

    def views(self) -> set[str]:
        return {f.view for f in self.fetched.values() if f.view}

    def leaks(self, forbidden: dict[str, str]) -> list[tuple[str, str]]:
        """(what, url) for every forbidden string found in any fetched response."""
        squeezed = {what: squeeze(value) for what, value in forbidden.items()}
        found = []
        for fetched in self.fetched.values():
            text = squeeze(fetched.text)
            found += [(what, fetched.url) for what, value in squeezed.items() if value in text]
        return found

    def all_text(self, *, status: int = 200) -> str:
        return squeeze("\n".join(f.text for f in self.fetched.values() if f.status == status))


def _strings(data):
    if isinstance(data, str):
        if data.startswith(("/", "http://testserver/")):
            yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
