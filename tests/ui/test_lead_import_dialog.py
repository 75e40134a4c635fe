"""The lead import dialog on the sample company: columns guessed and remembered, row
problems that block the import, duplicate groups with a choice each, the report, and
refusals that write nothing."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog

from salesdesk.services import import_leads as import_leads_module
from salesdesk.services import lead_import_parts, team
from salesdesk.services.common import OpChanges
from salesdesk.services.imports import ImportCancelled
from salesdesk.ui.dialogs.lead_import_dialog import LeadImportDialog, lead_words
from salesdesk.ui.dialogs.lead_import_pages import split_line, split_problem
from salesdesk.ui.models.duplicate_groups_model import CHOICE
from salesdesk.ui.models.lead_mapping_model import COLUMN, SAMPLES, WHY

TIMEOUT = 30_000
HEADER = "First Name,Last Name,Contact,Account,Country,Industry,Scribbles,Created\n"
LEADS = HEADER + (
    "Greta,Lindqvist,greta@nordbank.example,Nordbank,Germany,,,2025-03-02 09:30\n"
    "Tomás,Ferreira,tomas@ferreira.example,Ferreira Lda,Brazil,retail,met at the fair,"
    "2025-03-03\n"
    "Greta,Lindqvist, GRETA@nordbank.example ,Nordbank AG,,finance,wants pricing,2025-03-04\n"
    "Kenji,Sato,kenji@sato.example,Sato Works,Japan,software,,2025-03-05\n")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lead_named(ctx: Any, name: str) -> dict[str, Any]:
    """The one lead of that name, as its field values (read inside the unit of work)."""
    with ctx.uow() as uow:
        (lead,) = [x for x in uow.leads.list() if x.person_name == name]
        return {k: getattr(lead, k) for k in ("notes", "sector", "country", "email")}


def lead_count(ctx: Any) -> int:
    with ctx.uow() as uow:
        return len(uow.leads.list())


@pytest.fixture
def ctx(main_window: Any) -> Any:
    main_window.settle()
    return main_window.ctx


@pytest.fixture
def opened(qtbot: Any, ctx: Any) -> Callable[[Path], LeadImportDialog]:
    """A dialog on a file, read and showing its columns (driven without exec())."""
    def open_(path: Path) -> LeadImportDialog:
        dialog = LeadImportDialog(None, ctx, path)
        qtbot.addWidget(dialog)
        dialog.start()
        qtbot.waitUntil(lambda: dialog.stage in ("mapping", "error"), timeout=TIMEOUT)
        return dialog
    return open_


def preview(qtbot: Any, dialog: LeadImportDialog) -> None:
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.stage == "preview", timeout=TIMEOUT)


def drive(monkeypatch: pytest.MonkeyPatch, act: Callable[[LeadImportDialog], None]) -> None:
    """exec() as a user goes through the dialog: `act` does what they do."""
    def exec_(dialog: LeadImportDialog) -> int:
        act(dialog)
        return int(dialog.result())

    monkeypatch.setattr(LeadImportDialog, "exec", exec_)


def field_row(dialog: LeadImportDialog, field: str) -> int:
    return dialog.mapping.model.row_of(field)


def combo_at(view: Any, row: int, column: int) -> QComboBox:
    combo = view.indexWidget(view.model().index(row, column))
    assert isinstance(combo, QComboBox)
    return combo


# --- the whole dialog through ask() ------------------------------------------------------
def test_a_big_file_imports_with_a_helper_process_from_the_app(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview and the import run off the UI thread; a file big enough for a helper
    process (made small here) gets one from there, and none is left running."""
    monkeypatch.setattr(lead_import_parts, "HELPER_MIN", 2)
    started: list[lead_import_parts.Helper] = []
    start = lead_import_parts.Helper.__init__

    def record(self: lead_import_parts.Helper) -> None:
        start(self)
        started.append(self)
    monkeypatch.setattr(lead_import_parts.Helper, "__init__", record)
    path = write(tmp_path, "fair.csv", LEADS)

    def act(dialog: LeadImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog.stage == "mapping", timeout=TIMEOUT)
        preview(qtbot, dialog)
        with qtbot.waitSignal(ctx.ops.changes_did_happen, timeout=TIMEOUT):
            dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.stage == "report", timeout=TIMEOUT)
        dialog.close_button.click()

    drive(monkeypatch, act)
    report = LeadImportDialog.ask(None, ctx, path)
    assert report is not None and len(report.created) == 3 and len(report.skipped) == 1
    assert len(started) == 2 and [h.problem for h in started] == ["", ""]  # preview, import
    assert multiprocessing.active_children() == []
    assert lead_named(ctx, "Kenji Sato")["country"] == "Japan"


