"""Where the shared data (eval-dev, feeds) is: used by the benches' defaults and by the tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """$DIPLOBOT_SHARED_DIR, else `shared/` beside this checkout, else beside the checkout this one was
    cloned from (a clone made in a temporary folder finds it that way); absent, the path beside."""
    if os.environ.get("DIPLOBOT_SHARED_DIR"):
        return Path(os.environ["DIPLOBOT_SHARED_DIR"])
    beside = REPO.parent / "shared"
    if beside.is_dir():
        return beside
    try:
        origin = subprocess.run(
            ["git", "-C", str(REPO), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        origin = ""
    if origin and "://" not in origin and ":" not in origin.split("/", 1)[0] and Path(origin).is_dir():
        candidate = Path(origin).resolve().parent / "shared"
        if candidate.is_dir():
            return candidate
    return beside
