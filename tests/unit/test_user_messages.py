"""What a user reads when an action fails: in the window (ui.ops.user_message) and on the
command line (cli.main)."""

from __future__ import annotations

import argparse

import pytest

from salesdesk import cli
from salesdesk.domain.errors import ConcurrentEditError, ConflictError, WorkspaceBusyError

LOCKED_EXPORT = PermissionError(13, "Permission denied", "/home/ann/pipeline.xlsx")
BUSY = WorkspaceBusyError("database is locked")


def test_a_concurrent_edit_is_a_conflict_naming_the_kind_of_record() -> None:
    error = ConcurrentEditError("territory assignment")
    assert isinstance(error, ConflictError)
    assert str(error) == ("This territory assignment was changed by someone else while you "
                          "were saving. Reload and apply your change again.")
    assert (error.entity, error.expected, error.actual) == ("territory assignment", None, None)


def test_busy_says_nothing_changed_and_to_try_again() -> None:
    assert str(BUSY) == ("The workspace is busy or unreachable (database is locked); "
                         "nothing was changed. Try again.")


def test_the_window_names_a_file_the_system_refused() -> None:
    from salesdesk.ui.ops import user_message

    assert user_message(LOCKED_EXPORT) == \
        "Cannot write/read /home/ann/pipeline.xlsx: Permission denied"
    assert user_message(BUSY) == str(BUSY)


@pytest.mark.parametrize(("error", "expected"), [
    (LOCKED_EXPORT, "Cannot write/read /home/ann/pipeline.xlsx: Permission denied"),
    (BUSY, str(BUSY)),
    (ConcurrentEditError("member"), str(ConcurrentEditError("member")))])
def test_the_command_line_prints_known_errors_in_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        error: Exception, expected: str) -> None:
    def fail(_args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setitem(cli.COMMANDS, "report", fail)
    assert cli.main(["report", "team", "--db", "unused.sqlite"]) == 1
    assert capsys.readouterr().err == f"salesdesk: error: {expected}\n"
