"""bench/detect.py --against: this tree's detection timed against another checkout's, in the same run."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import REPO


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "detect.py"), *args], capture_output=True, text=True, timeout=600
    )


def test_against_a_checkout_prints_both_figures_their_ratio_and_whether_detections_agree() -> None:
    # The same checkout on both sides: the two workers must find the same detections on every chunk.
    done = run_bench("--against", str(REPO), "--sizes", "10", "--articles", "24", "--chunk", "8", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.split()[:1] == ["10"])
    rules, this_rate, other_rate, ratio, same = row.split()
    assert int(this_rate) > 0 and int(other_rate) > 0
    assert re.fullmatch(r"\d+\.\d{3}x", ratio)
    assert same == "yes"


def test_against_a_folder_that_is_no_checkout_says_so() -> None:
    done = run_bench("--against", str(REPO / "docs"), "--sizes", "10", "--articles", "8")
    assert done.returncode == 2
    assert "not a checkout of this project" in done.stderr
