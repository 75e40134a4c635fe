"""Running user actions off the UI thread, one at a time, and announcing what changed.

Every database call from the UI goes through `Ops`: jobs run on a single serial worker
thread (so the workspace sees one writer), report progress and results through signals
delivered on the UI thread, and never touch a widget. A progress dialog appears only if
a job takes longer than about half a second; cancellable jobs get a Cancel button.
After a job that changed something, `changes_did_happen` carries its OpChanges so each
tab refreshes only when concerned. The main window owns the Ops and waits for it on close.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from salesdesk.services.common import OpChanges
from salesdesk.ui.i18n import tr

log = logging.getLogger("salesdesk.ui")

SHOW_PROGRESS_AFTER_MS = 500
_running = threading.local()
"""The Job the worker thread is running, for job_progress."""


class Job(QObject):
    """One unit of work. Signals arrive on the UI thread."""

    sig_job_finished = Signal(object)
    """The job returned; carries its result."""
    sig_job_failed = Signal(object)
    """The job raised; carries the exception."""
    sig_job_progressed = Signal(int, int)
    """(done, total) reported by the job."""

    def __init__(self, fn: Callable[[Job], Any], label: str):
        super().__init__()
        self.fn, self.label = fn, label
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> bool:
        """Called by the job from the worker thread. Returns False once cancelled."""
        try:
            self.sig_job_progressed.emit(done, total)
        except RuntimeError:  # the window closed meanwhile
            self._cancel.set()
        return not self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runner(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def run(self) -> None:
        _running.job = self.job
        try:
            result = self.job.fn(self.job)
        except Exception as exc:  # reported to the UI, never raised in the worker
            exc.__salesdesk_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._deliver(self.job.sig_job_failed, exc)
        else:
            self._deliver(self.job.sig_job_finished, result)
        finally:
            _running.job = None

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            log.info("job finished after its window closed")


def job_progress(done: int, total: int) -> bool:
    """A service's `progress` callback for a job that cannot reach its Job object (an
    undoable edit's action and steps): reports to the job this worker thread is running.
    False once that job was cancelled; True when called outside a job."""
    job = getattr(_running, "job", None)
    return True if job is None else job.progress(done, total)


def user_message(exc: BaseException) -> str:
    """The words a user sees for an exception: ours verbatim, a file the system refused
    (an export over a workbook open in Excel) with its name and reason, anything else
    generic."""
    from salesdesk.domain.errors import DomainError, WorkspaceBusyError
    from salesdesk.storage.engine import WorkspaceLocationError
    from salesdesk.storage.files import FileFormatError
    from salesdesk.storage.workspace import WorkspaceError

    if isinstance(exc, DomainError | WorkspaceBusyError | FileFormatError | WorkspaceError
                  | WorkspaceLocationError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.filename is None:
            return str(exc)
        return tr("Cannot write/read {0}: {1}").format(exc.filename, exc.strerror or exc)
    log.error("unexpected error: %s", getattr(exc, "__salesdesk_traceback__", repr(exc)))
    return tr("Something went wrong: {0}. Your data was not changed by the failed action; "
              "details were written to the SalesDesk log.").format(type(exc).__name__)


def _deliver_to_widget(callback: Callable[[Any], None], value: Any) -> None:
    """Results can arrive after the widget that asked was deleted (a tab rebuilt on a
    workspace switch, a window closing): that widget no longer needs them."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.info("result for a deleted widget dropped: %s", exc)


class Ops(QObject):
    """The serial worker and the app-wide change announcements."""

    changes_did_happen = Signal(object)
    """App-wide: an action changed the workspace; carries OpChanges."""
    sig_busy_changed = Signal(bool)
    """True while at least one job is queued or running."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: jobs run in submission order
        self._jobs: set[Job] = set()

    def run(self, fn: Callable[[Job], Any], *, label: str = "",
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            parent_widget: QWidget | None = None, cancellable: bool = False) -> Job:
        """Queue `fn(job)`. Results that carry OpChanges (or are OpChanges) are announced."""
        job = Job(fn, label)
        self._jobs.add(job)
        dialog = self._progress_dialog(job, parent_widget, cancellable) if label else None

        def finished(result: Any) -> None:
            self._forget(job, dialog)
            if on_done:
                _deliver_to_widget(on_done, result)
            changes = result if isinstance(result, OpChanges) else getattr(result, "changes",
                                                                           None)
            if isinstance(changes, OpChanges):
                self.changes_did_happen.emit(changes)

        def failed(exc: BaseException) -> None:
            self._forget(job, dialog)
            if on_error:
                _deliver_to_widget(on_error, exc)
            else:
                QMessageBox.warning(parent_widget, tr("SalesDesk"), user_message(exc))

        job.sig_job_finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        job.sig_job_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        if len(self._jobs) == 1:
            self.sig_busy_changed.emit(True)
        self._pool.start(_Runner(job))
        return job

    def _progress_dialog(self, job: Job, parent: QWidget | None,
                         cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(job.label, tr("Cancel") if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(tr("SalesDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        job.sig_job_progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
        return dialog

    def _forget(self, job: Job, dialog: QProgressDialog | None) -> None:
        if dialog is not None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        self._jobs.discard(job)
        if not self._jobs:
            self.sig_busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs ran (close, tests). Results are delivered by the event
        loop afterwards."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        for job in list(self._jobs):
            job.cancel()
        self._pool.waitForDone(-1)
