"""Feed sources (`FeedSpec`) and the `feeds.yaml` loader that validates them.

`url` is one of: an http(s) feed URL; a local feed file; a local folder of article files
(`file://` URLs are accepted for both). A relative path is resolved by `load_feeds_file`
against the parent of the folder holding the YAML file, i.e. the repository root for
`config/feeds.yaml` (so `seeds` means `<repo>/seeds`), and stored absolute. A `FeedSpec`
built directly keeps a relative path relative to the working directory.

`kind` is decided from the URL and, for paths, from the file system at the time it is asked:
an existing directory is "folder", anything else "file" (a missing path then fails at poll
time as data, not at start-up).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.errors import ConfigError
from bot.validation import describe, field_of, yaml_position

MIN_INTERVAL = 60
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?)?\s*$", re.I)
_UNIT = {"s": 1, "m": 60, "h": 3600}


def parse_duration(value: Any) -> int:
    """Seconds from an int/float or a string like "300", "300s", "5m", "1h"."""
    if isinstance(value, bool):
        raise ValueError("a duration must be a number of seconds or a string like '5m'")
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match:
            unit = (match.group(2) or "s")[0].lower()
            return int(float(match.group(1)) * _UNIT[unit])
    raise ValueError("a duration must be a number of seconds or a string like '300s', '5m' or '1h'")


class FeedSpec(BaseModel):
    """One configured source: an http(s) feed, a local feed file or a local folder of articles."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100)
    url: str = Field(min_length=1)
    interval: int = 300
    jitter: int = 30
    enabled: bool = True
    backfill: int = Field(default=0, ge=0)
    fulltext: bool = False
    outlet: str | None = None

    @field_validator("interval", mode="before")
    @classmethod
    def _interval(cls, value: Any) -> int:
        seconds = parse_duration(value)
        if seconds < MIN_INTERVAL:
            raise ValueError(f"interval must be at least {MIN_INTERVAL} seconds (found {seconds})")
        return seconds

    @field_validator("jitter", mode="before")
    @classmethod
    def _jitter(cls, value: Any) -> int:
        seconds = parse_duration(value)
        if seconds < 0:
            raise ValueError("jitter cannot be negative")
        return seconds

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        scheme = urlsplit(value).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", value) else ""
        if scheme in ("http", "https"):
            if not urlsplit(value).hostname:
                raise ValueError("an http(s) URL needs a host")
            return value
        if scheme in ("", "file"):
            return value
        raise ValueError(f"unsupported URL scheme {scheme!r}")

    @property
    def is_http(self) -> bool:
        """True for an http(s) feed."""
        return urlsplit(self.url).scheme.lower() in ("http", "https")

    @property
    def path(self) -> Path:
        """The local path of a file or folder source (raises ValueError for http feeds)."""
        if self.is_http:
            raise ValueError(f"feed {self.name!r} is an http feed, not a local path")
        if self.url.lower().startswith("file:"):
            return Path(unquote(urlsplit(self.url).path))
        return Path(self.url).expanduser()

    @property
    def kind(self) -> Literal["http", "file", "folder"]:
        """Where the items come from: "http", a local feed "file", or a "folder" of article files."""
        if self.is_http:
            return "http"
        return "folder" if self.path.is_dir() else "file"

    @property
    def display_outlet(self) -> str:
        """The outlet name shown in alerts: `outlet`, else the feed name."""
        return self.outlet or self.name


_EXPECTED = {
    "name": "a non-empty unique name",
    "url": "an http(s) URL, a file:// URL or a path to a feed file or article folder",
    "interval": f"seconds (>= {MIN_INTERVAL}) or a duration like '5m'",
    "jitter": "seconds (>= 0) or a duration like '30s'",
    "enabled": "true or false",
    "backfill": "a whole number >= 0",
    "fulltext": "true or false",
    "outlet": "a display name",
}


def load_feeds_file(path: str | Path) -> list[FeedSpec]:
    """Read and validate a feeds.yaml (top-level `feeds:` list); raise ConfigError naming file, entry and field."""
    path = Path(path)
    file = str(path)
    base = path.resolve().parent.parent
    specs: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(_feed_entries(path)):
        label = f"#{index + 1}"
        if not isinstance(entry, dict):
            raise ConfigError(
                "a feed entry must be a mapping", file=file, entry=label, found=entry, expected="name: ..., url: ..."
            )
        name = entry.get("name")
        if isinstance(name, str) and name.strip():
            label = f"#{index + 1} ({name.strip()})"
        spec = _feed_spec(entry, file=file, label=label)
        if spec.name in seen:
            raise ConfigError(
                f"duplicate feed name (also entry #{seen[spec.name]})",
                file=file,
                entry=label,
                field="name",
                found=spec.name,
                expected="a unique name",
            )
        seen[spec.name] = index + 1
        if not spec.is_http:
            local = spec.path
            if not local.is_absolute():
                spec = spec.model_copy(update={"url": str((base / local).resolve())})
        specs.append(spec)
    return specs


def _feed_entries(path: Path) -> list[object]:
    """The entries of a feeds.yaml's top-level `feeds:` list, unchecked; ConfigError when the file cannot be
    read, is not YAML, or is not a mapping with only a `feeds:` list."""
    file = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", file=file, expected="a YAML file with a top-level `feeds:` list") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read file ({exc})", file=file) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"invalid YAML{yaml_position(exc)}: {problem}", file=file) from None
    if not isinstance(data, dict) or "feeds" not in data:
        raise ConfigError(
            "no top-level `feeds:` key",
            file=file,
            found=type(data).__name__ if data is not None else "empty file",
            expected="a mapping with a `feeds:` list",
        )
    unknown = sorted(set(data) - {"feeds"})
    if unknown:
        raise ConfigError("unknown top-level key", file=file, field=str(unknown[0]), expected="only `feeds:`")
    entries = data["feeds"]
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ConfigError(
            "`feeds` must be a list",
            file=file,
            field="feeds",
            found=type(entries).__name__,
            expected="a list of feed entries",
        )
    return entries


def _feed_spec(entry: dict[object, object], *, file: str, label: str) -> FeedSpec:
    """One feed entry validated; ConfigError naming the entry and its first bad field."""
    try:
        return FeedSpec.model_validate(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = field_of(err)
        if err.get("type") == "extra_forbidden":
            raise ConfigError(
                "unknown field",
                file=file,
                entry=label,
                field=field,
                expected="one of " + ", ".join(FeedSpec.model_fields),
            ) from None
        found = err.get("input") if err.get("type") != "missing" else None
        message, expected = describe(err)
        raise ConfigError(
            message,
            file=file,
            entry=label,
            field=field,
            found=found,
            expected=_EXPECTED.get(field or "") or expected,
        ) from None
