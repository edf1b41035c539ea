"""Find input files and read their bytes, turning every failure into a recorded reason.

Nothing here raises for a single bad file: a file that cannot be read becomes a
:class:`RawFile` with ``error_code`` set, which ends up as a ``rejected`` row of
the ``sources`` table. Only a missing or unreadable input *folder* is fatal.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from accords.errors import InputError

#: Files larger than this are rejected as ``too_large`` without being read whole.
#: A news article is a few kB; 20 MiB leaves room for pages with inline data.
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RawFile:
    """One input file as read from disk (``data`` is None when it could not be read)."""

    source_path: str
    data: bytes | None
    size: int | None
    error_code: str | None = None
    error: str | None = None

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None


@dataclass(frozen=True, slots=True)  # slots: a folder of a million files is a million of these
class Entry:
    """A path found under the input folder, before reading."""

    source_path: str  # relative, '/'-separated, always valid UTF-8
    problem_code: str | None = None
    problem: str | None = None
    #: The name on disk when it differs from ``source_path`` (a name that is not
    #: valid UTF-8 is shown with its bad bytes escaped, e.g. ``caf\\xe9.txt``).
    fs_path: str | None = None


def discover(root: Path) -> list[Entry]:
    """Every file-like entry below ``root`` in a stable (sorted) order.

    Directories are descended without following symlinks, so a symlink loop
    cannot trap the walk; a symlink to a directory, a socket or a FIFO becomes
    an entry with a problem instead of being skipped silently.
    """
    if not root.exists():
        raise InputError(f"input folder {str(root)!r} does not exist")
    if not root.is_dir():
        raise InputError(f"input path {str(root)!r} is not a folder")
    try:
        os.listdir(root)
    except OSError as exc:
        raise InputError(f"cannot list input folder {str(root)!r}: {exc.strerror}") from exc
    return sorted(_walk(root, ""), key=lambda e: e.source_path)


def _walk(root: Path, prefix: str) -> Iterator[Entry]:
    # Entries are made while the folder is read (never a list of every DirEntry of a
    # million-entry folder); sub-folders are walked after it is closed, so only one
    # folder is open at a time however deep the tree.
    subfolders: list[str] = []
    try:
        with os.scandir(root / prefix if prefix else root) as it:
            for child in it:
                yield from _child(child, prefix, subfolders)
    except OSError as exc:
        yield Entry(prefix.rstrip("/") or ".", "unreadable", f"cannot list folder: {exc.strerror}")
    for sub in subfolders:
        yield from _walk(root, sub + "/")


def _child(child: os.DirEntry[str], prefix: str, subfolders: list[str]) -> Iterator[Entry]:
    """The entry of one folder member (a sub-folder is noted in ``subfolders`` instead)."""
    rel = prefix + child.name
    shown = _printable(rel)
    if shown != rel:
        yield from _entry_for(child, rel, shown)
        return
    try:
        if child.is_dir(follow_symlinks=False):
            subfolders.append(rel)
            return
        if child.is_symlink():
            try:
                target = os.stat(child.path)
            except OSError as exc:
                yield Entry(rel, "unreadable", f"broken or looping symlink: {exc.strerror}")
                return
            if stat.S_ISDIR(target.st_mode):
                yield Entry(rel, "not_a_file", "symlink to a folder (not followed, to avoid loops)")
                return
        if not child.is_file(follow_symlinks=True):
            yield Entry(rel, "not_a_file", "not a regular file (socket, FIFO or device)")
            return
    except OSError as exc:
        yield Entry(rel, "unreadable", f"cannot stat: {exc.strerror}")
        return
    yield Entry(rel)


def _printable(rel: str) -> str:
    """``rel`` with the undecodable bytes of a non-UTF-8 file name escaped (\\xe9), so it
    can be stored as text; os.scandir hands such bytes over as lone surrogates."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return os.fsencode(rel).decode("utf-8", errors="backslashreplace")


def _entry_for(child: os.DirEntry[str], rel: str, shown: str) -> Iterator[Entry]:
    """The entry of a file whose name is not valid UTF-8 (folders below it are not walked)."""
    try:
        if child.is_file(follow_symlinks=False):
            yield Entry(shown, fs_path=rel)
        else:
            yield Entry(shown, "not_a_file", "not a regular file, and its name is not valid UTF-8")
    except OSError as exc:
        yield Entry(shown, "unreadable", f"cannot stat: {exc.strerror}")


def read(root: Path, entry: Entry, max_bytes: int = MAX_FILE_BYTES) -> RawFile:
    """Read one entry's bytes, never raising: failures come back as ``error_code``."""
    if entry.problem_code:
        return RawFile(entry.source_path, None, None, entry.problem_code, entry.problem)
    path = root / (entry.fs_path or entry.source_path)
    try:
        # O_NONBLOCK: a file replaced by a FIFO after discovery must not block the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return RawFile(entry.source_path, None, None, "unreadable", "file vanished before it could be read")
    except IsADirectoryError:
        return RawFile(entry.source_path, None, None, "not_a_file", "became a folder during the run")
    except OSError as exc:
        return RawFile(entry.source_path, None, None, "unreadable", f"cannot open: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            return RawFile(entry.source_path, None, None, "not_a_file", "became a folder during the run")
        if not stat.S_ISREG(st.st_mode):
            return RawFile(entry.source_path, None, None, "not_a_file",
                           "not a regular file (socket, FIFO or device)")
        # Checked before reading: a huge file is never loaded into memory.
        if st.st_size > max_bytes:
            return RawFile(entry.source_path, None, st.st_size, "too_large",
                           f"file is {st.st_size} bytes; the limit is {max_bytes} bytes")
        with open(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return RawFile(entry.source_path, None, None, "unreadable", f"cannot read: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while we read it
        return RawFile(entry.source_path, None, len(data), "too_large",
                       f"file is over the limit of {max_bytes} bytes")
    return RawFile(entry.source_path, data, len(data))
