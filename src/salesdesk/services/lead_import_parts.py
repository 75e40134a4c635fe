"""A lead import's rows in parts, the big ones worked on by two processes at once.

What a row needs on its own (reading and checking it; then, for a row that duplicates no
other, its territory, score, segments, SLA and stored row) is done part by part; what
needs every row (duplicate groups, merges) stays with the import (services/import_leads).
A file of at least HELPER_MIN rows is cut in two: this process works on the first part
while a helper process works on the second, which halves the longest stretch of the
import on a machine with two cores or more. A smaller file is one part, done here.

The helper is a fresh interpreter (multiprocessing's "spawn": never a fork of a process
that runs Qt), spoken to through a pipe:
  here -> helper  Job: the part's row numbers and cells, and what reading and working out
                  a lead needs (Setup: plain data and the leads repository's row maker)
  helper -> here  Read: the part's duplicate keys, refusals and formula-like cells
  here -> helper  the row numbers that are in duplicate groups, or None to stop (a
                  preview, a refusal, a cancel)
  helper -> here  Done: the stored rows of the part's other rows, their labels and ids,
                  and the rows in groups as read (the import merges them)
If the helper cannot start, fails or dies, this process does its part itself: slower,
the same result. Nothing the helper does is written anywhere: only this process writes.
"""

from __future__ import annotations

import contextlib
import marshal
import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from itertools import compress
from operator import attrgetter
from typing import Any

from salesdesk.domain.leads import LeadData, company_key, person_key
from salesdesk.gc_pause import paused_gc
from salesdesk.services.lead_dedupe import Keys
from salesdesk.services.lead_enrichment import EnrichmentRules, LeadEnricher
from salesdesk.services.lead_rows import Owner, ReadRow, RowReader
from salesdesk.services.unit_of_work import RowMaker

BATCH = 5_000
"""Rows read at once (a column at a time, see services/lead_rows.py)."""
HELPER_MIN = 20_000
"""Rows from which a helper process takes half the file (below, starting it costs more
than it saves)."""
_WHO = attrgetter("email", "person_name", "company")
PREPARED = 2_000
"""Rows worked out ahead at a time (prepare), between looks at whether to stop."""
HERE_SHARE = 0.5
"""Rows this process reads and works out when a helper takes the rest."""
Tick = Callable[[int], None]
"""tick(rows of the file read so far): progress, and where a cancel is heard."""


@dataclass(frozen=True)
class Setup:
    """What reading and working out the rows of any part needs (it pickles)."""

    fields: dict[str, str]
    owners: list[Owner]
    zone: tzinfo
    now: datetime
    rules: EnrichmentRules
    rows: RowMaker


@dataclass
class Read:
    keys: list[Keys]
    refusals: list[str]
    """'row N, column 'X': message', in row order."""
    formulas: int


@dataclass
class Done:
    rows: list[Any] = field(default_factory=list)
    """Setup.rows of the rows in no duplicate group, ready to store."""
    ids: list[str] = field(default_factory=list)
    created: list[tuple[int, str]] = field(default_factory=list)
    """(row number, label) of the same rows."""
    grouped: list[ReadRow] = field(default_factory=list)


def label(lead: LeadData) -> str:
    """A lead as the import report names it: 'Ann Lee <ann@x.com>'."""
    who = lead.person_name or lead.email or lead.company
    return f"{who} <{lead.email}>" if lead.email and who != lead.email else who


