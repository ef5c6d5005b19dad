"""Benchmarks and evaluations: scripts that print figures."""
