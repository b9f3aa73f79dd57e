"""Live input: new files in a folder and new items in feeds join stories as they arrive.

``watch`` polls; each poll ingests what is new, analyses it and extends the stories
incrementally (``pipeline.ingest`` / ``analyse`` / ``build``), so nothing is restarted
and nothing already done is done again.

* A folder is scanned by path, modification time and size; files still being
  written (modified in the last ``settle_s`` seconds) wait for the next poll.
* Feeds come from an OPML file (re-read every poll). Fetching is conditional
  (ETag / Last-Modified, remembered in the store) and guarded: only http(s); the
  host is resolved once, every address it resolves to must be public (private,
  loopback, link-local, reserved, multicast... are refused unless ``allow_private``),
  the connection goes to the address that was checked (no second lookup a DNS
  rebinding could change), redirects are followed by hand, each hop checked the
  same way, at most ``MAX_REDIRECTS``; bodies are capped at ``max_bytes`` after
  decompression and every fetch has a deadline. Feed bytes are parsed by the
  project's reader (``storyline.ingest.readers.read_bytes``), which never fetches
  the linked pages.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import os
import re
import socket
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .errors import ConfigError, StorylineError
from .model import FileError, RawDocument

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT_S = 20.0
USER_AGENT = "Storyline feed reader (+https://github.com/storyline)"
FEED_STATE = "live:feed:"
DIR_STATE = "live:dir:"
BUILT_STATE = "live:built_articles"  # article count the stories were last built from

class FetchError(StorylineError):
    """A feed that could not or may not be fetched; ``code`` is one of the catalogue's E7xx."""

    @property
    def reason(self) -> str:
        return str(self).split("] ", 1)[1]


# --------------------------------------------------------------------------- interval

_UNITS = {"": 1, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "mins": 60,
          "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
          "d": 86400, "day": 86400, "days": 86400}


def parse_interval(text: str | float | int) -> float:
    """Seconds in an interval written as ``30s``, ``10m``, ``1h``, ``1h30m`` or a bare number of seconds."""
    if isinstance(text, (int, float)):
        seconds = float(text)
    else:
        s = text.strip().lower().replace(" ", "")
        parts = re.findall(r"(\d+(?:\.\d+)?)([a-z]*)", s)
        if not parts or "".join(n + u for n, u in parts) != s or any(u not in _UNITS for _, u in parts):
            raise ConfigError("E902", name="interval", value=repr(text))
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if not seconds > 0:
        raise ConfigError("E902", name="interval", value=repr(text))
    return seconds


# --------------------------------------------------------------------------- addresses


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to simulate DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[str] = []
    for info in infos:
        ip = info[4][0].split("%", 1)[0]  # drop an IPv6 zone id
        if ip not in out:
            out.append(ip)
    return out


def address_kind(ip: str) -> str | None:
    """Why ``ip`` is not a public Internet address ("loopback", "private", ...), or None if it is."""
    addr = ipaddress.ip_address(ip)
    if isinstance(addr, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one.
        embedded = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if embedded is not None:
            inner = address_kind(str(embedded))
            if inner:
                return inner
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "site_local", "private"):
        if getattr(addr, f"is_{kind}", False):
            return kind.replace("_", "-")
    if not addr.is_global:
        return "non-global"  # shared address space (100.64/10), documentation and benchmark ranges...
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _ascii_host(parsed: Any) -> str:
    # raw_host is the IDNA (xn--) form: what DNS, the Host header and TLS need.
    return parsed.raw_host.decode("ascii").strip("[]")


