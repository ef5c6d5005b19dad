"""terminal package."""
