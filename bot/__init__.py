"""diplobot: watches the news for diplomatic developments and alerts the channels that care."""

__version__ = "0.1.0"
