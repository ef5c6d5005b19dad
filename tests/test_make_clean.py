"""`make clean` removes build and test artefacts and keeps the user's database in var/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_clean_keeps_the_database(tmp_path: Path) -> None:
    """Run the real recipe in a copy of the Makefile; var/diplobot.db survives, artefacts go."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "var").mkdir()
    db = tmp_path / "var" / "diplobot.db"
    db.write_bytes(b"SQLite format 3\x00user data")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    artefacts = [tmp_path / ".pytest_cache", tmp_path / "diplobot.egg-info", tmp_path / "bot" / "__pycache__"]
    for path in artefacts:
        path.mkdir(parents=True)

    subprocess.run(["make", "clean", f"VENV={venv}"], cwd=tmp_path, check=True, capture_output=True, timeout=30)

    assert db.read_bytes() == b"SQLite format 3\x00user data"
    assert not venv.exists()
    assert [path for path in artefacts if path.exists()] == []
