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

    expected: int | None
    actual: int | None

    def __init__(self, entity: str, entity_id: str, expected: int, actual: int | None):
        self.entity, self.entity_id = entity, entity_id
        self.expected, self.actual = expected, actual
        super().__init__(
            f"{entity} {entity_id} was changed by someone else since you opened it "
            f"(your copy is version {expected}, the workspace has "
            f"{'it deleted' if actual is None else f'version {actual}'}). "
            "Reload and apply your change again."
        )


class ConcurrentEditError(ConflictError):
    """Two writers raced on the same row while saving; the second one loses and is told
    so. `entity` is the kind of record in words ("member"); the versions are unknown."""

    def __init__(self, entity: str = "record", entity_id: str = ""):
        self.entity, self.entity_id = entity, entity_id
        self.expected = self.actual = None
        DomainError.__init__(
            self, f"This {entity} was changed by someone else while you were saving. "
                  "Reload and apply your change again.")


class WorkspaceBusyError(DomainError):
    """The database was locked by another writer or could not be reached; the unit of
    work was rolled back. `reason` is the database's short explanation."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"The workspace is busy or unreachable ({reason}); nothing was "
                         "changed. Try again.")
