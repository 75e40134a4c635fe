"""services.demo: the sample company arrives whole or not at all."""

from __future__ import annotations

from typing import Any

import pytest

from salesdesk.domain.territory_plan import TerritoryPlan
from salesdesk.services import demo
from salesdesk.services.imports import ImportRefused
from salesdesk.storage.files import read_table
from salesdesk.storage.sample import SAMPLE_FILES

from .conftest import SAMPLE
from .fakes import FakeWorkspace, make_table


def sample() -> dict[str, Any]:
    return {name: read_table(SAMPLE / f"{name}.csv") for name in SAMPLE_FILES}


def test_the_sample_company_is_created_in_one_commit(ws: FakeWorkspace) -> None:
    result = demo.create_sample_company(ws, sample())
    assert ws.commits == 1
    assert (len(ws.live("members")), len(ws.live("accounts")), len(ws.live("products"))) == \
        (41, 85, 7)
    assert len(ws.live("territories")) == len(demo.TERRITORIES)
    assert result.evaluation.landed == 85
    assert all(a.territory_id for a in ws.live("accounts"))
    assert ws.one("members", "Anna Snelling").skills["products"]


class Boom(Exception):
    pass


def _fail(*_args: Any, **_kwargs: Any) -> Any:
    raise Boom("the step failed")


@pytest.mark.parametrize("step", ["_territories", "_skills", "evaluate"])
def test_a_failing_step_leaves_the_workspace_empty(ws: FakeWorkspace,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   step: str) -> None:
    empty = ws.snapshot()
    if step == "evaluate":  # the last step: landing the accounts in their territories
        monkeypatch.setattr(TerritoryPlan, "evaluate", _fail)
    else:
        monkeypatch.setattr(demo, step, _fail)
    with pytest.raises(Boom):
        demo.create_sample_company(ws, sample())
    assert ws.snapshot() == empty
    assert ws.commits == 0


def test_a_refused_products_file_leaves_the_workspace_empty(ws: FakeWorkspace) -> None:
    empty = ws.snapshot()
    tables = {**sample(), "products": make_table(["product", "sales_price"], ["GTX", "x"])}
    with pytest.raises(ImportRefused):
        demo.create_sample_company(ws, tables)
    assert ws.snapshot() == empty
