"""The local page's HTTP server: static files, and JSON calls to lint or fix a pasted draft."""

from __future__ import annotations

import datetime as dt
import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from factlint.codeunits import offsets_in_units
from factlint.document import Dateline
from factlint.live import DEFAULT_MAX_BYTES, SETUP_ERRORS, Checked, LintError, check, fix_all, text_problem
from factlint.serve.packs import Packs

STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
# An oversized body up to this size is read and dropped; a larger one closes the connection.
DISCARD_LIMIT = 64_000_000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class BadRequest(Exception):
    """A request the page should not have sent: the status and a one-line message for the page."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class PageServer(ThreadingHTTPServer):
    """An HTTP server that carries the page's packs, size limit and the origins it answers."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], packs: Packs, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(address, Handler)
        self.packs = packs
        self.max_bytes = max_bytes
        host, port = self.server_address[:2]
        names = {str(host), address[0]} | ({"localhost", "127.0.0.1"} if str(host).startswith("127.") else set())
        self.hosts = {f"{name}:{port}" for name in names}
        self.origins = {f"http://{h}" for h in self.hosts}

    @property
    def url(self) -> str:
        """Return the page's address."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def static_files() -> dict[str, bytes]:
    """Return the page's files by URL path, read from the package."""
    folder = resources.files("factlint.serve") / "static"
    files = {f"/static/{f.name}": f.read_bytes() for f in folder.iterdir() if f.name[0] not in "._"}
    files["/"] = files["/static/index.html"]
    return files


class Handler(BaseHTTPRequestHandler):
    """Serve the page and its two calls; refuse other hosts, other origins and oversized bodies."""

    server: PageServer
    server_version = "factlint-serve"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Keep the terminal quiet: a page that lints as you type makes many requests."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        """Serve the page, its static files and the pack list."""
        try:
            self._check_host()
            path = self.path.split("?", 1)[0]
            if path == "/api/packs":
                self._json(HTTPStatus.OK, {"packs": self.server.packs.listing(), "max_bytes": self.server.max_bytes})
                return
            files = static_files()
            if path not in files:
                raise BadRequest(HTTPStatus.NOT_FOUND, f"no such page: {path}")
            body = files[path]
            kind = STATIC_TYPES.get(Path(path).suffix or ".html", "application/octet-stream")
            self._send(HTTPStatus.OK, body, kind)
        except BadRequest as exc:
            self._json(exc.status, {"error": str(exc)})

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        """Lint (/api/lint) or fix (/api/fix) the draft in a JSON body."""
        try:
            self._check_host()
            self._check_origin()
            if self.path not in ("/api/lint", "/api/fix"):
                raise BadRequest(HTTPStatus.NOT_FOUND, f"no such call: {self.path}")
            request = self._body()
            self._json(HTTPStatus.OK, self._answer(request, fixing=self.path == "/api/fix"))
        except BadRequest as exc:
            self._json(exc.status, {"error": str(exc)})

    def _check_host(self) -> None:
        """Refuse a Host this server was not started as (a page on another site reaching it by DNS)."""
        if self.headers.get("Host") not in self.server.hosts:
            raise BadRequest(HTTPStatus.FORBIDDEN, "this server answers only its own address")

    def _check_origin(self) -> None:
        """Refuse calls from any page but this one."""
        origin = self.headers.get("Origin")
        if origin not in self.server.origins:
            raise BadRequest(HTTPStatus.FORBIDDEN, f"calls are accepted only from this page, not from {origin or 'no origin'}")

    def _body(self) -> dict[str, Any]:
        """Read a JSON object body no larger than the server's limit."""
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length, not a chunked body")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise BadRequest(HTTPStatus.LENGTH_REQUIRED, "a Content-Length is required") from None
        limit = self.server.max_bytes
        if length > limit:
            self._discard(length)
            raise BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                             f"the draft is {length / 1e6:.1f} MB, over this server's limit of {limit / 1e6:.1f} MB "
                             "(factlint serve --max-bytes): lint it with the factlint command instead")
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "the request is not JSON") from None
        if not isinstance(request, dict) or not isinstance(request.get("text"), str):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "the request needs the draft as 'text'")
        return request

    def _discard(self, length: int) -> None:
        """Read and drop an oversized body, so the browser gets the answer, not a reset connection."""
        if length > DISCARD_LIMIT:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                break
            length -= len(chunk)

    def _answer(self, request: dict[str, Any], fixing: bool) -> dict[str, Any]:
        """Lint or fix the draft with the chosen pack and dateline; describe the result for the page."""
        text = request["text"]
        problem = text_problem(text, self.server.max_bytes)
        if problem is not None:
            raise BadRequest(HTTPStatus.UNPROCESSABLE_ENTITY, f"cannot lint this draft: {problem}")
        pack = request.get("pack", "default")
        if pack not in self.server.packs.choices:
            raise BadRequest(HTTPStatus.BAD_REQUEST, f"no such rule pack: {pack!r}")
        name = request.get("name") if isinstance(request.get("name"), str) else "draft.txt"
        date = _dateline(request.get("date"))
        try:
            settings, rule_set = self.server.packs.load(pack)
            run = fix_all if fixing else check
            checked = run(text, Path(name).name or "draft.txt", settings, rule_set, date)
        except (*SETUP_ERRORS, LintError) as exc:
            raise BadRequest(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a bug in one check must not cost the page its answer
            raise BadRequest(HTTPStatus.INTERNAL_SERVER_ERROR,
                             f"factlint could not lint this draft ({type(exc).__name__}: {exc}); please report it") from None
        return describe(checked)

    def _json(self, status: HTTPStatus, payload: dict[str, Any]) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for header, value in SECURITY_HEADERS.items():
            self.send_header(header, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)


def _dateline(value: object) -> Dateline | None:
    """Read the page's dateline field: empty, or a YYYY-MM-DD date."""
    if value in (None, ""):
        return None
    try:
        return Dateline(dt.date.fromisoformat(str(value)), "the page")
    except ValueError:
        raise BadRequest(HTTPStatus.BAD_REQUEST, f"not a YYYY-MM-DD date: {value!r}") from None


def describe(checked: Checked) -> dict[str, Any]:
    """Return a linted draft as the page reads it: findings with offsets in the browser's UTF-16 units."""
    doc = checked.doc
    findings = checked.findings
    bounds = offsets_in_units(doc.text, [o for f in findings for o in (f.start, f.end)])
    listed = [{**f.to_dict(), "from": bounds[2 * i], "to": bounds[2 * i + 1]} for i, f in enumerate(findings)]
    dateline = doc.dateline
    return {
        "text": doc.text,
        "findings": listed,
        "dateline": {"date": dateline.date.isoformat(), "source": dateline.source} if dateline else None,
        "unfixed": checked.unfixed,
    }