def test_a_duplicate_merged_by_choice_and_the_report(qtbot: Any, ctx: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "fair.csv", LEADS)
    seen: dict[str, Any] = {}

    def act(dialog: LeadImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog.stage == "mapping", timeout=TIMEOUT)
        model = dialog.mapping.model
        email = field_row(dialog, "email")   # "Contact" holds addresses: content wins
        seen["email"] = (model.index(email, COLUMN).data(), model.index(email, WHY).data(),
                         model.index(email, SAMPLES).data())
        seen["company"] = model.index(field_row(dialog, "company"), COLUMN).data()
        preview(qtbot, dialog)
        groups = dialog.preview_page.groups
        seen["groups"] = groups.model().rowCount()
        seen["who"] = groups.model().index(0, 1).data()
        combo_at(groups, 0, CHOICE).setCurrentIndex(
            combo_at(groups, 0, CHOICE).findData("merge"))
        seen["summary"] = dialog.preview_page.summary.text()
        with qtbot.waitSignal(ctx.ops.changes_did_happen, timeout=TIMEOUT) as blocker:
            dialog.import_button.click()
        seen["changes"] = blocker.args[0]
        qtbot.waitUntil(lambda: dialog.stage == "report", timeout=TIMEOUT)
        seen["heading"] = dialog.outcome.heading.text()
        seen["outcomes"] = [dialog.outcome.model.index(r, 0).data()
                            for r in range(dialog.outcome.model.rowCount())]
        dialog.close_button.click()

    drive(monkeypatch, act)
    report = LeadImportDialog.ask(None, ctx, path)

    assert seen["email"] == ("Contact", "content: 100% e-mail addresses",
                             "greta@nordbank.example · tomas@ferreira.example · "
                             "GRETA@nordbank.example")
    assert seen["company"] == "Account"
    assert seen["groups"] == 1 and seen["who"] == "Greta Lindqvist, Nordbank"
    assert "4 rows read, no problems. 1 group of duplicates" in seen["summary"]
    assert report is not None
    assert len(report.created) == 3 and len(report.merged) == 1 and not report.skipped
    assert "row 4 into row 2" in report.merged[0]
    assert isinstance(seen["changes"], OpChanges) and seen["changes"].leads
    assert seen["heading"] == "fair.csv: 3 created, 1 merged, 0 updated, 0 skipped, 0 refused."
    assert seen["outcomes"][0] == "Merged" and seen["outcomes"].count("Created") == 3
    greta = lead_named(ctx, "Greta Lindqvist")
    assert greta["sector"] == "finance" and greta["country"] == "Germany"  # filled, not replaced


def test_cancel_imports_nothing(qtbot: Any, ctx: Any, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = lead_count(ctx)

    def act(dialog: LeadImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog.stage == "mapping", timeout=TIMEOUT)
        preview(qtbot, dialog)
        dialog.cancel_button.click()

    drive(monkeypatch, act)
    assert LeadImportDialog.ask(None, ctx, write(tmp_path, "fair.csv", LEADS)) is None
    # The file is still being read: the dialog (parent of that job's progress dialog)
    # goes only once the result was delivered, so the worker is left idle.
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=TIMEOUT)
    assert lead_count(ctx) == before