class Part:
    """Rows of the file worked on in this process."""

    def __init__(self, setup: Setup, numbers: Sequence[int], cells: Sequence[list[str]]):
        self.setup, self.numbers, self.cells = setup, numbers, cells
        self._rows: list[ReadRow] = []
        self._ready: tuple[list[LeadData], list[Any]] = ([], [])
        """Rows worked out ahead (prepare): the leads and their stored rows, of the first
        rows of the part."""
        self._enrich: LeadEnricher | None = None

    def read(self, tick: Tick | None = None) -> Read:
        s = self.setup
        reader = RowReader(s.fields, s.owners, s.zone, s.now)
        refusals: list[str] = []
        for start in range(0, len(self.numbers), BATCH):
            end = start + BATCH
            read, refused = reader.read_columns(self.numbers[start:end],
                                                [c[start:end] for c in self.cells])
            self._rows += read
            refusals += [f"row {n}, column '{e.field}': {e.message}" for n, e in refused]
            if tick is not None:
                tick(min(end, len(self.numbers)))
        return Read(_keys(self._rows), refusals, reader.formulas)

    def prepare(self, stop: Callable[[], bool] | None = None) -> None:
        """Work rows out before knowing which are in duplicate groups, on copies (the
        rows in groups stay as read), PREPARED at a time until `stop()` says so: the
        helper all of its rows while the import groups them, the import as many of its
        own as it can while it waits for the helper's. finish() picks from them."""
        leads, rows = self._ready
        for start in range(len(leads), len(self._rows), PREPARED):
            if stop is not None and stop():
                return
            more, made = self._worked_out([_copy(r.lead) for r in
                                           self._rows[start:start + PREPARED]])
            leads += more
            rows += made

    def finish(self, grouped: set[int]) -> Done:
        """Rows in no group worked out and made ready to store; the others as read."""
        keep = [r.number not in grouped for r in self._rows]
        alone = list(compress(self._rows, keep))
        done = Done(grouped=[r for r in self._rows if r.number in grouped])
        ready, made = self._ready
        n = len(ready)
        rest, rest_made = self._worked_out([r.lead for r in compress(self._rows[n:],
                                                                     keep[n:])])
        leads = [*compress(ready, keep), *rest]
        done.rows = [*compress(made, keep), *rest_made]
        done.ids = [x.id for x in leads]
        done.created = [(r.number, label(r.lead)) for r in alone]
        return done

    def enricher(self) -> LeadEnricher:
        """The part's enricher (its caches warm from the rows it worked out)."""
        if self._enrich is None:
            self._enrich = LeadEnricher(self.setup.rules, self.setup.now)
        return self._enrich

    def _worked_out(self, leads: list[LeadData]) -> tuple[list[LeadData], list[Any]]:
        s = self.setup
        for lead in leads:  # arrived now: the SLA clock and the board agree on it
            lead.received_at = lead.received_at or s.now
        self.enricher().all(leads, arriving=True)
        return leads, s.rows(leads)


def _copy(lead: LeadData) -> LeadData:
    """A copy whose fields can be set without touching `lead` (lists are never changed in
    place, only replaced)."""
    twin = object.__new__(LeadData)
    twin.__dict__ = dict(lead.__dict__)
    return twin


def _keys(rows: Sequence[ReadRow]) -> list[Keys]:
    """The rows' duplicate keys (each distinct name and company keyed once)."""
    if not rows:
        return []
    emails, people, companies = zip(*(_WHO(r.lead) for r in rows), strict=True)
    pkey = {p: person_key(p) for p in set(people)}
    ckey = {c: company_key(c) for c in set(companies)}
    return [Keys(r.number, "", e, pkey[p], ckey[c])
            for r, e, p, c in zip(rows, emails, people, companies, strict=True)]


# --- the helper process -----------------------------------------------------------------
_SEPARATOR = "\x00"


def _packed(cells: list[str]) -> str | list[str]:
    """A column as one text (pickled as one block, not as many small strings: a tenth of
    a second less per 50,000 rows), unless a cell holds the separator itself."""
    text = _SEPARATOR.join(cells)
    return cells if text.count(_SEPARATOR) != max(len(cells) - 1, 0) else text


def _unpacked(column: str | list[str], n: int) -> list[str]:
    if isinstance(column, list):
        return column
    return column.split(_SEPARATOR) if n else []



def _send(conn: Any, kind: bytes, value: Any) -> None:
    """One message from the helper: marshal when the value is plain data (stored rows of
    SQLite: ten times faster to write than a pickle), else a pickle."""
    try:
        how, data = b"m", marshal.dumps(value)
    except ValueError:  # datetimes (rows for PostgreSQL), objects
        how, data = b"p", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    conn.send_bytes(kind + how + data)


def _receive(conn: Any) -> tuple[bytes, Any]:
    raw = memoryview(conn.recv_bytes())
    kind, how, data = bytes(raw[:1]), bytes(raw[1:2]), raw[2:]
    return kind, marshal.loads(data) if how == b"m" else pickle.loads(data)


