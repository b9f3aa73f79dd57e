"""One Jinja2 environment for the web app and the static report (autoescape always on)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

WEB_DIR = Path(__file__).parent
TEMPLATES = WEB_DIR / "templates"
STATIC = WEB_DIR / "static"
REPORT_TEMPLATES = WEB_DIR.parent / "report" / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment: web templates first, then the report's own page."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(REPORT_TEMPLATES))]),
        # Every template and every string rendered from one is escaped, whatever its file name.
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["alabel"] = article_label
    env.filters["evdate"] = event_date
    from .views import article_html

    env.globals["article_html"] = article_html
    env.globals["min"] = min
    env.globals["max"] = max
    return env


def event_date(ev: dict) -> str:
    """An event's date as readers should take it: "week of 2019-12-30" for a week, else the
    ISO day, month or year, else "undated"."""
    if not ev.get("date"):
        return "undated"
    return f"week of {ev['date']}" if ev.get("date_precision") == "week" else ev["date"]


def article_label(a: dict, width: int = 90) -> str:
    """An article's title, else the start of its text (many crawled articles have no title)."""
    if a.get("title"):
        return a["title"]
    raw = a.get("text") or ""
    # Whitespace is folded on a growing prefix, not the whole text: the report labels every
    # citation, and folding a long article each time cost more than the rest of the label.
    # A folded prefix is a prefix of the folded text, so once it is longer than ``width`` the
    # label is the one the whole text would give.
    n = 4 * width
    while True:
        text = " ".join(raw[:n].split())
        if len(text) > width or n >= len(raw):
            break
        n *= 4
    if not text:
        return a.get("id") or "untitled"
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


@functools.lru_cache(maxsize=1)
def inline_css() -> str:
    """The stylesheet, for the self-contained static report."""
    return (STATIC / "style.css").read_text(encoding="utf-8")


def web_url(kind: str, ref: str = "", frag: str | None = None) -> str:
    """Links of the web app: real paths."""
    base = {
        "home": "/", "story": f"/stories/{ref}", "article": f"/articles/{ref}", "entity": f"/entities/{ref}",
        "search": "/search", "errors": "/errors", "docs": "/docs",
    }[kind]
    return f"{base}#{frag}" if frag else base


def static_url(kind: str, ref: str = "", frag: str | None = None) -> str:
    """Links of the static report: anchors within the one page."""
    if kind == "article":
        return f"#a-{ref}-{frag}" if frag else f"#a-{ref}"
    return {
        "home": "#stories", "story": f"#story-{ref}", "entity": f"#ent-{ref}", "search": "#stories",
        "errors": "#errors", "docs": "#stories",
    }[kind]


def render(template: str, *, static: bool = False, **context: Any) -> str:
    url: Callable[..., str] = static_url if static else web_url
    ctx = dict(static=static, url=url, css=inline_css() if static else "", **context)
    return environment().get_template(template).render(**ctx)
