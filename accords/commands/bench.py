"""``accords bench``: the scaling benchmark (needs a source checkout: it lives in benchmarks/)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Attach ``bench`` to the ``accords`` group."""

    @group.command(context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def bench(args: tuple[str, ...]) -> None:
        """Floor vs pipeline on synthetic corpora: SIZES... [--repeats N] [--workers N] [--seed N].

        Results go to benchmarks/results/bench-<size>.json; `python -m benchmarks.plot` draws them.
        """
        try:
            from benchmarks.bench import main as bench_main
        except ImportError as exc:
            raise click.ClickException("accords bench runs from a source checkout (benchmarks/ not found)") from exc
        raise SystemExit(bench_main(list(args)))
