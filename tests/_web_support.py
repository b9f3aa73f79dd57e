"""Helpers for the web tests: a hostile corpus, a uvicorn server on a free loopback port, chromium."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click me</a>',
    '"><svg onload=alert(1)>',
    "</textarea><script>alert(document.domain)</script>",
    "<iframe src=javascript:alert(1)></iframe>",
]

HOSTILE_TXT = (
    "{p0} Officials in Baghdad said on Friday, January 3, 2020 that the attack on the convoy {p1} killed "
    "several people near the airport.\n\n"
    "\"We will respond {p2} at a time of our choosing,\" said Ali Hassan, a spokesman for the ministry. "
    "Ali Hassan added that {p3} the talks would go on.\n\n"
    "The United Nations urged restraint {p4} and called for calm in Iraq on January 4, 2020. {p5}\n\n"
    "Published in The Example Times, January 4th, 2020"
)

HOSTILE_HTML = """<!doctype html><html><head><title>Attack {p0} near Baghdad airport</title>
<meta property="og:site_name" content="Evil {p1} News">
<meta name="author" content="Mallory {p3}">
<meta property="article:published_time" content="2020-01-05">
<script>alert('head')</script></head>
<body onload="alert('body')"><article><h1>Attack {p0} near Baghdad airport</h1>
<p>Iraqi officials said on Sunday that the strike {p1} destroyed two vehicles near Baghdad
airport and that an investigation {p2} had started.</p>
<p>"This was an outrageous attack {p4}," said Ali Hassan, a spokesman for the ministry, adding that
the government would file a complaint with the United Nations Security Council.</p>
<p>Residents described hearing {p5} explosions late at night, and <a href="javascript:alert(2)">a link</a>
was shared widely online. <img src=x onerror=alert(3)></p>
</article></body></html>"""


def _fill(template: str) -> str:
    return template.format(**{f"p{i}": p for i, p in enumerate(PAYLOADS)})


def write_hostile_inputs(folder: Path) -> Path:
    """A folder with hostile .txt and .html articles, and a hostile file name that fails to read."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(_fill(HOSTILE_TXT), encoding="utf-8")
    (folder / "hostile.html").write_text(_fill(HOSTILE_HTML), encoding="utf-8")
    # A file name carrying a payload, empty so it lands on the errors page too.
    (folder / "<img src=x onerror=alert(9)>.txt").write_text("", encoding="utf-8")
    return folder


def build_store(inputs: list[Path], out: Path) -> Path:
    """Run the real pipeline; returns the store path (the report goes to out/report)."""
    from storyline.pipeline import run

    db = out / "storyline.db"
    run([str(p) for p in inputs], out=out / "report", db=db)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving ``storyline.web.create_app(db)`` on 127.0.0.1 in a daemon thread."""

    def __init__(self, db: Path):
        import uvicorn

        from storyline.web import create_app

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        app = create_app(db, allowed_hosts={"127.0.0.1", "localhost"})
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return "Debian's chromium is not installed (make system installs it: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright for Python is not installed (.[dev] extra)"
    return None


class TagCollector(HTMLParser):
    """Every start tag with its attributes, to check what markup a page really contains."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(d["id"])

    handle_startendtag = handle_starttag


def parse(html: str) -> TagCollector:
    p = TagCollector()
    p.feed(html)
    p.close()
    return p


def unsafe_markup(html: str, *, static: bool = False) -> list[str]:
    """What in a page could run script: inline or foreign scripts, handlers, javascript: URLs, frames."""
    bad = []
    for tag, attrs in parse(html).tags:
        if tag == "script" and (static or attrs.get("src") != "/static/app.js"):
            bad.append(f"script tag {attrs}")
        if tag in ("iframe", "object", "embed", "img", "frame", "base", "meta") and not (tag == "meta" and _benign_meta(attrs)):
            bad.append(f"{tag} tag {attrs}")
        for k, v in attrs.items():
            if k.startswith("on"):
                bad.append(f"handler {k}={v!r} on <{tag}>")
            if k in ("href", "src", "action", "formaction", "xlink:href") and v and re.match(r"\s*(javascript|data|vbscript):", v, re.I):
                bad.append(f"{k}={v!r} on <{tag}>")
    return bad


def _benign_meta(attrs: dict) -> bool:
    # Our own head: charset, viewport and (static report) the CSP. A refresh meta would be hostile.
    return "charset" in attrs or attrs.get("name") == "viewport" or attrs.get("http-equiv") == "Content-Security-Policy"
