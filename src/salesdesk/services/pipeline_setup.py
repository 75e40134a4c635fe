"""Pipeline configuration: the pipelines themselves, their stages and the lost reasons
a deal can be lost for.

Every edit that takes a version refuses to write over a change made elsewhere
(ConflictError); every result carries what is needed to undo it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.pipeline import (
    DEFAULT_LOST_REASONS,
    DEFAULT_PIPELINE,
    DEFAULT_STAGES,
    ForecastCategory,
    LostReason,
    Outcome,
    Pipeline,
    Stage,
    check_stages,
)
from salesdesk.domain.validation import name_key
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


def _now() -> datetime:
    return datetime.now(UTC)


def _deal_changes(summary: str, *ids: str) -> OpChanges:
    return OpChanges(deals=True, summary=summary, ids=ids)


# --- the pipeline itself ---------------------------------------------------------------
def default_pipeline_into(uow: UnitOfWork) -> Pipeline:
    """The workspace's first pipeline; creates the default one (stages and lost reasons
    included) when there is none yet."""
    if not uow.lost_reasons.list():
        for name in DEFAULT_LOST_REASONS:
            uow.lost_reasons.add(LostReason(name=name))
    pipelines = sorted(uow.pipelines.list(), key=lambda p: (p.created_at or _now(), p.name))
    if pipelines:
        return pipelines[0]
    pipeline = Pipeline(name=DEFAULT_PIPELINE)
    uow.pipelines.add(pipeline)
    for i, (name, probability, category, outcome, rotting) in enumerate(DEFAULT_STAGES):
        uow.stages.add(Stage(pipeline_id=pipeline.id, name=name, position=i,
                             probability=probability, category=category, outcome=outcome,
                             rotting_days=rotting))
    return pipeline


def stages_of(uow: UnitOfWork, pipeline_id: str) -> list[Stage]:
    return sorted(uow.stages.find(pipeline_id=pipeline_id), key=lambda s: s.position)


def ensure_pipeline(uow_factory: UnitOfWorkFactory) -> OpChanges:
    with uow_factory() as uow:
        had = bool(uow.pipelines.list()) and bool(uow.lost_reasons.list())
        pipeline = default_pipeline_into(uow)
        uow.commit()
    return OpChanges() if had else _deal_changes(f"Created the pipeline {pipeline.name}")


@dataclass(frozen=True)
class StageSpec:
    """A stage as the pipeline settings dialog gives it; `id` None = a new stage."""

    name: str
    probability: int
    category: ForecastCategory
    outcome: Outcome = Outcome.OPEN
    rotting_days: int | None = None
    id: str | None = None


def save_stages(uow_factory: UnitOfWorkFactory, pipeline_id: str,
                specs: Sequence[StageSpec]) -> OpChanges:
    """Replace the pipeline's stages by `specs`, in that order. A stage left out is
    removed, which is refused while live deals are in it."""
    with uow_factory() as uow:
        pipeline = uow.pipelines.get(pipeline_id)
        current = {s.id: s for s in stages_of(uow, pipeline_id)}
        kept: list[Stage] = []
        for i, spec in enumerate(specs):
            probe = Stage(pipeline_id=pipeline_id, name=spec.name, position=i,
                          probability=spec.probability, category=spec.category,
                          outcome=spec.outcome, rotting_days=spec.rotting_days)
            if spec.id is None:
                uow.stages.add(probe)
                kept.append(probe)
                continue
            stage = current.pop(spec.id, None)
            if stage is None:  # removed meanwhile, given twice, or of another pipeline
                raise NotFoundError(f"stage '{spec.name}' is no longer in {pipeline.name}; "
                                    "reload the stages and try again")
            if stage.outcome is not probe.outcome and uow.deals.find(stage_id=stage.id):
                raise ValidationError(f"'{stage.name}' holds deals: its outcome cannot "
                                      "change", field="outcome")
            for key in ("name", "position", "probability", "category", "outcome",
                        "rotting_days"):
                setattr(stage, key, getattr(probe, key))
            kept.append(stage)
        check_stages(kept)
        for stage in current.values():
            held = len(uow.deals.find(stage_id=stage.id))
            if held:
                raise ValidationError(f"'{stage.name}' still holds {held} deal(s); move them "
                                      "before removing the stage", field="stage")
            stage.deleted_at = _now()
        uow.commit()
        return _deal_changes(f"Saved the stages of {pipeline.name}")


def add_lost_reason(uow_factory: UnitOfWorkFactory, name: str) -> OpChanges:
    with uow_factory() as uow:
        reason = LostReason(name=name)
        existing = uow.lost_reasons.by_name(reason.name)
        if existing is not None:
            if existing.active:
                raise ValidationError(f"'{existing.name}' is already a lost reason",
                                      field="lost reason")
            existing.active = True
        else:
            uow.lost_reasons.add(reason)
        uow.commit()
        return _deal_changes(f"Added the lost reason {reason.name}",
                             (existing or reason).id)


def retire_lost_reason(uow_factory: UnitOfWorkFactory, reason_id: str) -> OpChanges:
    """Offer the reason no more; deals lost for it keep it."""
    with uow_factory() as uow:
        reason = uow.lost_reasons.get(reason_id)
        reason.active = False
        uow.commit()
        return _deal_changes(f"Retired the lost reason {reason.name}")


# --- lost reasons by name ---
def lost_reason_by_name(uow: UnitOfWork, name: str) -> LostReason | None:
    key = name_key(name)
    return next((r for r in uow.lost_reasons.list() if name_key(r.name) == key), None)


def retire_lost_reason_named(uow_factory: UnitOfWorkFactory, name: str) -> OpChanges:
    """Undo of add_lost_reason, which returns no id: the reason is found by its name."""
    with uow_factory() as uow:
        reason = lost_reason_by_name(uow, name)
        if reason is None:
            raise ValidationError(f"'{name}' is not a lost reason", field="lost reason")
        reason_id = reason.id
    return retire_lost_reason(uow_factory, reason_id)


# --- pipelines ---
@dataclass(frozen=True)
class PipelineSaved:
    changes: OpChanges
    pipeline_id: str
    version: int
    name: str
    previous_name: str | None = None
    """The name a rename replaced, so it can be undone."""

    @property
    def entity_id(self) -> str:
        return self.pipeline_id


def _pipeline_saved(summary: str, pipeline: Pipeline,
                    previous_name: str | None = None) -> PipelineSaved:
    return PipelineSaved(_deal_changes(summary, pipeline.id), pipeline.id, pipeline.version,
                         pipeline.name, previous_name)


def _check_unique(uow: UnitOfWork, name: str, pipeline_id: str | None = None) -> None:
    """No other live pipeline is called `name` (case and spaces aside)."""
    key = name_key(name)
    for other in uow.pipelines.list():
        if other.id != pipeline_id and name_key(other.name) == key:
            raise ValidationError(f"a pipeline called '{other.name}' exists already",
                                  field="pipeline")


def add_pipeline(uow_factory: UnitOfWorkFactory, name: str,
                 copy_from: str | None = None) -> PipelineSaved:
    """A new pipeline with the default stages, or with copies of the stages of the
    pipeline `copy_from` (names, probabilities, categories, outcomes, rotting days)."""
    with uow_factory() as uow:
        pipeline = Pipeline(name=name)
        _check_unique(uow, pipeline.name)
        if copy_from is None:
            stages = [Stage(pipeline_id=pipeline.id, name=n, position=i, probability=p,
                            category=c, outcome=o, rotting_days=r)
                      for i, (n, p, c, o, r) in enumerate(DEFAULT_STAGES)]
        else:
            uow.pipelines.get(copy_from)
            stages = [Stage(pipeline_id=pipeline.id, name=s.name, position=i,
                            probability=s.probability, category=s.category,
                            outcome=s.outcome, rotting_days=s.rotting_days)
                      for i, s in enumerate(stages_of(uow, copy_from))]
        check_stages(stages)
        if not uow.lost_reasons.list():  # deals lost in it need reasons to choose from
            for reason in DEFAULT_LOST_REASONS:
                uow.lost_reasons.add(LostReason(name=reason))
        uow.pipelines.add(pipeline)
        for stage in stages:
            uow.stages.add(stage)
        uow.commit()
        return _pipeline_saved(f"Added the pipeline {pipeline.name}", pipeline)


def rename_pipeline(uow_factory: UnitOfWorkFactory, pipeline_id: str,
                    expected_version: int | None, name: str) -> PipelineSaved:
    with uow_factory() as uow:
        pipeline = uow.pipelines.get(pipeline_id)
        check_version(pipeline, expected_version, "Pipeline")
        cleaned = Pipeline(name=name).name
        _check_unique(uow, cleaned, pipeline.id)
        previous = pipeline.name
        pipeline.name = cleaned
        uow.commit()
        return _pipeline_saved(f"Renamed the pipeline {previous} to {cleaned}", pipeline,
                               previous)


def remove_pipeline(uow_factory: UnitOfWorkFactory, pipeline_id: str,
                    expected_version: int | None) -> PipelineSaved:
    """Soft-delete the pipeline and its stages (restore_pipeline brings both back).
    Refused while it holds live deals, won and lost ones included, and for the last
    pipeline of the workspace."""
    with uow_factory() as uow:
        pipeline = uow.pipelines.get(pipeline_id)
        check_version(pipeline, expected_version, "Pipeline")
        held = len(uow.deals.find(pipeline_id=pipeline.id))
        if held:
            raise ValidationError(f"{pipeline.name} still holds {held} deal(s); move or "
                                  "delete them before removing the pipeline",
                                  field="pipeline")
        if len(uow.pipelines.list()) == 1:
            raise ValidationError(f"{pipeline.name} is the only pipeline; a workspace "
                                  "keeps at least one", field="pipeline")
        stages = stages_of(uow, pipeline.id)
        now = _now()
        pipeline.deleted_at = now
        for stage in stages:  # the same moment tells restore which stages went with it
            stage.deleted_at = now
        uow.commit()
        return _pipeline_saved(f"Removed the pipeline {pipeline.name}", pipeline)


def restore_pipeline(uow_factory: UnitOfWorkFactory, pipeline_id: str,
                     expected_version: int | None) -> PipelineSaved:
    """Undo of remove_pipeline (and redo of add_pipeline): the pipeline and the stages
    removed with it come back; stages removed earlier stay removed."""
    with uow_factory() as uow:
        pipeline = uow.pipelines.get_deleted(pipeline_id)
        check_version(pipeline, expected_version, "Pipeline")
        _check_unique(uow, pipeline.name, pipeline.id)
        removed_at = pipeline.deleted_at
        stages = [s for s in uow.stages.list_deleted()
                  if s.pipeline_id == pipeline.id and s.deleted_at == removed_at]
        pipeline.deleted_at = None
        for stage in stages:
            stage.deleted_at = None
        uow.commit()
        return _pipeline_saved(f"Restored the pipeline {pipeline.name}", pipeline)
