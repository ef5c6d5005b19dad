"""The Discord adapter's settings (`DISCORD_*`): the bot's token and endpoints, its roles, and the console's
sign-in with Discord, which the core reads through `bot.settings.PlatformSettings`."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings

from bot.settings import SETTINGS_CONFIG, Admins, SignIn

PUBLIC_API = "https://discord.com/api/v10"


class DiscordSettings(BaseSettings):
    """Every `DISCORD_*` variable; the adapter starts when DISCORD_TOKEN is set."""

    model_config = SETTINGS_CONFIG

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

    @property
    def rest_base(self) -> str:
        """Where the bot's REST calls go: DISCORD_API_URL, else Discord's public API."""
        return (self.discord_api_url or PUBLIC_API).rstrip("/")

    def api_url(self) -> str | None:
        """DISCORD_API_URL, when set (it also moves where Discord webhooks are sent)."""
        return self.discord_api_url

    def sign_in(self) -> SignIn | None:
        """Sign in with Discord when DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET are set; DISCORD_TOKEN reads
        the members' roles for DISCORD_ADMIN_ROLE."""
        if not (self.discord_client_id and self.discord_client_secret):
            return None
        return SignIn(
            platform="discord",
            client_id=self.discord_client_id,
            client_secret=self.discord_client_secret,
            authorize_url=self.discord_authorize_url,
            api_url=self.rest_base,
            bot_token=self.discord_token,
            admins=Admins(role=self.discord_admin_role),
        )
