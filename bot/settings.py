"""Typed settings from the environment (and an optional .env), checked once at start-up."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError
from bot.validation import describe

DEFAULT_DB = "sqlite+aiosqlite:///var/diplobot.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Settings(BaseSettings):
    """Every setting diplobot reads; secrets come only from the environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

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

    slack_bot_token: str | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_app_token: str | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: str | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str | None = Field(None, alias="SLACK_API_URL")
    slack_host: str = Field("0.0.0.0", alias="SLACK_HOST")
    slack_port: int = Field(3000, alias="SLACK_PORT", ge=0, le=65535)
    slack_path: str = Field("/slack/events", alias="SLACK_PATH")
    slack_admin_users: str = Field("", alias="SLACK_ADMIN_USERS")
    slack_flash_usergroup: str | None = Field(None, alias="SLACK_FLASH_USERGROUP")
    slack_client_id: str | None = Field(None, alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(None, alias="SLACK_CLIENT_SECRET")
    slack_authorize_url: str = Field("https://slack.com/openid/connect/authorize", alias="SLACK_AUTHORIZE_URL")

    discord_token: str | None = Field(None, alias="DISCORD_TOKEN")
    discord_api_url: str | None = Field(None, alias="DISCORD_API_URL")
    discord_gateway_url: str | None = Field(None, alias="DISCORD_GATEWAY_URL")
    discord_dev_guild: int | None = Field(None, alias="DISCORD_DEV_GUILD")
    discord_admin_role: str | None = Field(None, alias="DISCORD_ADMIN_ROLE")
    discord_flash_role: int | None = Field(None, alias="DISCORD_FLASH_ROLE")
    discord_shard_count: int | None = Field(None, alias="DISCORD_SHARD_COUNT")
    discord_client_id: str | None = Field(None, alias="DISCORD_CLIENT_ID")
    discord_client_secret: str | None = Field(None, alias="DISCORD_CLIENT_SECRET")
    discord_authorize_url: str = Field("https://discord.com/oauth2/authorize", alias="DISCORD_AUTHORIZE_URL")

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
    """Read and validate settings; an invalid one raises ConfigError naming the variable."""
    try:
        return Settings(**overrides)
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
