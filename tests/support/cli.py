"""`diplobot ARGS` in a subprocess, as the operator types it: the CLI tests' one way to run the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def diplobot(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` with the test's environment on top of ours; the caller checks the exit code."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        check=False,
    )
