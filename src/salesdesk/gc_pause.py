"""Pausing Python's cyclic garbage collector around bulk work.

An import builds a few hundred thousand small objects (rows, leads, keys) and keeps them
until it ends; none of them form reference cycles. The collector, triggered again and
again by the allocations, walks all of them each time: about a third of an import's time
(100,000 leads: 13 s instead of 18 s on the benchmark machine). Pausing it for the
duration is safe: it runs again, with one collection, when the work ends. Nested pauses
resume only at the outermost one. The collector is process-wide, so other threads'
cycles wait too, for the seconds the work takes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
        _depth += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                _to_oldest()
                gc.enable()


def _to_oldest() -> None:
    """Move every object the collector tracks into its oldest generation. Left young,
    the hundreds of thousands of objects made while paused would be walked by the very
    next collection (a third of a second after a 100,000-row import), and again as they
    age; in the oldest generation they wait for a full collection, which runs only once
    the objects that survived collections grow by a quarter. Cycles among them are
    collected then."""
    gc.freeze()
    gc.unfreeze()