def _checked_address(url: str, allow_private: bool) -> tuple[Any, str]:
    """(parsed URL, the address to connect to) after checking every address the host has."""
    import httpx

    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        raise FetchError("E706", url=url) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError("E706", url=url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    host = _ascii_host(parsed)
    try:
        addresses = [str(ipaddress.ip_address(host))] if _is_ip(host) else resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError("E704", url=url, detail=f"cannot resolve {host}: {exc}") from None
    if not addresses:
        raise FetchError("E704", url=url, detail=f"{host} has no address")
    if not allow_private:
        for ip in addresses:
            kind = address_kind(ip)
            if kind:
                raise FetchError("E701", url=url, host=host, address=ip, kind=kind)
    return parsed, addresses[0]


# --------------------------------------------------------------------------- fetching


@dataclass(slots=True)
class Fetched:
    """A feed response: ``content`` is None when the server said it has not changed (304)."""

    url: str  # the final URL, after redirects
    status: int
    content: bytes | None
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, *, allow_private: bool = False, etag: str | None = None, last_modified: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT_S,
          transport: Any = None) -> Fetched:
    """GET a feed with the address checks, a size cap and a deadline; raises ``FetchError``."""
    import httpx

    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + 3 * timeout  # slow-drip bodies cannot hold a poll forever
    # trust_env=False: a proxy from the environment would connect on our behalf to addresses we never checked.
    with httpx.Client(transport=transport, timeout=httpx.Timeout(timeout), follow_redirects=False,
                      trust_env=False) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            parsed, ip = _checked_address(current, allow_private)
            host = _ascii_host(parsed)
            host_header = f"[{host}]" if ":" in host else host
            if parsed.port is not None:
                host_header += f":{parsed.port}"
            # Connect to the address that was checked, never to a fresh lookup of the name.
            pinned = parsed.copy_with(host=ip)
            extensions = {"sni_hostname": host} if parsed.scheme == "https" else {}
            request = client.build_request("GET", pinned, headers={**headers, "Host": host_header},
                                           extensions=extensions)
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise FetchError("E704", url=current, detail=f"{type(exc).__name__}: {exc}") from None
            try:
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError("E705", url=current, limit=MAX_REDIRECTS)
                    current = urljoin(current, location.strip())
                    log.info("feed %s redirects to %s", url, current)
                    continue
                if response.status_code == 304:
                    return Fetched(url=current, status=304, content=None, etag=etag, last_modified=last_modified)
                if response.status_code != 200:
                    raise FetchError("E703", url=current, status=response.status_code)
                content = _read_capped(response, current, max_bytes, deadline)
                return Fetched(url=current, status=200, content=content, etag=response.headers.get("etag"),
                               last_modified=response.headers.get("last-modified"))
            finally:
                response.close()
        raise FetchError("E705", url=url, limit=MAX_REDIRECTS)


