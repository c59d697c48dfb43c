"""Visit each built page once per viewport and record what the browser tests assert on.

Loading a page is the slow part, so one visit collects everything (axe results, requests,
console, storage, layout, language links) and the tests read from the cache. A failure still
names its page and viewport because each test is parametrized by them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

VIEWPORTS: dict[str, dict[str, int]] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 360, "height": 740},
}

# WCAG 2.0, 2.1 and 2.2, levels A and AA. heading-order is an axe "best-practice" rule, added
# because the issue names a skipped heading level inside a guide as a violation.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "rules": {"heading-order": {"enabled": True}},
    "resultTypes": ["violations"],
}

_AXE = Axe()


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def describe(self) -> str:
        where = ", ".join(self.targets[:5])
        more = f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else ""
        return f"{self.rule} ({self.impact}): {self.help} at {where}{more}"


def start_axe(page: Page) -> None:
    """Inject the packaged axe-core and start it without waiting, so other tabs can work meanwhile."""
    page.evaluate(_AXE.axe_script)
    page.evaluate("(options) => { window.__axeRun = axe.run(document, options); }", AXE_OPTIONS)


def finish_axe(page: Page) -> list[Violation]:
    return parse_violations(page.evaluate("() => window.__axeRun"))


def axe_violations(page: Page) -> list[Violation]:
    """Run the packaged axe-core on the page as it is now."""
    start_axe(page)
    return finish_axe(page)


def parse_violations(response: dict) -> list[Violation]:
    return [
        Violation(
            rule=item["id"],
            impact=item.get("impact") or "",
            help=item.get("help", ""),
            targets=tuple(
                " ".join(str(part) for part in node.get("target", [])) for node in item["nodes"]
            ),
        )
        for item in response["violations"]
    ]


def describe_violations(page: str, viewport: str, violations: list[Violation]) -> str:
    """The failure message: page, viewport and every rule id with its elements."""
    lines = [f"{page} at {viewport}: {len(violations)} accessibility violation(s)"]
    lines += [f"  - {violation.describe()}" for violation in violations]
    return "\n".join(lines)


@dataclass
class PageVisit:
    path: str  # relative to the site root, e.g. /en/ansvar/
    viewport: str
    url: str
    status: int | None = None
    html_lang: str = ""
    h1: str = ""
    skip_target: str | None = None  # "content", "outside content", "missing", or None: no skip link
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # "URL: reason or status"
    console_errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    local_storage: list[str] = field(default_factory=list)
    session_storage: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    scroll_width: int = 0
    inner_width: int = 0
    switcher: dict[str, str] = field(default_factory=dict)  # hreflang -> absolute URL
    alternates: dict[str, str] = field(default_factory=dict)  # <link rel=alternate> as written


class Recorder:
    """Listens on a page and keeps what happened since the last reset."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.expected_statuses: dict[str, int] = {}
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def reset(self) -> None:
        self.requests, self.failed, self.console_errors = [], [], []
        self.expected_statuses = {}

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_request_failed(self, request: Request) -> None:
        if request.failure == "net::ERR_ABORTED":
            return  # cancelled by the page itself, e.g. a download cut short by following a link
        self.failed.append(f"{request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        expected = self.expected_statuses.get(response.url)
        if response.status >= 400 and response.status != expected:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            if location in self.expected_statuses and message.text.startswith("Failed to load"):
                return  # the browser's own note on an intended 404 document
            self.console_errors.append(f"{message.text} ({location})")


def is_own_origin(url: str, base_url: str) -> bool:
    """Requests the site may make: its own server, and in-page data:/blob: URLs."""
    scheme = urlsplit(url).scheme
    if scheme in ("data", "blob", "about"):
        return True
    own = urlsplit(base_url)
    other = urlsplit(url)
    return (other.scheme, other.netloc) == (own.scheme, own.netloc)


def new_context(browser: Browser, base_url: str, viewport: str) -> BrowserContext:
    """A browser context that cannot reach any origin but the test server (requests are recorded first)."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="sv-SE"
    )
    context.route(
        lambda url: not is_own_origin(url, base_url), lambda route: route.abort("blockedbyclient")
    )
    return context


_COLLECT_JS = r"""() => {
  const abs = (href) => new URL(href, document.baseURI).href;
  const switcher = {};
  for (const a of document.querySelectorAll('.md-select__link[hreflang]')) {
    switcher[a.getAttribute('hreflang')] = a.href;
  }
  const alternates = {};
  for (const link of document.querySelectorAll('link[rel=alternate][hreflang]')) {
    alternates[link.getAttribute('hreflang')] = link.getAttribute('href');
  }
  const skip = document.querySelector('a.md-skip');
  let skipTarget = null;
  if (skip) {
    const id = decodeURIComponent(new URL(skip.href).hash.slice(1));
    const target = id && document.getElementById(id);
    skipTarget = target ? (target.closest('.md-content') ? 'content' : 'outside content') : 'missing';
  }
  const h1 = document.querySelector('.md-content h1');
  return {
    lang: document.documentElement.lang,
    h1: h1 ? h1.textContent.replace(/\s+/g, ' ').trim() : '',
    skipTarget,
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    switcher, alternates,
  };
}"""


@dataclass
class Tab:
    context: BrowserContext
    page: Page
    recorder: Recorder


class Visitor:
    """Visits pages in a shared browser and caches them per (path, viewport).

    The pages named in `prefetch` are visited together the first time any of them is asked for,
    TABS_PER_VIEWPORT at a time: while axe runs in one tab's renderer, the next tab loads, so
    both cores work. Each tab has its own context, so storage and cookies stay per visit.
    """

    TABS_PER_VIEWPORT = 2

    def __init__(self, browser: Browser, base_url: str,
                 prefetch: list[tuple[str, str]] | None = None) -> None:
        self.browser = browser
        self.base_url = base_url
        self._prefetch = list(prefetch or [])
        self._tabs: dict[str, list[Tab]] = {}
        self._visits: dict[tuple[str, str], PageVisit] = {}

    def tabs(self, viewport: str) -> list[Tab]:
        if viewport not in self._tabs:
            self._tabs[viewport] = []
            for _ in range(self.TABS_PER_VIEWPORT):
                context = new_context(self.browser, self.base_url, viewport)
                page = context.new_page()
                self._tabs[viewport].append(Tab(context, page, Recorder(page)))
        return self._tabs[viewport]

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    def visit(self, path: str, viewport: str, expect_status: int = 200) -> PageVisit:
        key = (path, viewport)
        if key not in self._visits:
            if key in self._prefetch:
                self.visit_many(self._prefetch)
                self._prefetch = []
            else:
                self.visit_many([key], expect_status)
        return self._visits[key]

    def visit_many(self, keys: list[tuple[str, str]], expect_status: int = 200) -> None:
        pending = [key for key in dict.fromkeys(keys) if key not in self._visits]
        while pending:
            batch: list[tuple[tuple[str, str], Tab, object]] = []
            free = {viewport: list(self.tabs(viewport)) for viewport in VIEWPORTS}
            for key in list(pending):
                if free[key[1]]:
                    tab = free[key[1]].pop()
                    batch.append((key, tab, self._start(tab, key[0], expect_status)))
                    pending.remove(key)
            for key, tab, response in batch:
                self._visits[key] = self._finish(tab, key[0], key[1], response)

    def _start(self, tab: Tab, path: str, expect_status: int):
        url = self.url(path)
        tab.recorder.reset()
        if expect_status != 200:
            tab.recorder.expected_statuses[url] = expect_status
        tab.context.clear_cookies()
        response = tab.page.goto(url, wait_until="load")
        # axe takes a few hundred milliseconds; requests that the page starts late
        # (search worker, index) are recorded meanwhile.
        start_axe(tab.page)
        return response

    def _finish(self, tab: Tab, path: str, viewport: str, response) -> PageVisit:
        page, recorder = tab.page, tab.recorder
        violations = finish_axe(page)
        facts = page.evaluate(_COLLECT_JS)
        # Every visit is a first visit: what one page stored must not hide what the next one does
        # (Material caches fetched repository facts in sessionStorage, for example).
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        return PageVisit(
            path=path,
            viewport=viewport,
            url=self.url(path),
            status=response.status if response else None,
            html_lang=facts["lang"],
            h1=facts["h1"],
            skip_target=facts["skipTarget"],
            requests=list(recorder.requests),
            failed_requests=list(recorder.failed),
            console_errors=list(recorder.console_errors),
            cookies=[f"{c['name']} ({c['domain']})" for c in tab.context.cookies()],
            local_storage=facts["localStorage"],
            session_storage=facts["sessionStorage"],
            violations=violations,
            scroll_width=facts["scrollWidth"],
            inner_width=facts["innerWidth"],
            switcher=facts["switcher"],
            alternates=facts["alternates"],
        )

    def close(self) -> None:
        for tabs in self._tabs.values():
            for tab in tabs:
                tab.context.close()
        self._tabs.clear()