# --- problems and refusals ---------------------------------------------------------------
def test_row_problems_name_row_and_column_and_block_the_import(
        qtbot: Any, ctx: Any, tmp_path: Path, opened: Any, qtmodeltester: Any) -> None:
    bad = LEADS.replace(",Contact,", ",E-mail,", 1).replace(
        "kenji@sato.example", "kenji-at-sato").replace("2025-03-03", "yesterday")
    dialog = opened(write(tmp_path, "bad.csv", bad))
    before = lead_count(ctx)
    preview(qtbot, dialog)
    page = dialog.preview_page
    qtmodeltester.check(page.problems_model)
    rows = [[page.problems_model.index(r, c).data() for c in range(3)]
            for r in range(page.problems_model.rowCount())]
    assert [r[:2] for r in rows] == [["3", "Created"], ["5", "E-mail"]]
    assert "yesterday" in rows[0][2] and "kenji-at-sato" in rows[1][2]
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.toolTip()
    assert "2 problems" in page.summary.text() and page.duplicates.isHidden()
    assert lead_count(ctx) == before


def test_a_refusal_at_import_time_is_listed_and_nothing_is_written(
        qtbot: Any, ctx: Any, tmp_path: Path, opened: Any) -> None:
    """A rep named as owner leaves between the preview and the import."""
    text = LEADS.replace(",Created\n", ",Created,Owner\n", 1).replace(
        "2025-03-05\n", "2025-03-05,Anna Snelling\n")
    dialog = opened(write(tmp_path, "owned.csv", text))
    preview(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    with ctx.uow() as uow:
        anna = uow.members.by_name("Anna Snelling").id
    team.set_active(ctx.uow, anna, None, active=False)
    before = lead_count(ctx)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.stage == "refused", timeout=TIMEOUT)
    model = dialog.outcome.table.model()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(2)] == ["5", "Owner"]
    assert "Anna Snelling has left" in model.index(0, 2).data()
    assert "Nothing was imported" in dialog.outcome.heading.text()
    assert dialog.report is None and lead_count(ctx) == before
    assert not dialog.close_button.isHidden() and dialog.import_button.isHidden()


def test_an_unreadable_file_says_why_without_a_traceback(qtbot: Any, ctx: Any,
                                                         tmp_path: Path, opened: Any) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog = opened(path)
    assert dialog.stage == "error"
    text = dialog.outcome.heading.text()
    assert "old.xls" in text and ".xlsx or CSV" in text and "Traceback" not in text
    assert not dialog.close_button.isHidden() and dialog.preview_button.isHidden()


@pytest.mark.parametrize(("error", "stage", "words"), [
    (ImportCancelled("Import cancelled: nothing was imported."), "preview",
     "Import cancelled: nothing was imported."),
    (KeyError("boom"), "error", "Something went wrong: KeyError")])
def test_a_cancelled_or_broken_import_is_told_in_words(
        qtbot: Any, ctx: Any, tmp_path: Path, opened: Any, monkeypatch: pytest.MonkeyPatch,
        error: Exception, stage: str, words: str) -> None:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(import_leads_module, "import_leads", fail)
    dialog = opened(write(tmp_path, "fair.csv", LEADS))
    preview(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.stage == stage, timeout=TIMEOUT)
    shown = dialog.status.text() if stage == "preview" else dialog.outcome.heading.text()
    assert words in shown and "Traceback" not in shown and dialog.report is None
    assert dialog.import_button.isEnabled() == (stage == "preview")


# --- the mapping -------------------------------------------------------------------------
def test_the_chosen_mapping_is_remembered_for_the_next_file_of_that_layout(
        qtbot: Any, ctx: Any, tmp_path: Path, opened: Any) -> None:
    dialog = opened(write(tmp_path, "first.csv", LEADS))
    assert dialog.mapping.model.index(field_row(dialog, "notes"), COLUMN).data() == \
        "— not imported —"  # "Scribbles" is no known name
    notes = combo_at(dialog.mapping.table, field_row(dialog, "notes"), COLUMN)
    notes.setCurrentIndex(notes.findData("scribbles"))
    assert dialog.mapping.model.fields()["notes"] == "scribbles"
    assert dialog.mapping.model.index(field_row(dialog, "notes"), WHY).data() == \
        "chosen by you"
    preview(qtbot, dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.stage == "report", timeout=TIMEOUT)
    assert lead_named(ctx, "Tomás Ferreira")["notes"] == "met at the fair"

    later = LEADS.replace("Greta", "Ingrid").replace("Tomás", "Rui").replace("Kenji", "Aiko")
    again = opened(write(tmp_path, "second.csv", later.replace("@", "2@")))
    model = again.mapping.model
    assert model.fields()["notes"] == "scribbles"
    assert model.index(field_row(again, "notes"), WHY).data() == \
        "remembered for this file layout"
    assert "last time" in again.mapping.source_note.text()
    assert not again.mapping.source_note.isHidden()


