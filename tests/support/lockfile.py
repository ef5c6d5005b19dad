"""constraints.txt: the exact versions of diplobot's dependency closure, read from the installed environment.

`make constraints` (this module run as a script) writes the file from the venv after a dependency change was
installed and tested; `make install` and the Dockerfile install with `-c constraints.txt`, so every install
gets the versions the suite passed with; tests/test_constraints.py fails when the file, pyproject.toml's
ranges and the installed set disagree. The closure is what `diplobot[test,train,check]` requires, recursively,
with each package's environment markers read for this interpreter and platform (CI and the Docker image:
Linux, Python 3.11).
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
CONSTRAINTS = REPO / "constraints.txt"
PROJECT = "diplobot"
EXTRAS = ("test", "train", "check")
HEADER = """\
# The versions diplobot's dependency closure is installed at (make install, the Dockerfile): pip's `-c`.
# Generated from a working venv by `make constraints`; tests/test_constraints.py checks it against
# pyproject.toml's ranges and against the installed packages. Do not edit by hand.
"""


def closure(project: str = PROJECT, extras: tuple[str, ...] = EXTRAS) -> dict[str, tuple[str, str]]:
    """Every installed distribution `project[extras]` needs: canonical name -> (name, version); the project left out.

    A requirement that is not installed raises PackageNotFoundError naming it.
    """
    found: dict[str, tuple[str, str]] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo: list[tuple[str, frozenset[str]]] = [(project, frozenset(extras))]
    while todo:
        name, wanted = todo.pop()
        key = canonicalize_name(name)
        if (key, wanted) in seen:
            continue
        seen.add((key, wanted))
        dist = distribution(name)
        if key != canonicalize_name(project):
            found[key] = (dist.metadata["Name"], dist.version)
        for line in dist.requires or []:
            req = Requirement(line)
            # "" stands for "no extra": a plain requirement, or one marked only by platform or Python version.
            if req.marker is None or any(req.marker.evaluate({"extra": extra}) for extra in {"", *wanted}):
                todo.append((req.name, frozenset(req.extras)))
    return found


def render(pins: dict[str, tuple[str, str]]) -> str:
    """The file's text: the header, then `Name==version` lines sorted as pip freeze sorts them."""
    lines = [f"{name}=={version}" for name, version in sorted(pins.values(), key=lambda p: p[0].lower())]
    return HEADER + "\n".join(lines) + "\n"


def read(path: Path = CONSTRAINTS) -> dict[str, tuple[str, str]]:
    """The pins of a constraints file: canonical name -> (name, version)."""
    pins: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = (name.strip(), version.strip())
    return pins


def out_of_range(pyproject: str, pins: dict[str, tuple[str, str]]) -> list[str]:
    """Each requirement of pyproject.toml (dependencies and extras) whose package is not pinned, or pinned outside its range."""
    project = tomllib.loads(pyproject)["project"]
    lines = [
        *project.get("dependencies", []),
        *(r for extra in project.get("optional-dependencies", {}).values() for r in extra),
    ]
    problems = []
    for line in lines:
        req = Requirement(line)
        pin = pins.get(canonicalize_name(req.name))
        if pin is None:
            problems.append(f"{line}: not pinned")
        elif not req.specifier.contains(pin[1], prereleases=True):
            problems.append(f"{line}: pinned at {pin[1]}")
    return problems


def differences(installed: dict[str, tuple[str, str]], pins: dict[str, tuple[str, str]]) -> list[str]:
    """How the installed closure differs from the pins: a package missing from either side, or at another version."""
    problems = []
    for key in sorted(installed.keys() | pins.keys()):
        if key not in pins:
            problems.append(f"{installed[key][0]}=={installed[key][1]} is installed and not pinned")
        elif key not in installed:
            problems.append(f"{pins[key][0]}=={pins[key][1]} is pinned and no longer required")
        elif installed[key][1] != pins[key][1]:
            problems.append(f"{pins[key][0]} is installed at {installed[key][1]}, pinned at {pins[key][1]}")
    return problems


def main() -> int:
    """Write constraints.txt from this interpreter's environment."""
    try:
        pins = closure()
    except PackageNotFoundError as exc:
        print(f"cannot pin: {exc.name} is required but not installed; run `make install` first", file=sys.stderr)
        return 1
    CONSTRAINTS.write_text(render(pins), encoding="utf-8")
    print(f"{CONSTRAINTS.name}: {len(pins)} packages pinned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
