"""Giving freed memory back to the operating system between steps of the driver.

Freed memory does not leave the process by itself: glibc keeps freed blocks of its heaps
(Python's large objects, numpy arrays and Arrow buffers of the system pool) for reuse, and
after a large block is freed it raises its threshold for serving blocks by ``mmap``, so
later buffers of a few MB come from the heap too. A loop that reads a table per step then
climbs by a few MB a step although nothing stays alive (+150 MB over the 50 cache segments
of 100k documents). ``malloc_trim`` returns those pages; a few ms, called per step of a
corpus-wide loop, never per document.

Polars does not use glibc: its wheels bring their own jemalloc, whose freed pages are only
returned after a decay time (10 s by default), so ``malloc_trim`` cannot release them.
``accords/__init__.py`` sets ``_RJEM_MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0`` (unless
set already) before polars is imported: freed polars buffers leave the process at once.
"""

from __future__ import annotations

import ctypes
import functools
import gc
from collections.abc import Callable

import pyarrow as pa


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    # The C library already loaded in this process (dlopen(NULL)); not ctypes.util.find_library,
    # which runs ldconfig in a subprocess: a fork of the driver, whose RSS then counts as a
    # child's peak (and costs a fork of a process of several hundred MB).
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows): nothing to trim
        return None
    return trim


def release_memory(collect: bool = True) -> None:
    """Collect reference cycles (when ``collect``), release Arrow's unused pool memory, and
    trim glibc's heaps."""
    if collect:
        gc.collect()
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
