"""The exceptions accords raises, each with a message a user can act on.

Everything derives from :class:`AccordsError`, so callers can catch one type.
The CLI maps each class to an exit code (see ``EXIT_CODES``).
"""

from __future__ import annotations

from typing import Any


class AccordsError(Exception):
    """Base class of every error accords raises on purpose."""

    exit_code = 1


class InputError(AccordsError):
    """The input folder is missing, not a folder, or cannot be listed."""

    exit_code = 2


class OutputError(AccordsError):
    """The output folder cannot be created or written."""

    exit_code = 3


class LockError(OutputError):
    """Another accords run holds the output folder's lock."""

    exit_code = 4


class VersionNotFoundError(AccordsError):
    """The requested dataset version does not exist in the output folder."""

    exit_code = 5


class ContractViolation(AccordsError):
    """Rows break a table contract or a cross-table rule; nothing was published.

    ``report`` is a JSON-serialisable dict: one entry per failure with the
    table, column, check and sample failing rows.
    """

    exit_code = 6

    def __init__(self, message: str, report: dict[str, Any]) -> None:
        super().__init__(message)
        self.report = report


class IntegrityError(AccordsError):
    """A published file does not match its manifest (digest, size or row count)."""

    exit_code = 7


EXIT_CODES = {
    cls.__name__: cls.exit_code
    for cls in (
        AccordsError,
        InputError,
        OutputError,
        LockError,
        VersionNotFoundError,
        ContractViolation,
        IntegrityError,
    )
}
