"""`diplobot check --json` run as a user would, for the tests of its contract and of the detector."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REPO
from tests.support.cli import diplobot


def check_json(*paths: Path, extra: tuple[str, ...] = ()) -> list[dict]:
    """Run `diplobot check --json` as a user would and parse its output."""
    result = diplobot("check", "--json", *extra, *map(str, paths), cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
