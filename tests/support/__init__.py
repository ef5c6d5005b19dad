"""Shared test helpers and fixtures, loaded as pytest plugins by tests/conftest.py (`pytest_plugins`)."""
