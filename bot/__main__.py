"""`python -m bot` runs the diplobot CLI."""

from bot.cli import main

main()