def test_a_column_feeds_one_field_and_someone_must_be_named(
        qtbot: Any, tmp_path: Path, opened: Any, qtmodeltester: Any) -> None:
    dialog = opened(write(tmp_path, "fair.csv", LEADS))
    model = dialog.mapping.model
    qtmodeltester.check(model)
    company, campaign = field_row(dialog, "company"), field_row(dialog, "campaign")
    assert model.setData(model.index(campaign, COLUMN), "account")
    assert model.fields()["campaign"] == "account" and "company" not in model.fields()
    assert model.index(company, COLUMN).data() == "— not imported —"
    assert combo_at(dialog.mapping.table, company, COLUMN).currentData() == ""
    assert not model.setData(model.index(company, COLUMN), "no_such_column")
    for field in ("first_name", "last_name", "email"):
        model.setData(model.index(field_row(dialog, field), COLUMN), "")
    assert "who each lead is" in dialog.mapping.problem.text()
    assert not dialog.preview_button.isEnabled()
    model.setData(model.index(field_row(dialog, "email"), COLUMN), "contact")
    assert dialog.mapping.problem.text() == "" and dialog.preview_button.isEnabled()


def test_the_default_choice_applies_to_every_group(
        qtbot: Any, tmp_path: Path, opened: Any, qtmodeltester: Any) -> None:
    text = LEADS + "Kenji,Sato,KENJI@sato.example,Sato Works,,,,2025-03-06\n"
    dialog = opened(write(tmp_path, "twice.csv", text))
    preview(qtbot, dialog)
    page = dialog.preview_page
    qtmodeltester.check(page.groups_model)
    assert page.groups_model.rowCount() == 2
    page.default_choice.setCurrentIndex(page.default_choice.findData("update"))
    assert set(page.groups_model.choices().values()) == {"update"}
    assert combo_at(page.groups, 1, CHOICE).currentData() == "update"
    assert "last row wins" in page.groups_note.text()
    assert page.groups_model.choices().keys() == {"row 2", "row 5"}


def test_words_for_rows_and_report_lines() -> None:
    fields = {"first_name": "f", "last_name": "l", "email": "e", "company": "c"}
    assert lead_words({"f": "Ann", "l": "Lee", "c": "Acme"}, fields) == "Ann Lee, Acme"
    assert lead_words({"e": "ann@acme.example"}, fields) == "ann@acme.example"
    assert lead_words({}, fields) == "—"
    problem = split_problem("row 12, column 'e_mail': 'x' is not an e-mail address",
                            lambda h: {"e_mail": "E-mail"}[h])
    assert (problem.row, problem.column) == ("12", "E-mail")
    assert split_problem("the file has column names but no data rows", str).row == "—"
    assert split_line("Merged", "rows 3, 5 into row 2: notes (same e-mail a@b.example)") \
        .rows == "3, 5"
    assert split_line("Note", "the file gives no arrival time").rows == "—"


def test_ask_returns_none_when_rejected(qtbot: Any, ctx: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LeadImportDialog, "exec",
                        lambda dialog: int(QDialog.DialogCode.Rejected))
    assert LeadImportDialog.ask(None, ctx, write(tmp_path, "fair.csv", LEADS)) is None
    # The file is still being read: the dialog (parent of that job's progress dialog)
    # goes only once the result was delivered, so the worker is left idle.
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=TIMEOUT)
