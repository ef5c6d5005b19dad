"""The Slack adapter's settings (`SLACK_*`): the bot's tokens and transport, its admins, and the console's
sign-in with Slack, which the core reads through `bot.settings.PlatformSettings`."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings

from bot.settings import SETTINGS_CONFIG, Admins, SignIn

PUBLIC_API = "https://slack.com/api/"


class SlackSettings(BaseSettings):
    """Every `SLACK_*` variable; the adapter starts when SLACK_BOT_TOKEN is set."""

    model_config = SETTINGS_CONFIG

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

    @property
    def admin_users(self) -> frozenset[str]:
        """SLACK_ADMIN_USERS: the user ids that are admins whatever Slack says of them."""
        return frozenset(u.strip() for u in self.slack_admin_users.split(",") if u.strip())

    def api_url(self) -> str | None:
        """SLACK_API_URL, when set."""
        return self.slack_api_url

    def sign_in(self) -> SignIn | None:
        """Sign in with Slack when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set; SLACK_BOT_TOKEN reads admins."""
        if not (self.slack_client_id and self.slack_client_secret):
            return None
        return SignIn(
            platform="slack",
            client_id=self.slack_client_id,
            client_secret=self.slack_client_secret,
            authorize_url=self.slack_authorize_url,
            api_url=(self.slack_api_url or PUBLIC_API).rstrip("/") + "/",
            bot_token=self.slack_bot_token,
            admins=Admins(users=self.admin_users),
        )
