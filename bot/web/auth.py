"""Sign-in for the console: the operator's start-up token, session cookies that expire, CSRF tokens.

At each start the running bot makes one random token (like Jupyter's). Opening
`/login?token=TOKEN` signs the browser in as the local operator: a session id in an HttpOnly,
SameSite=Lax cookie, kept in this process only, that ends `SESSION_HOURS` after sign-in (or at
sign-out, or when the bot stops). API clients may send `Authorization: Bearer TOKEN` instead.
Every form that changes something carries the session's CSRF token; a request with a wrong
or missing one changes nothing.

The token is written, with the console's address, to `var/console.json` (mode 0600) of the folder
where `diplobot run` runs, so that `diplobot console-url` can print the link again.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.models import Caller
from bot.ports import Clock

SESSION_HOURS = 12
URL_FILE = Path("var") / "console.json"
OPERATOR = Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: who it is, its CSRF token, when it ends."""

    id: str
    caller: Caller
    csrf: str
    expires: datetime


class Sessions:
    """The operator's token and the browser sessions of this process (a restart signs everyone out)."""

    def __init__(self, clock: Clock, *, token: str | None = None, hours: float = SESSION_HOURS) -> None:
        self.clock = clock
        self.token = token or secrets.token_urlsafe(32)
        self.lifetime = timedelta(hours=hours)
        self._by_id: dict[str, Session] = {}
        self._flash: dict[str, list[tuple[bool, str]]] = {}  # what the next page says after a form (ok, text)

    def token_ok(self, given: str | None) -> bool:
        """True when `given` is the operator's token (compared in constant time)."""
        return bool(given) and hmac.compare_digest(str(given).encode(), self.token.encode())

    def open(self, caller: Caller) -> Session:
        """A new session for `caller`, ending `SESSION_HOURS` from now."""
        self._expire()
        session = Session(
            id=secrets.token_urlsafe(32),
            caller=caller,
            csrf=secrets.token_urlsafe(32),
            expires=self.clock.now() + self.lifetime,
        )
        self._by_id[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        """The live session with this id, or None (unknown, signed out or expired)."""
        if not session_id:
            return None
        session = self._by_id.get(session_id)
        if session is None:
            return None
        if session.expires <= self.clock.now():
            self._by_id.pop(session_id, None)
            return None
        return session

    def close(self, session_id: str | None) -> None:
        """Sign a session out."""
        if session_id:
            self._by_id.pop(session_id, None)
            self._flash.pop(session_id, None)

    def flash(self, session_id: str, ok: bool, text: str) -> None:
        """Keep a message for the session's next page (what a form did), never in the address."""
        self._flash.setdefault(session_id, []).append((ok, text))

    def take_flash(self, session_id: str) -> list[tuple[bool, str]]:
        """The messages kept for this session, once."""
        return self._flash.pop(session_id, [])

    def _expire(self) -> None:
        now = self.clock.now()
        for sid in [sid for sid, s in self._by_id.items() if s.expires <= now]:
            del self._by_id[sid]
            self._flash.pop(sid, None)


def csrf_ok(session: Session, given: str | None) -> bool:
    """True when a form's CSRF token is the session's."""
    return bool(given) and hmac.compare_digest(str(given).encode(), session.csrf.encode())


def write_url_file(url: str, path: Path = URL_FILE) -> Path:
    """Write the console's sign-in link for `diplobot console-url`: readable by this user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older file keeps its mode through O_CREAT: set it again
        os.write(fd, json.dumps({"url": url, "pid": os.getpid()}).encode())
    finally:
        os.close(fd)
    return path


def remove_url_file(url: str, path: Path = URL_FILE) -> None:
    """Remove the link file at stop, unless another bot has written its own link there since."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("url") == url:
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def read_url_file(path: Path = URL_FILE) -> str:
    """The link a running bot wrote, or a ValueError saying why there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(
            f"no console link in {path.parent.resolve()}: start 'diplobot run' in this folder with "
            "DIPLOBOT_HTTP_PORT set (it writes the link there)"
        ) from None
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None
    url, pid = data.get("url"), data.get("pid")
    if not isinstance(url, str) or not isinstance(pid, int):
        raise ValueError(f"{path} does not hold a console link; start 'diplobot run' again")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        raise ValueError(
            f"the bot that wrote {path} (process {pid}) is not running any more; start 'diplobot run' again"
        ) from None
    except PermissionError:
        pass  # running, as another user
    return url
