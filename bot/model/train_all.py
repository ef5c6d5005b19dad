"""Train every learned model (relevance, then the event types) from one reading of the development items.

    python -m bot.model.train_all [--check] [--choose-bars]

Runs `python -m bot.model.train` and `python -m bot.model.train_events` in one process: each development item is
read by the detector once for both (the trainers' reading is cached per process), and scikit-learn is imported
once. The files written, and the `--check` verdicts, are those of the two trainers run alone.
Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import argparse

from bot.model import train, train_events


def main(argv: list[str] | None = None) -> int:
    """Run both trainers (with --check: both checks); exit status 1 when either check fails."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="retrain and compare with the shipped weights")
    parser.add_argument(
        "--choose-bars",
        action="store_true",
        help="also choose the event models' LOW and HIGH bars and the relevance threshold on today's data "
        "(bot/model/bars.json; otherwise kept)",
    )
    args = parser.parse_args(argv)
    flags = ["--check"] if args.check else []
    choose = ["--choose-bars"] if args.choose_bars else []
    return max(train.main(flags + choose), train_events.main(flags + choose))


if __name__ == "__main__":
    raise SystemExit(main())
