"""The deal dialog and the pipeline settings dialog on the sample company: validation that
names the field, exact line amounts, new and edited deals saved end to end with undo and
redo, conflicts told in words, activities and feedback saved at once, stages and lost
reasons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from salesdesk.services import pipeline as sp
from salesdesk.services import pipeline_setup as ps
from salesdesk.services.workspace_settings import DEFAULT_CURRENCY
from salesdesk.storage import deal_queries
from salesdesk.storage.deal_queries import DealForm
from salesdesk.storage.pipeline_queries import deal_detail
from salesdesk.storage.rows import DealDetail
from salesdesk.ui import deal_edits
from salesdesk.ui.deal_format import time_in_stages
from salesdesk.ui.dialogs.deal_dialog import DealDialog, DealResult
from salesdesk.ui.dialogs.stages_dialog import NAME, PROBABILITY, ROTTING, StagesDialog
from salesdesk.ui.models.deal_lines_model import DISCOUNT, PRODUCT, QUANTITY, UNIT_PRICE


# --- helpers ----------------------------------------------------------------------------
@pytest.fixture
def ctx(main_window: Any) -> Any:
    main_window.settle()
    ps.ensure_pipeline(main_window.ctx.uow)
    return main_window.ctx


def read(ctx: Any, query: Callable[[Any], Any]) -> Any:
    with ctx.workspace.engine.connect() as conn:
        return query(conn)


def form(ctx: Any, deal_id: str | None = None) -> DealForm:
    found = read(ctx, lambda c: deal_queries.deal_form(c, default_currency=DEFAULT_CURRENCY,
                                                       deal_id=deal_id))
    assert found is not None
    return found


def detail(ctx: Any, deal_id: str) -> DealDetail:
    found = read(ctx, lambda c: deal_detail(c, deal_id))
    assert found is not None
    return found


def products(ctx: Any) -> dict[str, Any]:
    return {p.name: p for p in form(ctx).products}


def open_stage(ctx: Any, name: str) -> Any:
    return next(s for s in form(ctx).stages if s.name == name)


def make_deal(ctx: Any, title: str = "Acme rollout", **fields: Any) -> str:
    prods = products(ctx)
    lines = [sp.LineSpec(prods["GTX Pro"].id, 2, Decimal("4821.00"), Decimal("10"))]
    return sp.add_deal(ctx.uow, title=title, lines=lines, **fields).deal_id


def dialog_for(qtbot: Any, ctx: Any, deal_id: str | None = None, live: Any = None) -> DealDialog:
    dialog = DealDialog(None, form=form(ctx, deal_id), live=live)
    qtbot.addWidget(dialog)
    return dialog


def new_dialog(qtbot: Any, ctx: Any) -> DealDialog:
    dialog = dialog_for(qtbot, ctx)
    dialog.title_edit.setText("Test deal")
    return dialog


def deals_titled(ctx: Any, title: str) -> list[str]:
    with ctx.uow() as uow:
        return [d.id for d in uow.deals.find(title=title)]


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes the app shows, recorded instead of blocking the test."""
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


# --- lines ------------------------------------------------------------------------------
def test_line_amounts_and_the_total_are_exact(qtbot: Any, ctx: Any, qtmodeltester: Any) -> None:
    dialog = new_dialog(qtbot, ctx)
    lines = dialog.lines
    lines.add_line()
    lines.add_line()
    for column, value in ((QUANTITY, "3"), (UNIT_PRICE, "19.99"), (DISCOUNT, "12.5")):
        assert lines.edit_cell(0, column, value)
    for column, value in ((QUANTITY, "7"), (UNIT_PRICE, "0.10"), (DISCOUNT, "0")):
        assert lines.edit_cell(1, column, value)
    assert lines.model.line_amount(0) == Decimal("52.47")  # 59.97 x 87.5 % = 52.47375
    assert lines.model.line_amount(1) == Decimal("0.70")
    assert lines.amount() == Decimal("53.17")
    assert isinstance(lines.amount(), Decimal)
    assert lines.amount_edit.text() == "53.17"
    assert lines.model.index(0, 4).data() == "52.47"
    assert dialog.problem() == ""
    result = dialog.result_value()
    assert [(s.quantity, s.unit_price, s.discount) for s in result.lines] == [
        (3, Decimal("19.99"), Decimal("12.50")), (7, Decimal("0.10"), Decimal("0.00"))]
    assert "amount" not in result.fields  # the lines make the amount
    qtmodeltester.check(lines.model)