def serve(conn: Any) -> None:
    """The helper's whole life: one Job, its Read, the grouped rows, its Done. Anything
    that goes wrong is sent back as a failure (with the traceback) instead."""
    sending: threading.Thread | None = None
    try:
        with paused_gc():  # as in the import itself (salesdesk/gc_pause.py)
            setup, numbers, packed, ahead = pickle.loads(conn.recv_bytes())
            part = Part(setup, numbers, [_unpacked(c, len(numbers)) for c in packed])
            read = part.read()
            sending = threading.Thread(target=_send, args=(conn, b"r", (
                [tuple(k) for k in read.keys], read.refusals, read.formulas)), daemon=True)
            sending.start()  # the import may be busy: do not wait for it to read
            if ahead:
                part.prepare()  # while the import groups the rows
            sending.join()
            grouped = conn.recv()
            if grouped is not None:
                done = part.finish(grouped)
                _send(conn, b"d", (done.rows, done.ids, done.created,
                                   pickle.dumps(done.grouped, pickle.HIGHEST_PROTOCOL)))
    except (EOFError, KeyboardInterrupt):
        pass  # the import went away (finished, cancelled, or its process died)
    except BaseException:  # noqa: BLE001 - reported to the import, which does the part itself
        with contextlib.suppress(Exception):
            if sending is not None:
                sending.join()  # one message at a time on the pipe
            _send(conn, b"f", traceback.format_exc())
    finally:
        conn.close()
    # Leave without tearing down a hundred thousand objects one by one (a fifth of a
    # second the import would wait for): nothing here is left to save or flush.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None in a windowed app
            with contextlib.suppress(Exception):
                stream.flush()
    os._exit(0)


class HelperFailed(Exception):
    """The helper process could not do its part (the import then does it itself)."""


