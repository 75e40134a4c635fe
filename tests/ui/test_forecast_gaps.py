"""The Forecast tab's manager's call, history and accuracy, and the funnel drill-down for
every stage (pytest-qt, offscreen, on the sample company: 2017-Q4 as of 1 Oct 2017)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from test_forecast_tab import PERIOD, WAIT, drilled, tab  # noqa: F401 (fixture)

from salesdesk.services import forecast as svc
from salesdesk.storage.forecast_queries import SqlForecastSource
from salesdesk.ui import forecast_history
from salesdesk.ui.forecast_history import CallAnswer, CallDialog, parse_adjustment
from salesdesk.ui.forecast_tab import ForecastTab


def test_the_call_dialog_names_the_field_in_trouble(qtbot: Any) -> None:
    dialog = CallDialog(None, PERIOD, "Company", Decimal("1000.00"), "EUR")
    qtbot.addWidget(dialog)
    dialog.comment_edit.setText("Two renewals slip")
    dialog.adjustment_edit.setText("12.345")
    assert "Adjustment" in dialog.message.text()
    dialog.adjustment_edit.setText("-250.50")
    assert dialog.message.text() == ""
    assert dialog.value() == CallAnswer(Decimal("-250.50"), "Two renewals slip")
    dialog.comment_edit.setText("   ")
    assert "Comment" in dialog.message.text()
    assert parse_adjustment("-1,000.25") == Decimal("-1000.25")


def test_a_call_is_recorded_and_listed_in_the_history(
        qtbot: Any, tab: ForecastTab, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(CallDialog, "ask", classmethod(
        lambda cls, *_a, **_k: CallAnswer(Decimal("-1234.56"), "Renewal slips")))
    with qtbot.waitSignal(tab.sig_call_recorded, timeout=WAIT) as blocker:
        tab.call_button.click()
    record = blocker.args[0]
    assert (record.kind, record.period, record.scope_kind) == ("call", PERIOD, "company")
    assert record.adjustment == Decimal("-1234.56")
    assert record.figures["call"] == record.figures["weighted"] - Decimal("1234.56")
    assert "Call recorded for 2017-Q4" in tab.status.text()
    stored = svc.list_snapshots(SqlForecastSource(tab.ctx.workspace.engine), kind="call")
    assert [s.id for s in stored] == [record.id]

    with qtbot.waitSignal(tab.sig_backtest_shown, timeout=WAIT):
        tab.history_button.click()
    dialog = tab.history_dialog
    assert dialog is not None and dialog.history is not None
    rows = dialog.snapshots.rows
    call_rows = [r for r in rows if r[1] == "Call"]
    assert len(call_rows) == 1 and call_rows[0][0] == PERIOD
    assert call_rows[0][-1] == "Renewal slips"
    line = next(x for x in dialog.history.lines if x.snapshot.id == record.id)
    expected = svc.forecast_for(SqlForecastSource(tab.ctx.workspace.engine), PERIOD,
                                datetime(2018, 1, 1, tzinfo=UTC)).closed_won
    assert line.actual == expected and line.error == record.figures["call"] - expected
    accuracy = [r for r in dialog.accuracy.rows if r[1] == "Stored forecasts"]
    assert [r[0] for r in accuracy] == [forecast_history.method_words()["call"]]
    backtest = [r for r in dialog.accuracy.rows if r[1] == "Backtest"]
    assert len(backtest) == len(dialog.backtest.summary) >= 6
    assert "Trust" in dialog.verdict.text() and dialog.accuracy.bold


def _reached(tab: ForecastTab, stage: str) -> set[str]:  # noqa: F811
    """Straight from SQL: deals whose stage history entered `stage` (or one further down
    the funnel) in 2017-Q4; for the lost stage, entered a lost stage."""
    start, end = datetime(2017, 10, 1, tzinfo=UTC), datetime(2018, 1, 1, tzinfo=UTC)
    with tab.ctx.workspace.engine.connect() as conn:
        stages = {name: (pos, outcome) for name, pos, outcome in conn.execute(sa.text(
            "SELECT name, position, outcome FROM stages WHERE deleted_at IS NULL"))}
        pos, outcome = stages[stage]
        wanted = [n for n, (p, o) in stages.items() if (o == "lost" if outcome == "lost"
                  else o == "won" or (o == "open" and p >= pos))]
        rows = conn.execute(sa.text(
            "SELECT DISTINCT c.deal_id, c.at FROM deal_stage_changes c "
            "JOIN stages s ON s.id = c.to_stage_id JOIN deals d ON d.id = c.deal_id "
            "WHERE c.deleted_at IS NULL AND d.deleted_at IS NULL AND s.name IN :names"
        ).bindparams(sa.bindparam("names", expanding=True)), {"names": wanted})
        return {deal_id for deal_id, at in rows
                if start <= _moment(at) < end}


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@pytest.mark.parametrize("stage", ["Engaging", "Lost"])
def test_a_funnel_stage_lists_the_deals_that_reached_it(
        qtbot: Any, tab: ForecastTab, stage: str) -> None:  # noqa: F811
    rows = drilled(qtbot, tab, lambda: tab.drill(f"funnel|{stage}"))
    expected = _reached(tab, stage)
    assert expected and {r.deal_id for r in rows} == expected
    assert tab.view is not None and tab.view.funnel is not None
    reach = next(s for s in tab.view.funnel.stages if s.stage == stage)
    assert reach.reached == len(rows)
    assert f"{len(rows):,} deals" in tab.drill_panel.title.text()