def test_a_new_line_gets_the_list_price_which_follows_the_product(qtbot: Any,
                                                                  ctx: Any) -> None:
    prods = products(ctx)
    dialog = new_dialog(qtbot, ctx)
    model = dialog.lines.model
    row = model.add_line(prods["GTX Pro"].id)
    assert model.index(row, UNIT_PRICE).data(Qt.ItemDataRole.EditRole) == "4821.00"
    model.setData(model.index(row, PRODUCT), prods["MG Special"].id)
    assert model.index(row, UNIT_PRICE).data(Qt.ItemDataRole.EditRole) == "55.00"
    model.setData(model.index(row, UNIT_PRICE), "50")  # a price of the user's own stays
    model.setData(model.index(row, PRODUCT), prods["GTX Basic"].id)
    assert model.index(row, UNIT_PRICE).data(Qt.ItemDataRole.EditRole) == "50"
    assert dialog.lines.amount() == Decimal("50.00")


def test_a_deal_without_lines_takes_a_typed_amount(qtbot: Any, ctx: Any) -> None:
    dialog = new_dialog(qtbot, ctx)
    dialog.lines.amount_edit.setText("12,500.50")
    dialog.lines.amount_edit.textEdited.emit("12,500.50")
    assert dialog.problem() == ""
    assert dialog.result_value().fields["amount"] == Decimal("12500.50")
    dialog.lines.add_line()
    assert dialog.lines.amount_edit.isReadOnly()
    dialog.lines.remove_selected()
    assert dialog.lines.amount_edit.text() == "12,500.50"  # what was typed comes back


# --- validation -------------------------------------------------------------------------
@pytest.mark.parametrize(("column", "text", "words"), [
    (QUANTITY, "0", "Line 2, Quantity"),
    (QUANTITY, "abc", "Line 2, Quantity"),
    (QUANTITY, "1.5", "Line 2, Quantity"),
    (QUANTITY, "", "Line 2, Quantity is required"),
    (UNIT_PRICE, "12.345", "Line 2, Unit price"),
    (UNIT_PRICE, "-1", "Line 2, Unit price"),
    (UNIT_PRICE, "ten", "Line 2, Unit price"),
    (UNIT_PRICE, "1e30", "Line 2, Unit price"),
    (DISCOUNT, "150", "Line 2, Discount"),
    (DISCOUNT, "-5", "Line 2, Discount"),
    (DISCOUNT, "5.555", "Line 2, Discount"),
])
def test_a_bad_line_is_refused_naming_line_and_field(qtbot: Any, ctx: Any, column: int,
                                                     text: str, words: str) -> None:
    dialog = new_dialog(qtbot, ctx)
    dialog.lines.add_line()
    dialog.lines.add_line()
    dialog.lines.edit_cell(1, column, text)
    assert dialog.message.text().startswith(words), dialog.message.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.lines.model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) is not None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # OK stays in the dialog
    dialog.lines.edit_cell(1, column, {QUANTITY: "2", UNIT_PRICE: "10", DISCOUNT: "5"}[column])
    assert dialog.message.text() == ""


