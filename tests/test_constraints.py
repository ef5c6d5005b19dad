"""Reproducible installs (issue 16, item 11): constraints.txt pins the dependency closure that the suite passes with.

The file must admit pyproject.toml's ranges and be exactly what is installed here; `make install` and the
Dockerfile install with it. Where the venv was upgraded by hand, or pyproject.toml changed without re-pinning,
this fails and says which package and what to run.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.lockfile import CONSTRAINTS, closure, differences, out_of_range, read, render

REPO = Path(__file__).resolve().parent.parent
FIX = "install the pinned set with `make install`, or after a tested upgrade re-pin with `make constraints`"


def test_every_pyproject_requirement_is_pinned_inside_its_range() -> None:
    problems = out_of_range((REPO / "pyproject.toml").read_text(encoding="utf-8"), read())
    assert problems == [], f"constraints.txt disagrees with pyproject.toml ({FIX}): " + "; ".join(problems)


def test_the_installed_closure_is_exactly_the_pinned_set() -> None:
    problems = differences(closure(), read())
    assert problems == [], f"the installed packages differ from constraints.txt ({FIX}): " + "; ".join(problems)


def test_the_file_is_as_make_constraints_writes_it() -> None:
    assert CONSTRAINTS.read_text(encoding="utf-8") == render(read()), (
        "constraints.txt was edited by hand; run make constraints"
    )


def test_a_range_that_excludes_a_pin_or_a_changed_install_is_caught() -> None:
    """The checks themselves: a pyproject range moved past the pin, and an installed set that drifted."""
    pins = read()
    name, version = pins["aiohttp"]
    assert out_of_range(f'[project]\ndependencies = ["aiohttp>{version}"]\n', pins) == [
        f"aiohttp>{version}: pinned at {version}"
    ]
    assert out_of_range('[project]\ndependencies = ["left-pad>=1"]\n', pins) == ["left-pad>=1: not pinned"]
    drifted = {**pins, "aiohttp": (name, "0.0.1"), "left-pad": ("left-pad", "1.0")}
    del drifted["yarl"]
    assert differences(drifted, pins) == [
        f"aiohttp is installed at 0.0.1, pinned at {version}",
        "left-pad==1.0 is installed and not pinned",
        f"yarl=={pins['yarl'][1]} is pinned and no longer required",
    ]


def test_make_install_and_the_dockerfile_install_with_the_constraints() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    stamp = re.search(r"(?m)^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", makefile)
    assert stamp, "no $(STAMP) rule in the Makefile"
    assert "constraints.txt" in stamp.group(1) or "$(CONSTRAINTS)" in stamp.group(1)  # a new pin reinstalls
    assert re.search(r"pip install .*-c (constraints\.txt|\$\(CONSTRAINTS\)) .*-e", stamp.group(2))
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^COPY .*constraints\.txt", dockerfile)
    assert re.search(r"pip install -c constraints\.txt \.", dockerfile)
