"""Benchmarks: synthetic corpus generator and the harness behind `accords bench` / `nox -s bench`."""
