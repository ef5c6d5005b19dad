"""Start-up time of the command line: `diplobot --help` and `import bot.cli`, as a user's shell runs them.

Usage: python bench/startup.py [--runs N]

Each figure is the median (and the fastest) wall time of N fresh processes, after one warm-up run that
writes the bytecode caches (PYTHONDONTWRITEBYTECODE is dropped from the children's environment: a
user's venv keeps its caches). `python -c pass` is the floor: the interpreter and the venv's site
start-up, which no change to diplobot can remove. The load average is printed because on a shared
machine it moves every figure; compare figures taken at similar loads. Target: `diplobot --help`
under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIPLOBOT = Path(sys.executable).with_name("diplobot")


def timed(argv: list[str], runs: int) -> list[float]:
    """Wall times of `runs` fresh processes running argv (after one warm-up)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    cases = [
        ("python -c pass (the floor)", [sys.executable, "-c", "pass"]),
        ("python -c 'import bot.cli'", [sys.executable, "-c", "import bot.cli"]),
        ("diplobot --help", [str(DIPLOBOT), "--help"]),
        ("diplobot brief --help", [str(DIPLOBOT), "brief", "--help"]),
    ]
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {runs} runs each")
    print(f"{'command':32} {'median':>8} {'fastest':>8}")
    for label, argv in cases:
        times = timed(argv, runs)
        print(f"{label:32} {statistics.median(times):7.3f}s {min(times):7.3f}s")


if __name__ == "__main__":
    main()
