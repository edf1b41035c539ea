"""atheris fuzz target: arbitrary bytes through decode, normalise, clean and process_file.

Run with ``nox -s fuzz -- SECONDS`` (or ``python tests/fuzz/fuzz_decode.py
-max_total_time=N``). A crash is any exception other than ``Rejected`` from
decode, any exception at all from process_file, or a normalised text that is
not a fixed point of normalize.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from accords.etl.clean import clean
    from accords.etl.decode import Rejected, decode
    from accords.etl.document import process_file
    from accords.etl.ingest import RawFile
    from accords.etl.normalize import normalize


def test_one_input(data: bytes) -> None:
    """Check the stage invariants on one input; raise to report a finding."""
    result = process_file(RawFile("fuzz.txt", data, len(data)))
    if result.document is not None:
        text = result.document["text"]
        if normalize(text) != text:
            raise AssertionError("document text is not a fixed point of normalize")
    try:
        decoded = decode(data)
    except Rejected:
        return
    once = normalize(decoded.text)
    if normalize(once) != once:
        raise AssertionError("normalize is not idempotent")
    clean(once)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
