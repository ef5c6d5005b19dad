"""Alerts: the outbox rows a story change causes (`queue`), the worker that sends them (`outbox`), digests (`digest`)."""