@pytest.mark.parametrize(("setup", "words"), [
    (lambda d: d.probability_edit.setText("150"), "Probability: must be between 0 and 100"),
    (lambda d: d.probability_edit.setText("likely"), "Probability: 'likely' is not"),
    (lambda d: d.email_edit.setText("mara@"), "Contact email: 'mara@' is not a valid"),
    (lambda d: d.title_edit.setText(""), "Title: enter a title or choose an account"),
    (lambda d: d.account_combo.setEditText("No Such Company"), "Account: 'No Such Company'"),
    (lambda d: (d.lines.amount_edit.setText("12.345"),
                d.lines.amount_edit.textEdited.emit("12.345")), "Amount: '12.345' has more"),
    (lambda d: (d.lines.amount_edit.setText("-3"), d.lines.amount_edit.textEdited.emit("-3")),
     "Amount: must be at least 0"),
    (lambda d: (d.close_check.setChecked(True),
                d.close_edit.setDate(d.close_edit.date().addYears(-2))),
     "Expected close:"),
])
def test_a_bad_field_is_refused_naming_it(qtbot: Any, ctx: Any, setup: Any, words: str) -> None:
    dialog = new_dialog(qtbot, ctx)
    setup(dialog)
    assert dialog.message.text().startswith(words), dialog.message.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_probability_and_category_default_to_the_stage(qtbot: Any, ctx: Any) -> None:
    dialog = new_dialog(qtbot, ctx)
    engaging = open_stage(ctx, "Engaging")
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(engaging.id))
    assert dialog.probability_edit.placeholderText() == str(engaging.probability)
    assert str(engaging.probability) in dialog.probability_hint.text()
    assert dialog.category_combo.itemData(0) is None and "Best case" in \
        dialog.category_combo.itemText(0)
    result = dialog.result_value()
    assert result.fields["probability"] is None and result.fields["category"] is None
    assert result.stage_id == engaging.id
    dialog.probability_edit.setText("65")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("commit"))
    result = dialog.result_value()
    assert (result.fields["probability"], result.fields["category"]) == (65, "commit")


