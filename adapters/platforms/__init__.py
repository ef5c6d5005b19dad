"""What Slack and Discord accept, shared by the faces that post to them; imports no adapter.

- `slack_blocks`: pure Block Kit rendering (the Slack app, and Slack incoming webhooks without buttons);
- `discord_embeds`: pure Discord message rendering (the Discord bot, and Discord webhooks);
- `discord_errors`: discord.py and network failures as the core's Retryable and Permanent;
- `discord_rest`: one Discord sender's own REST base (webhooks, interaction answers), not discord.py's global.
"""
