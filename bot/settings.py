"""Typed settings from the environment (and an optional .env), checked once at start-up.

`Settings` holds the core's own (`DIPLOBOT_*`). Each chat platform's settings belong to its adapter, which
declares a settings class of its own (entry point group `diplobot.settings`, e.g. the Slack adapter's
`SLACK_*`); `load_settings` reads and checks them all at once, with the same messages, and keeps them on
`Settings`. The core reads them only through `PlatformSettings`, in its own terms: a platform's REST base
(`api_url`) and the console's sign-in with it (`SignIn`, `Admins`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import Field, PrivateAttr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError
from bot.validation import describe

DEFAULT_DB = "sqlite+aiosqlite:///var/diplobot.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Where every settings class reads: the environment, then an optional .env; a platform's class uses it too.
SETTINGS_CONFIG = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

_S = TypeVar("_S", bound=BaseSettings)


@dataclass(frozen=True, slots=True)
class Admins:
    """Who a platform's settings make a diplobot admin besides what the platform itself says (a workspace
    admin, Manage Server): these user ids, and the members holding this role (its id or its name)."""

    users: frozenset[str] = frozenset()
    role: str | None = None


@dataclass(frozen=True, slots=True)
class SignIn:
    """A chat platform the console's members sign in with: its OAuth client, as the platform's settings give it."""

    platform: str  # "slack" (OpenID Connect) or "discord" (OAuth2 with PKCE): the flow bot/web/members.py runs
    client_id: str
    client_secret: str
    authorize_url: str
    api_url: str  # the token, user and admin calls go here: the same REST base as the bot's own calls
    bot_token: str | None  # the bot's own token, which reads who is an admin (users.info, a member's roles)
    admins: Admins = Admins()


@runtime_checkable
class PlatformSettings(Protocol):
    """What a chat platform's own settings (its adapter's class, entry point group `diplobot.settings`) tell
    the core."""

    def api_url(self) -> str | None:
        """The platform's REST base when it is moved from the public one (a proxy, a test's fake), else None."""
        ...

    def sign_in(self) -> SignIn | None:
        """The console's sign-in with this platform, when its OAuth client is configured."""
        ...


