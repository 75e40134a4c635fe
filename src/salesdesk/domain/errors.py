"""Domain errors. Each carries enough context for the UI/CLI to name the field or row."""

from __future__ import annotations


class DomainError(Exception):
    """Base class of every rule violation the user can fix."""


class ValidationError(DomainError):
    """A value was refused. `field` names the field; `row` the source row, if any."""

    def __init__(self, message: str, *, field: str | None = None, row: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.row = row

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ManagerCycleError(ValidationError):
    """Setting this manager would make a member their own (indirect) manager."""


class NotFoundError(DomainError):
    """The entity does not exist (or was deleted)."""


class ConflictError(DomainError):
    """The entity changed elsewhere since it was loaded; the write was refused."""

    def __init__(self, entity: str, entity_id: str, expected: int, actual: int | None):
        self.entity, self.entity_id = entity, entity_id
        self.expected, self.actual = expected, actual
        super().__init__(
            f"{entity} {entity_id} was changed by someone else since you opened it "
            f"(your copy is version {expected}, the workspace has "
            f"{'it deleted' if actual is None else f'version {actual}'}). "
            "Reload and apply your change again."
        )

    @classmethod
    def concurrent(cls, detail: str) -> ConflictError:
        """Two writers raced on the same row; the second one loses and is told so."""
        error = cls.__new__(cls)
        error.entity, error.entity_id, error.expected, error.actual = "record", "", 0, None
        Exception.__init__(error, "This record was changed by someone else while you were "
                                  f"saving. Reload and apply your change again. ({detail})")
        return error