# --- new and edited deals, end to end -------------------------------------------------------
def test_new_deal_is_saved_and_undone(qtbot: Any, ctx: Any, main_window: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    prods = products(ctx)
    engaging = open_stage(ctx, "Engaging")
    asked: dict[str, Any] = {}

    def ask(parent: Any, *, form: DealForm, stage_id: str | None = None,
            live: Any = None) -> DealResult:
        asked.update(stage_id=stage_id, products=len(form.products))
        dialog = DealDialog(parent, form=form, stage_id=stage_id)
        dialog.title_edit.setText("Brand new deal")
        dialog.lines.model.add_line(prods["MG Special"].id)
        dialog.lines.edit_cell(0, QUANTITY, "4")
        dialog.lines.edit_cell(0, DISCOUNT, "2.5")
        assert dialog.problem() == ""
        return dialog.result_value()

    monkeypatch.setattr(DealDialog, "ask", ask)
    deal_edits.new_deal(ctx, main_window, engaging.id)
    main_window.settle()
    assert asked == {"stage_id": engaging.id, "products": len(prods)}
    [deal_id] = deals_titled(ctx, "Brand new deal")
    saved = detail(ctx, deal_id)
    assert saved.stage_id == engaging.id
    assert saved.amount == Decimal("214.50")  # 4 x 55.00 less 2.5 %
    assert [(x.product, x.quantity, x.unit_price) for x in saved.lines] == [
        ("MG Special", 4, Decimal("55.00"))]
    main_window.undo_stack.undo()
    main_window.settle()
    assert read(ctx, lambda c: deal_detail(c, deal_id)) is None
    main_window.undo_stack.redo()
    main_window.settle()
    assert detail(ctx, deal_id).amount == Decimal("214.50")


def test_cancelling_saves_nothing(ctx: Any, main_window: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = make_deal(ctx)
    version = detail(ctx, deal_id).version
    monkeypatch.setattr(DealDialog, "ask", lambda *a, **k: None)
    deal_edits.edit_deal(ctx, main_window, deal_id)
    deal_edits.new_deal(ctx, main_window, None)
    main_window.settle()
    assert detail(ctx, deal_id).version == version
    assert main_window.undo_stack.count() == 0


def editing(change: Callable[[DealDialog], None], before: Callable[[], None] | None = None
            ) -> Callable[..., DealResult]:
    """A stand-in for DealDialog.ask that makes `change` in a real dialog."""
    def ask(parent: Any, *, form: DealForm, stage_id: str | None = None,
            live: Any = None) -> DealResult:
        dialog = DealDialog(parent, form=form, stage_id=stage_id, live=live)
        change(dialog)
        assert dialog.problem() == ""
        if before is not None:
            before()
        return dialog.result_value()
    return ask


def test_an_edit_is_saved_undone_and_redone(ctx: Any, main_window: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    owner = next(o for o in form(ctx).owners if o.active)
    deal_id = make_deal(ctx)
    loaded = detail(ctx, deal_id)

    def change(d: DealDialog) -> None:
        d.title_edit.setText("Acme rollout, phase 2")
        d.owner_combo.setCurrentIndex(d.owner_combo.findData(owner.id))
        d.probability_edit.setText("55")
        d.lines.edit_cell(0, QUANTITY, "3")
        d.next_step_edit.setText("Call the CFO")

    monkeypatch.setattr(DealDialog, "ask", editing(change))
    deal_edits.edit_deal(ctx, main_window, deal_id)
    main_window.settle()
    after = detail(ctx, deal_id)
    assert (after.title, after.owner_id, after.probability, after.next_step) == (
        "Acme rollout, phase 2", owner.id, 55, "Call the CFO")
    assert after.amount == Decimal("13016.70")  # 3 x 4,821.00 less 10 %
    main_window.undo_stack.undo()
    main_window.settle()
    undone = detail(ctx, deal_id)
    assert (undone.title, undone.owner_id, undone.probability, undone.amount) == (
        loaded.title, loaded.owner_id, loaded.probability, loaded.amount)
    assert [x.quantity for x in undone.lines] == [2]
    main_window.undo_stack.redo()
    main_window.settle()
    redone = detail(ctx, deal_id)
    assert (redone.title, redone.amount) == ("Acme rollout, phase 2", Decimal("13016.70"))


def test_an_unchanged_deal_is_not_saved(ctx: Any, main_window: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = make_deal(ctx, contact_email="a@b.example.com", probability=30)
    version = detail(ctx, deal_id).version
    monkeypatch.setattr(DealDialog, "ask", editing(lambda d: None))
    deal_edits.edit_deal(ctx, main_window, deal_id)
    main_window.settle()
    assert detail(ctx, deal_id).version == version
    assert main_window.undo_stack.count() == 0


def test_a_deal_changed_elsewhere_meanwhile_is_not_overwritten(
        ctx: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch,
        warnings: list[str]) -> None:
    deal_id = make_deal(ctx)

    def elsewhere() -> None:  # a colleague saves while our dialog is open
        sp.edit_deal(ctx.uow, deal_id, detail(ctx, deal_id).version,
                     {"title": "Renamed by a colleague"})

    monkeypatch.setattr(DealDialog, "ask", editing(
        lambda d: d.title_edit.setText("Our title"), before=elsewhere))
    deal_edits.edit_deal(ctx, main_window, deal_id)
    main_window.settle()
    assert len(warnings) == 1
    assert "“Acme rollout” was changed elsewhere since you opened it" in warnings[0]
    assert "nothing was overwritten" in warnings[0]
    assert "Traceback" not in warnings[0]
    assert detail(ctx, deal_id).title == "Renamed by a colleague"
    assert main_window.undo_stack.count() == 0


def test_a_won_deal_shows_its_outcome_read_only(qtbot: Any, ctx: Any) -> None:
    deal_id = make_deal(ctx)
    won = next(s for s in form(ctx).stages if s.outcome == "won")
    sp.move_deal(ctx.uow, deal_id, None, won.id, won_amount=Decimal("9000.00"))
    dialog = dialog_for(qtbot, ctx, deal_id)
    assert "Won" in dialog.outcome_label.text() and "9,000.00 EUR" in \
        dialog.outcome_label.text()
    assert not dialog.probability_edit.isEnabled()
    assert not dialog.category_combo.isEnabled()


# --- activities, feedback, history ------------------------------------------------------
@pytest.fixture
def live_dialog(qtbot: Any, ctx: Any, main_window: Any) -> tuple[DealDialog, str]:
    deal_id = make_deal(ctx)
    live = deal_edits.DealLive(ctx, detail(ctx, deal_id), main_window)
    return dialog_for(qtbot, ctx, deal_id, live), deal_id


def test_activities_are_added_completed_and_removed_at_once(
        ctx: Any, main_window: Any, live_dialog: tuple[DealDialog, str]) -> None:
    dialog, deal_id = live_dialog
    assert dialog.panels is not None
    panel = dialog.panels[0]
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("meeting"))
    panel.subject_edit.setText("Demo for the IT team")
    panel.due_edit.setDate(panel.due_edit.date().addDays(3))
    panel.add()
    main_window.settle()
    [activity] = detail(ctx, deal_id).activities
    assert (activity.kind, activity.subject, activity.done_at) == (
        "meeting", "Demo for the IT team", None)
    assert panel.tree.topLevelItemCount() == 1 and dialog.tabs.tabText(1) == "Activities (1)"
    panel.set_done(0, True)
    main_window.settle()
    assert detail(ctx, deal_id).activities[0].done_at is not None
    assert panel.tree.topLevelItem(0).checkState(0) == Qt.CheckState.Checked
    main_window.undo_stack.undo()  # reopen it
    main_window.settle()
    assert detail(ctx, deal_id).activities[0].done_at is None
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.remove_selected()
    main_window.settle()
    assert detail(ctx, deal_id).activities == ()
    assert panel.tree.topLevelItemCount() == 0


def test_an_activity_needs_a_subject(main_window: Any,
                                     live_dialog: tuple[DealDialog, str]) -> None:
    dialog, _ = live_dialog
    assert dialog.panels is not None
    panel = dialog.panels[0]
    panel.add()
    assert panel.message.text() == "Subject is required"
    main_window.settle()
    assert main_window.undo_stack.count() == 0


def test_overdue_activities_are_highlighted(qtbot: Any, ctx: Any) -> None:
    deal_id = make_deal(ctx)
    sp.add_activity(ctx.uow, deal_id, "call", "Late call", date.today() - timedelta(days=3))
    sp.add_activity(ctx.uow, deal_id, "task", "Later task", date.today() + timedelta(days=3))
    dialog = dialog_for(qtbot, ctx, deal_id, live=deal_edits.DealLive(
        ctx, detail(ctx, deal_id), None))
    assert dialog.panels is not None
    tree = dialog.panels[0].tree
    late, later = tree.topLevelItem(0), tree.topLevelItem(1)
    assert "overdue" in late.text(3) and "overdue" not in later.text(3)
    assert late.foreground(3).color() != later.foreground(3).color()


def test_feedback_is_added_and_listed_newest_first(
        ctx: Any, main_window: Any, live_dialog: tuple[DealDialog, str]) -> None:
    dialog, deal_id = live_dialog
    assert dialog.panels is not None
    notes = dialog.panels[1]
    for body in ("They liked the demo.", "Budget moves to Q3."):
        notes.note_edit.setPlainText(body)
        notes.add()
        main_window.settle()
    stored = detail(ctx, deal_id).notes
    assert [n.body for n in stored] == ["Budget moves to Q3.", "They liked the demo."]
    text = notes.notes.toPlainText()
    assert text.index("Budget moves to Q3.") < text.index("They liked the demo.")
    assert stored[0].by in text
    assert dialog.tabs.tabText(2) == "Feedback (2)"
    notes.add()  # empty
    assert notes.message.text() == "Note is required"
    main_window.undo_stack.undo()
    main_window.settle()
    assert [n.body for n in detail(ctx, deal_id).notes] == ["They liked the demo."]


def test_history_shows_each_move_and_time_in_stage(qtbot: Any, ctx: Any) -> None:
    start = datetime.now(UTC) - timedelta(days=10)
    deal_id = make_deal(ctx, now=start)
    engaging = open_stage(ctx, "Engaging")
    sp.move_deal(ctx.uow, deal_id, None, engaging.id, at=start + timedelta(days=4))
    dialog = dialog_for(qtbot, ctx, deal_id, live=deal_edits.DealLive(
        ctx, detail(ctx, deal_id), None))
    assert dialog.panels is not None
    tree = dialog.panels[2].tree
    assert tree.topLevelItemCount() == 2
    assert [tree.topLevelItem(1).text(c) for c in (1, 2, 3)] == [
        "Prospecting", "Engaging", "8,677.80"]  # 2 x 4,821.00 less 10 %
    assert tree.topLevelItem(0).text(5) == "4 days"
    assert tree.topLevelItem(1).text(5) == "6 days"
    assert "Engaging: 6 days (so far)" in dialog.panels[2].summary.text()


def test_time_in_stages_adds_up_returns_and_skips_the_outcome() -> None:
    from salesdesk.storage.rows import StageChangeRow

    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    history = [StageChangeRow(t0, None, "A", None, "x"),
               StageChangeRow(t0 + timedelta(days=2), "A", "B", None, "x"),
               StageChangeRow(t0 + timedelta(days=5), "B", "A", None, "x"),
               StageChangeRow(t0 + timedelta(days=6), "A", "Won", None, "x")]
    times = time_in_stages(history, t0 + timedelta(days=30), closed=True)
    assert times.spans[-1] is None
    assert [(n, s.days, c) for n, s, c in times.totals] == [("A", 3, False), ("B", 3, False)]


# --- pipeline settings --------------------------------------------------------------------
@pytest.fixture
def settings_dialog(qtbot: Any, ctx: Any, main_window: Any) -> Callable[[], StagesDialog]:
    def make() -> StagesDialog:
        pipeline_id = form(ctx).pipeline_id
        settings = read(ctx, lambda c: deal_queries.pipeline_settings(c, pipeline_id))
        dialog = StagesDialog(main_window, settings=settings,
                              actions=deal_edits.SettingsActions(ctx, settings, main_window))
        qtbot.addWidget(dialog)
        return dialog
    return make


def stage_names(ctx: Any) -> list[str]:
    return [s.name for s in form(ctx).stages]


def test_stages_are_edited_added_moved_and_saved(ctx: Any, main_window: Any,
                                                 settings_dialog: Any) -> None:
    dialog = settings_dialog()
    dialog.table.item(1, PROBABILITY).setText("45")
    dialog.add_stage()  # before Won
    dialog.table.item(2, NAME).setText("Negotiation")
    dialog.table.item(2, ROTTING).setText("")
    dialog.table.selectRow(2)
    dialog.move_selected(-1)
    assert dialog.problem() == ""
    dialog.accept()
    main_window.settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stage_names(ctx) == ["Prospecting", "Negotiation", "Engaging", "Won", "Lost"]
    stages = {s.name: s for s in form(ctx).stages}
    assert stages["Engaging"].probability == 45
    assert stages["Negotiation"].rotting_days is None
    main_window.undo_stack.undo()
    main_window.settle()
    assert stage_names(ctx) == ["Prospecting", "Engaging", "Won", "Lost"]
    assert {s.name: s for s in form(ctx).stages}["Engaging"].probability == 40


@pytest.mark.parametrize(("row", "column", "text", "words"), [
    (1, PROBABILITY, "150", "Stage 2 (Engaging), Probability: must be between 0 and 100"),
    (0, ROTTING, "0", "Stage 1 (Prospecting), Rotting after: must be at least 1"),
    (0, ROTTING, "soon", "Stage 1 (Prospecting), Rotting after: 'soon' is not"),
    (0, NAME, "", "Stage 1 (…), Stage is required"),
    (1, NAME, "prospecting", "Stage: two stages are called 'prospecting'"),
])
def test_a_bad_stage_is_refused_naming_it(settings_dialog: Any, row: int, column: int,
                                          text: str, words: str) -> None:
    dialog = settings_dialog()
    dialog.table.item(row, column).setText(text)
    assert dialog.message.text().startswith(words), dialog.message.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_won_and_lost_cannot_be_removed_or_moved(settings_dialog: Any) -> None:
    dialog = settings_dialog()
    won = next(i for i, d in enumerate(dialog.drafts) if d.outcome == "won")
    dialog.table.selectRow(won)
    assert not dialog.remove_button.isEnabled() and not dialog.up_button.isEnabled()
    dialog.remove_selected()
    assert len(dialog.drafts) == 4


def test_removing_a_stage_that_holds_deals_is_refused(ctx: Any, main_window: Any,
                                                      settings_dialog: Any) -> None:
    pipeline_id = form(ctx).pipeline_id
    specs = [ps.StageSpec(s.name, s.probability, s.category, s.outcome, s.rotting_days, s.id)
             for s in form(ctx).stages]
    ps.save_stages(ctx.uow, pipeline_id, [*specs[:2], ps.StageSpec(
        "Negotiation", 60, "commit", "open", 20), *specs[2:]])
    dialog = settings_dialog()
    negotiation = open_stage(ctx, "Negotiation")
    sp.add_deal(ctx.uow, stage_id=negotiation.id, title="Arrived meanwhile")
    dialog.table.selectRow(2)
    dialog.remove_selected()  # the dialog counted no deals: the service refuses
    dialog.accept()
    main_window.settle()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "'Negotiation' still holds 1 deal(s)" in dialog.message.text()
    assert dialog.message.text().startswith("Not saved: Stage:")
    assert "Negotiation" in stage_names(ctx)
    # a stage the dialog knows to hold deals is refused at once
    engaging = next(i for i, d in enumerate(dialog.drafts) if d.name == "Engaging")
    dialog.table.selectRow(engaging)
    dialog.remove_selected()
    assert "holds" in dialog.message.text() and "Engaging" in stage_names(ctx)


def test_lost_reasons_are_added_retired_and_reactivated(ctx: Any, main_window: Any,
                                                        settings_dialog: Any) -> None:
    panel = settings_dialog().reasons
    panel.name_edit.setText("Lost to in-house build")
    panel.add()
    main_window.settle()
    assert "Lost to in-house build" in panel.active_names()
    stored = {r.name: r.active for r in read(ctx, deal_queries.lost_reasons)}
    assert stored["Lost to in-house build"] is True
    panel.name_edit.setText("price")  # already there
    panel.add()
    main_window.settle()
    assert "already a lost reason" in panel.message.text()
    panel.select("Timing")
    panel.toggle_selected()
    main_window.settle()
    assert "Timing" not in panel.active_names()
    panel.select("Timing")
    assert panel.toggle_button.text() == "Reactivate"
    panel.toggle_selected()
    main_window.settle()
    assert "Timing" in panel.active_names()
    panel.name_edit.setText("")
    panel.add()
    assert panel.message.text() == "Lost reason is required"


def test_pipeline_settings_entry_point_shows_the_stages(ctx: Any, main_window: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []
    monkeypatch.setattr(StagesDialog, "ask", lambda parent, *, settings, actions, taken:
                        seen.append((settings, taken)))
    deal_edits.pipeline_settings(ctx, main_window, form(ctx).pipeline_id)
    main_window.settle()
    [(settings, taken)] = seen
    assert taken == []  # the names of the other pipelines: there are none
    assert [s.name for s in settings.stages] == ["Prospecting", "Engaging", "Won", "Lost"]
    assert "Price" in [r.name for r in settings.lost_reasons]


def test_a_deal_whose_owner_left_can_still_be_edited(qtbot: Any, ctx: Any) -> None:
    from salesdesk.services import team

    owner = next(o for o in form(ctx).owners if o.active)
    deal_id = make_deal(ctx, owner_id=owner.id)
    with ctx.uow() as uow:
        version = uow.members.get(owner.id).version
    team.set_active(ctx.uow, owner.id, version, active=False, on=date.today())
    dialog = dialog_for(qtbot, ctx, deal_id)
    assert dialog.owner_combo.currentText() == f"{owner.name} — left"
    dialog.title_edit.setText("Still editable")
    assert dialog.problem() == ""
    assert "owner_id" not in dialog.result_value().changes()[0]
    new = dialog_for(qtbot, ctx)
    assert new.owner_combo.findData(owner.id) < 0  # not offered for a new deal
