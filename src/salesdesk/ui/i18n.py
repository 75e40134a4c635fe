"""Translation helper for strings outside a QObject (tables of words, formatters)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "SalesDesk") -> str:
    return QCoreApplication.translate(context, text)
