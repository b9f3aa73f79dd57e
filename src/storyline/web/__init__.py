"""The web app and JSON API over a store (``storyline serve``)."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = ["create_app", "serve"]


def create_app(db: str | Path, **kwargs):
    """The FastAPI app over the store ``db``, opened read-only (see ``storyline.web.app``)."""
    from .app import create_app as _create

    return _create(db, **kwargs)


def serve(db: str | Path = "storyline.db", host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the web app with uvicorn. Binds loopback unless told otherwise."""
    import uvicorn

    from .app import _loopback_hosts

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: anyone who can reach this address can read the store", host)
    try:
        app = create_app(db, allowed_hosts=_loopback_hosts(host, port))
    except FileNotFoundError as exc:
        raise SystemExit(f"error: {exc}") from None
    print(f"Storyline: http://{'[' + host + ']' if ':' in host else host}:{port}/  (API docs: /docs)", flush=True)
    # No access log: a line per request costs CPU under load and says nothing an analyst needs.
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, access_log=False)
