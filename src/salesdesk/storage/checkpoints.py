"""Moving a big write's pages from the write-ahead log into the database file, after the
write and off its path.

SQLite (in WAL mode) checkpoints when a commit leaves more than a thousand pages in the
log, in the committing call: after an import of 100,000 leads that is ~160 MB copied
and synced before the import returns, a quarter of a second of the user's wait. A bulk
write (storage/lead_bulk.py) turns that off for its connection (`defer`); when the
connection goes back to the pool, the automatic checkpoint is turned back on and one
checkpoint runs on a connection of its own in a background thread (PASSIVE: it never
blocks readers or writers and leaves what it cannot copy yet for the next one). The
commit is as durable either way: with synchronous=NORMAL a WAL commit is not synced;
a checkpoint is. Workspace.close() waits for the checkpoint (`wait`).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

AUTOCHECKPOINT_PAGES = 1000
"""SQLite's default, restored after a bulk write."""
_lock = threading.Lock()
_running: dict[str, threading.Thread] = {}


def defer(execute: Any) -> None:
    """Turn the commit's automatic checkpoint off for this connection (`execute` as in
    storage.lead_bulk); it comes back with `restore`, when the connection is checked in."""
    execute("PRAGMA wal_autocheckpoint=0", ())


def restore(dbapi_connection: sqlite3.Connection | None, path: str) -> None:
    """On check-in: if a bulk write deferred the checkpoint, start it in the background."""
    if dbapi_connection is None or not path:
        return
    try:
        pages = dbapi_connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        if pages:
            return
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    except sqlite3.Error:
        return  # a connection being thrown away: nothing to restore
    with _lock:
        if path in _running and _running[path].is_alive():
            return  # one is under way: it copies what is committed when it starts
        thread = threading.Thread(target=_checkpoint, args=(path,), daemon=True,
                                  name="salesdesk-checkpoint")
        _running[path] = thread
        thread.start()


def _checkpoint(path: str) -> None:
    uri = f"file:{quote(Path(path).as_posix())}?mode=rw"  # never create a missing file
    with contextlib.suppress(sqlite3.Error):  # the next automatic checkpoint does it
        conn = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()


def wait(path: str) -> None:
    """Wait for the background checkpoint of the workspace at `path`, if one runs."""
    with _lock:
        thread = _running.pop(path, None)
    if thread is not None:
        thread.join()
