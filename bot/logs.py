"""JSON log lines (DIPLOBOT_LOG_JSON=1) carrying feed, rule and channel context."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

CONTEXT_KEYS = ("feed", "rule", "channel", "delivery", "story", "tenant")
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, context keys, exception."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a JSON line."""
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in CONTEXT_KEYS:
            value = getattr(record, key, None)
            if value is not None:
                data[key] = value
        for key, value in record.__dict__.items():  # any other `extra={...}` field, e.g. counts and durations
            if key not in _STANDARD and key not in data and not key.startswith("_") and value is not None:
                data[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        if record.exc_info and record.exc_info[0] is not None:
            data["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
        return json.dumps(data, ensure_ascii=False)


class MaskingFormatter(logging.Formatter):
    """Wraps a formatter so that no log line shows a webhook token (`bot.masking.mask_secrets`).

    Delivery logs name their channel, and a `webhook:` channel's URL is its secret; masking the
    finished line also covers exception texts and `extra` context, whoever logged them.
    """

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        """The inner formatter's line, masked."""
        from bot.masking import mask_secrets

        return mask_secrets(self.inner.format(record))