class Settings(BaseSettings):
    """The core's settings; secrets come only from the environment. Each platform's are in `platforms`."""

    model_config = SETTINGS_CONFIG

    database_url: str = Field(DEFAULT_DB, alias="DIPLOBOT_DATABASE_URL")
    # Unset: the rules and feeds shipped in the package (the repository's config/), found wherever diplobot runs.
    config_dir: Path | None = Field(None, alias="DIPLOBOT_CONFIG_DIR")
    allow_private_networks: bool = Field(False, alias="DIPLOBOT_ALLOW_PRIVATE_NETWORKS")
    admin_channel: str = Field("terminal", alias="DIPLOBOT_ADMIN_CHANNEL")
    story_window_hours: float = Field(72.0, alias="DIPLOBOT_STORY_WINDOW_HOURS", gt=0)
    burst_limit: int = Field(5, alias="DIPLOBOT_BURST_LIMIT", ge=1)
    burst_minutes: float = Field(10.0, alias="DIPLOBOT_BURST_MINUTES", gt=0)
    # One poll reads at most this many items (the newest) of a feed; the rest are reported in its status.
    feed_max_items: int = Field(200, alias="DIPLOBOT_FEED_MAX_ITEMS", ge=1, le=100_000)
    log_json: bool = Field(False, alias="DIPLOBOT_LOG_JSON")
    log_level: str = Field("INFO", alias="DIPLOBOT_LOG_LEVEL")
    http_port: int | None = Field(None, alias="DIPLOBOT_HTTP_PORT", ge=0, le=65535)
    instance_id: str | None = Field(None, alias="DIPLOBOT_INSTANCE_ID")
    terminal: bool = Field(True, alias="DIPLOBOT_TERMINAL")
    # The console's address as browsers reach it (behind a proxy, say): sign-in with Slack or Discord
    # sends members back to CONSOLE_URL/login/slack/callback or /login/discord/callback. Unset: the local link.
    console_url: str | None = Field(None, alias="DIPLOBOT_CONSOLE_URL")
    # Each installed platform's settings by name ("slack", "discord"), as `load_settings` read them.
    _platforms: dict[str, PlatformSettings] = PrivateAttr(default_factory=dict)

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError("unknown log level")
        return value.strip().upper()

    @property
    def platforms(self) -> Mapping[str, PlatformSettings]:
        """Each installed platform's settings by name; empty when `Settings` was made without `load_settings`."""
        return self._platforms

    def api_url(self, platform: str) -> str | None:
        """The platform's REST base when its settings move it, else None (its public one)."""
        part = self._platforms.get(platform)
        return part.api_url() if part is not None else None

    def sign_ins(self) -> list[SignIn]:
        """The platforms members can sign in to the console with."""
        return [found for part in self._platforms.values() if (found := part.sign_in()) is not None]

    @property
    def config_folder(self) -> Path:
        """DIPLOBOT_CONFIG_DIR, or the defaults shipped in the package when it is unset."""
        return self.config_dir if self.config_dir is not None else packaged_config_dir()

    @property
    def rules_file(self) -> Path:
        """The rules file that seeds a new database; ConfigError naming DIPLOBOT_CONFIG_DIR when it is missing."""
        return self._config_file("rules.yaml")

    @property
    def feeds_file(self) -> Path:
        """The feeds file that seeds a new database; ConfigError naming DIPLOBOT_CONFIG_DIR when it is missing."""
        return self._config_file("feeds.yaml")

    def _config_file(self, name: str) -> Path:
        path = self.config_folder / name
        if self.config_dir is not None and not path.exists():
            what = "does not exist" if not self.config_dir.exists() else f"has no {name}"
            raise ConfigError(
                f"the folder {self.config_dir} {what}",
                file="environment",
                field="DIPLOBOT_CONFIG_DIR",
                expected="a folder holding rules.yaml and feeds.yaml; unset DIPLOBOT_CONFIG_DIR to use the defaults "
                f"shipped with diplobot ({packaged_config_dir()})",
            )
        return path


def packaged_config_dir() -> Path:
    """The default rules.yaml and feeds.yaml shipped in the package: the repository's config/ (linked as bot/config)."""
    return Path(str(resources.files("bot") / "config"))


def load_settings(**overrides: Any) -> Settings:
    """Read and validate the core's settings and every installed platform's (each class takes the `overrides`
    it knows); an invalid one raises ConfigError naming the variable."""
    settings = _validated(Settings, overrides)
    for ep in entry_points(group="diplobot.settings"):
        part = _validated(ep.load(), overrides)
        if not isinstance(part, PlatformSettings):
            raise TypeError(f"the settings of {ep.name} ({ep.value}) do not implement PlatformSettings")
        settings._platforms[ep.name] = part
    return settings


def _validated(kind: type[_S], overrides: Mapping[str, Any]) -> _S:
    """One settings class read and checked; ConfigError naming the variable when a value is invalid."""
    try:
        return kind(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else "?"
        message, expected = describe(err)
        raise ConfigError(
            message, file="environment", field=name, found=err.get("input"), expected=_expected(err) or expected
        ) from None


def _expected(err: object) -> str | None:
    kind = err.get("type", "") if isinstance(err, dict) else ""
    field = str(err["loc"][0]) if isinstance(err, dict) and err.get("loc") else ""
    if field.endswith("_PORT") and kind != "int_parsing":
        return "a port number from 1 to 65535 (0: any free port)"
    if field == "DIPLOBOT_LOG_LEVEL":
        return ", ".join(LOG_LEVELS)
    return {
        "bool_parsing": "a boolean (1/0, true/false)",
        "int_parsing": "a whole number",
        "float_parsing": "a number",
        "greater_than": "a positive number",
    }.get(kind)
