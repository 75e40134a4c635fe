"""The only place that touches QSettings: window geometry, current tab, last workspace."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings("SalesDesk", "SalesDesk")

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def current_tab(self) -> str:
        return str(self._s.value("window/tab", "team"))

    def set_current_tab(self, name: str) -> None:
        self._s.setValue("window/tab", name)

    def splitter(self, name: str) -> QByteArray | None:
        value = self._s.value(f"splitters/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"splitters/{name}", value)

    def sync(self) -> None:
        self._s.sync()