class Helper:
    """The helper process: started as soon as the import knows its file is big (starting
    takes a few tenths of a second, spent while the import guesses the mapping), given
    the second part when the rows are ready. Falls back to a Part here."""

    def __init__(self) -> None:
        self.local: Part | None = None
        self.problem = ""
        """Why the helper was not used, if it was not (for tests and logs)."""
        self._conn: Any = None
        self._process: Any = None
        self._sending: threading.Thread | None = None
        self._done = False
        child = None
        try:
            context = multiprocessing.get_context("spawn")
            self._conn, child = context.Pipe()
            self._process = context.Process(target=serve, args=(child,), daemon=True,
                                            name="salesdesk-import-helper")
        except Exception as exc:  # noqa: BLE001 - no helper: the part is done here
            if child is not None:
                child.close()
            self._give_up(f"could not start: {exc}")
            return

        def start() -> None:
            """Starting waits for the new interpreter to take its arguments: not here."""
            try:
                self._process.start()
            finally:
                child.close()  # the helper's end, here: its ending is then seen as EOF
        self._send(None, before=start)

    def give(self, setup: Setup, numbers: Sequence[int], cells: Sequence[list[str]],
             ahead: bool) -> None:
        """The helper's part; `ahead`: the rows will be stored (see Part.prepare)."""
        self.local = Part(setup, numbers, cells)
        if not self.active:
            return
        try:
            job = pickle.dumps((setup, numbers, [_packed(c) for c in cells], ahead),
                               pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - e.g. a row maker that does not pickle
            self._give_up(f"could not be given its rows: {exc}")
            return
        self._send(job)

    def _send(self, data: bytes | Any, before: Callable[[], None] | None = None) -> None:
        """Send (`data`: pickled bytes, or an object small enough to pickle there) without
        waiting for the helper to read: it may still be starting, or busy. If sending
        fails, the helper is stopped, so that the next receive hears it ended."""
        previous = self._sending
        conn, process = self._conn, self._process

        def send() -> None:
            if previous is not None:  # in order, and never before the helper started
                previous.join()
            try:
                if before is not None:
                    before()
                if isinstance(data, bytes):
                    conn.send_bytes(data)
                elif data is not None:
                    conn.send(data)
            except Exception:  # noqa: BLE001 - no helper: the receive says so
                if process.pid is not None:
                    with contextlib.suppress(Exception):
                        process.kill()
        self._sending = threading.Thread(target=send, name="salesdesk-import-send",
                                         daemon=True)
        self._sending.start()

    def _join_sending(self) -> None:
        if self._sending is not None:
            self._sending.join()
            self._sending = None

    def _receive(self, kind: bytes) -> Any:
        try:
            got, value = _receive(self._conn)
        except (OSError, EOFError) as exc:
            raise HelperFailed(f"the helper process ended ({exc or 'no answer'})") from None
        except Exception as exc:  # noqa: BLE001 - a message that does not decode
            raise HelperFailed(f"the helper process sent what cannot be read ({exc})") \
                from None
        if got != kind:
            raise HelperFailed(f"the helper process failed:\n{value}")
        return value

    def has_news(self) -> bool:
        """Whether the helper has sent something (or ended) since the last receive."""
        return not self.active or bool(self._conn.poll())

    @property
    def active(self) -> bool:
        return self._conn is not None

    def read(self, tick: Tick | None = None) -> Read:
        """The helper's Read, or the part read here (`tick`: as for Part.read)."""
        assert self.local is not None, "give() first"
        if self.active:
            try:
                keys, refusals, formulas = self._receive(b"r")
                return Read([Keys._make(k) for k in keys], refusals, formulas)
            except HelperFailed as exc:
                self._give_up(str(exc))
        return self.local.read(tick)

    def start_finish(self, grouped: set[int]) -> None:
        """Let the helper work its rows out while this process works on its own."""
        if self.active:
            self._send(grouped)

    def finish(self, grouped: set[int]) -> Done:
        """The helper's Done (after start_finish), or the part done here."""
        assert self.local is not None, "give() first"
        if self.active:
            try:
                rows, ids, created, as_read = self._receive(b"d")
                grouped_rows = pickle.loads(as_read)
                self._done = True
                return Done(rows, ids, [tuple(c) for c in created], grouped_rows)
            except HelperFailed as exc:
                self._give_up(str(exc))
            except Exception as exc:  # noqa: BLE001 - rows as read that do not decode
                self._give_up(f"the helper process sent what cannot be read ({exc})")
            self.local.read()  # what the helper had read went with it
        return self.local.finish(grouped)

    def _give_up(self, why: str) -> None:
        self.problem = why
        self.close()

    def close(self) -> None:
        """Stop the helper (it has nothing to save: what it has not sent is not needed)
        and wait for it to end: stopped first, so that nothing waits on it."""
        if self._conn is None:
            return
        conn, process, self._conn = self._conn, self._process, None
        if not self._done and process is not None and process.pid is not None:
            process.terminate()
        self._join_sending()  # a send to a stopped helper fails at once
        if not self._done and process is not None and process.pid is not None:
            process.terminate()  # started while the sends were being joined
        conn.close()
        if process is not None and process.pid is not None:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()


def wanted(rows: int, helper: bool | None) -> bool:
    """Whether a file of `rows` rows is worth a helper (`helper`: the caller's say)."""
    return rows >= HELPER_MIN if helper is None else helper and rows > 1


class Parts:
    """The file's rows: one Part here and, with a Helper, the second part there (a little
    more than half of the rows: this process also groups them while the helper works out
    its rows ahead)."""

    def __init__(self, setup: Setup, numbers: Sequence[int], cells: Sequence[list[str]],
                 helper: Helper | None = None, ahead: bool = False):
        """`ahead`: the rows are going to be stored (an import, not a preview): with a
        helper, both processes work their rows out ahead (Part.prepare)."""
        cut = round(len(numbers) * HERE_SHARE) if helper is not None else len(numbers)
        self.here = Part(setup, numbers[:cut], [c[:cut] for c in cells])
        self.helper, self.ahead = helper, ahead
        if helper is not None:
            helper.give(setup, numbers[cut:], [c[cut:] for c in cells], ahead)

    def read(self, tick: Tick | None = None) -> Read:
        """Both parts read (the helper's at the same time); keys and refusals in row order.
        With a helper, this process works its rows out while it waits for the helper's
        (which does the same while this one groups them)."""
        here = len(self.here.numbers)
        total = here + (len(self.helper.local.numbers) if self.helper is not None
                        and self.helper.local is not None else 0)
        try:  # both parts go about as fast: this one's progress stands for the file's
            mine = self.here.read(None if tick is None else
                                  lambda n: tick(n * total // max(here, 1)))
            if self.helper is None:
                return mine
            if self.ahead and not mine.refusals:
                self.here.prepare(stop=self.helper.has_news)
            theirs = self.helper.read(None if tick is None else lambda n: tick(here + n))
        except BaseException:
            self.close()
            raise
        return Read(mine.keys + theirs.keys, mine.refusals + theirs.refusals,
                    mine.formulas + theirs.formulas)

    def finish(self, grouped: set[int]) -> Done:
        """Both parts' Done (the helper's at the same time), in row order."""
        try:
            if self.helper is not None:
                self.helper.start_finish(grouped)
            mine = self.here.finish(grouped)
            theirs = self.helper.finish(grouped) if self.helper is not None else Done()
        finally:
            self.close()
        return Done(mine.rows + theirs.rows, mine.ids + theirs.ids,
                    mine.created + theirs.created, mine.grouped + theirs.grouped)

    def close(self) -> None:
        if self.helper is not None:
            self.helper.close()

