"""The static HTML report, rendered with Jinja2 and autoescaping on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

_env = Environment(
    loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


def render_report(data: dict[str, Any]) -> str:
    articles = {a["id"]: a for a in data.get("articles", [])}
    return _env.get_template("report.html").render(data=data, articles=articles)