def _read_capped(response: Any, url: str, max_bytes: int, deadline: float) -> bytes:
    import httpx

    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError("E702", url=url, limit=max_bytes)
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise FetchError("E704", url=url, detail=f"unsupported Content-Encoding {encoding!r}")
    # Decompressed here, never by httpx: zlib's max_length bounds each step, so a gzip bomb
    # stops at the cap instead of first inflating a whole network chunk (up to ~1000x) in memory.
    inflate = zlib.decompressobj(32 + zlib.MAX_WBITS) if encoding not in ("", "identity") else None
    chunks: list[bytes] = []
    size = 0

    def take(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > max_bytes:
            raise FetchError("E702", url=url, limit=max_bytes)
        chunks.append(data)

    try:
        for raw in response.iter_raw():
            if time.monotonic() > deadline:
                raise FetchError("E704", url=url, detail="the download took too long")
            if inflate is None:
                take(raw)
                continue
            while raw:
                take(inflate.decompress(raw, max_bytes - size + 1))
                raw = inflate.unconsumed_tail
                if inflate.eof and inflate.unused_data:  # gzip files may hold several members
                    raw = inflate.unused_data
                    inflate = zlib.decompressobj(32 + zlib.MAX_WBITS)
        if inflate is not None:
            take(inflate.flush())
            if not inflate.eof:
                raise FetchError("E704", url=url, detail="the compressed data is truncated")
    except zlib.error as exc:
        raise FetchError("E704", url=url, detail=f"damaged compressed data: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError("E704", url=url, detail=f"{type(exc).__name__}: {exc}") from None
    return b"".join(chunks)


# --------------------------------------------------------------------------- feed lists


def read_opml(path: str | os.PathLike[str]) -> list[str]:
    """The feed URLs (``xmlUrl``) of an OPML file, in order, without repeats."""
    try:
        data = Path(path).read_bytes()
        if len(data) > DEFAULT_MAX_BYTES:
            raise ValueError(f"{len(data)} bytes is too large for a feed list")
        if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
            raise ValueError("DOCTYPE and entity declarations are not accepted")  # no entity expansion tricks
        root = ET.fromstring(data)
    except (OSError, ValueError, ET.ParseError) as exc:
        raise FetchError("E707", path=str(path), detail=str(exc)) from None
    urls: list[str] = []
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1].lower() != "outline":
            continue
        url = next((v for k, v in el.attrib.items() if k.lower() == "xmlurl"), None)
        if url and url.strip() and url.strip() not in urls:
            urls.append(url.strip())
    return urls


# --------------------------------------------------------------------------- polling


@dataclass(slots=True)
class PollResult:
    """What one poll found and did."""

    files: int = 0  # new or changed files ingested
    feeds_fetched: int = 0
    feeds_unchanged: int = 0  # answered 304
    items: int = 0  # feed entries read
    added: int = 0  # new articles
    analysed: int = 0
    stories: int | None = None  # after the rebuild, when anything was added
    errors: list[FileError] = field(default_factory=list)


class Watcher:
    """Polls a folder and/or the feeds of an OPML file into ``store``; one ``poll()`` per interval."""

    def __init__(self, store: Any, directory: str | os.PathLike[str] | None = None,
                 feeds: str | os.PathLike[str] | None = None, *, allow_private: bool = False,
                 model: str | None = None, engine: str = "local", workers: int = 1, scheduler: str | None = None,
                 settle_s: float = 2.0, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT_S,
                 words: int = 100, out: str | os.PathLike[str] | None = None, transport: Any = None):
        self.store = store
        self.directory = Path(directory) if directory is not None else None
        self.feeds = Path(feeds) if feeds is not None else None
        self.allow_private = allow_private
        self.model, self.engine, self.workers, self.scheduler = model, engine, workers, scheduler
        self.settle_s = settle_s
        self.max_bytes, self.timeout, self.transport = max_bytes, timeout, transport
        self.words = words
        self.out = Path(out) if out is not None else None

    def poll(self) -> PollResult:
        """Ingest what is new since the last poll, then analyse it and extend the stories."""
        res = PollResult()
        if self.directory is not None:
            self._poll_directory(res)
        if self.feeds is not None:
            self._poll_feeds(res)
        from .pipeline import analyse, build

        # Always asked: articles left unanalysed or unbuilt by an interrupted poll are finished now.
        res.analysed = analyse(self.store, model=self.model, engine=self.engine, workers=self.workers,
                               scheduler=self.scheduler)
        count = str(self.store.count_articles()).encode()
        if res.added or res.analysed or self.store.get_state(BUILT_STATE) != count:
            corpus = build(self.store, words=self.words, model=self.model, engine=self.engine,
                           workers=self.workers, scheduler=self.scheduler)
            self.store.set_state(BUILT_STATE, count)
            res.stories = len(corpus.stories)
            if self.out is not None:
                from .report import write_report

                write_report(self.store, self.out)
        log.info("poll: %d files, %d feeds fetched (%d unchanged), %d items, %d new articles, %d errors",
                 res.files, res.feeds_fetched, res.feeds_unchanged, res.items, res.added, len(res.errors))
        return res

    # ------------------------------------------------------------------ folder
    def _poll_directory(self, res: PollResult) -> None:
        from .ingest.readers import iter_files
        from .pipeline import ingest

        assert self.directory is not None
        top = self.directory.resolve()
        key = DIR_STATE + str(top)
        seen: dict[str, list[int]] = json.loads(self.store.get_state(key) or b"{}")
        now = time.time()
        current: dict[str, list[int]] = {}
        changed: list[str] = []
        for item in iter_files(str(top)):
            if isinstance(item, FileError):
                res.errors.append(item)
                continue
            try:
                st = os.stat(item)
            except OSError:
                continue  # gone between listing and stat: the next poll sees the truth
            sig = [st.st_mtime_ns, st.st_size]
            if seen.get(item) == sig:
                current[item] = sig
            elif now - st.st_mtime >= self.settle_s:
                changed.append(item)
                current[item] = sig
            # else: still being written; neither recorded nor read, so it is picked up next time
        if changed:
            r = ingest(changed, self.store)
            res.files += len(changed)
            res.added += r.added
            res.errors.extend(r.errors)
        if current != seen:
            self.store.set_state(key, json.dumps(current, sort_keys=True).encode())

    # ------------------------------------------------------------------ feeds
    def _poll_feeds(self, res: PollResult) -> None:
        assert self.feeds is not None
        try:
            urls = read_opml(self.feeds)
        except FetchError as exc:
            res.errors.append(_fetch_error(str(self.feeds), exc))
            self.store.add_errors(res.errors[-1:])
            return
        for url in urls:
            try:
                self._poll_feed(url, res)
            except FetchError as exc:
                log.warning("%s", exc)
                err = _fetch_error(url, exc)
                res.errors.append(err)
                self.store.add_errors([err])

    def _poll_feed(self, url: str, res: PollResult) -> None:
        from .ingest.readers import read_bytes

        key = FEED_STATE + url
        state = json.loads(self.store.get_state(key) or b"{}")
        got = fetch(url, allow_private=self.allow_private, etag=state.get("etag"),
                    last_modified=state.get("last_modified"), max_bytes=self.max_bytes, timeout=self.timeout,
                    transport=self.transport)
        self.store.clear_errors([url])
        if got.content is None:
            res.feeds_unchanged += 1
            return
        res.feeds_fetched += 1
        docs: list[RawDocument] = []
        errors: list[FileError] = []
        try:
            for item in read_bytes(got.content, url, "feed.xml"):
                if isinstance(item, FileError):
                    errors.append(item)
                else:
                    docs.append(_item_source(item, url))
        except Exception as exc:  # a reader failure costs this feed, not the poll (ReadError included)
            from .errors import ReadError, file_error

            if isinstance(exc, ReadError):
                errors.append(file_error(exc.code, url, line=exc.line, **exc.fields))
            else:
                log.exception("reading feed %s failed", url)
                errors.append(file_error("E119", url, detail=f"{type(exc).__name__}: {exc}"[:300]))
        res.items += len(docs)
        if errors:
            self.store.add_errors(errors)
            res.errors.extend(errors)
        if docs:
            from .pipeline import ingest_documents

            r = ingest_documents(docs, self.store)
            res.added += r.added
            res.errors.extend(r.errors)
        # Remembered only once the items are safely stored: a crash before this refetches, and
        # ingest skips what it already has.
        state = {"etag": got.etag, "last_modified": got.last_modified, "url": got.url,
                 "fetched_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}
        self.store.set_state(key, json.dumps(state, sort_keys=True).encode())


def _item_source(doc: RawDocument, feed_url: str) -> RawDocument:
    # An item's own link names it better than its position in today's feed (positions shift
    # as items arrive), and makes "already ingested" checks exact.
    link = (doc.url or "").strip()
    if urlsplit(link).scheme in ("http", "https"):
        doc.source = link
    return doc


def _fetch_error(source: str, exc: FetchError) -> FileError:
    return FileError(source=source, stage="read", reason=exc.reason, code=exc.code)


def watch(db: str | os.PathLike[str] = "storyline.db", directory: str | os.PathLike[str] | None = None,
          feeds: str | os.PathLike[str] | None = None, interval_s: float = 600.0, allow_private: bool = False,
          once: bool = False, model: str | None = None, engine: str = "local", workers: int = 1,
          scheduler: str | None = None, settle_s: float = 2.0, out: str | os.PathLike[str] | None = None,
          max_polls: int | None = None, on_poll: Callable[[PollResult], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll ``directory`` and/or the OPML ``feeds`` every ``interval_s`` seconds until interrupted.

    ``once`` polls a single time. Returns the number of polls made. Ctrl-C ends the
    loop between polls; a poll itself commits batch by batch, so stopping it loses nothing.
    """
    from .store import open_store

    if directory is None and feeds is None:
        raise ConfigError("E902", name="directory/feeds", value="None")
    interval_s = parse_interval(interval_s)
    store = open_store(db)
    watcher = Watcher(store, directory, feeds, allow_private=allow_private, model=model, engine=engine,
                      workers=workers, scheduler=scheduler, settle_s=settle_s, out=out)
    polls = 0
    try:
        while True:
            started = time.monotonic()
            result = watcher.poll()
            polls += 1
            if on_poll:
                on_poll(result)
            if once or (max_polls is not None and polls >= max_polls):
                break
            sleep(max(0.0, interval_s - (time.monotonic() - started)))
    except KeyboardInterrupt:
        log.info("watch stopped after %d polls", polls)
    finally:
        store.close()
    return polls
