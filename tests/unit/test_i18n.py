"""Every user-visible string in ui/ goes through tr() (STYLE.md).

Walks the UI modules and flags string literals with letters passed straight to the Qt
calls that put text on screen. Literals inside tr()/self.tr()/translate() are fine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "src" / "salesdesk" / "ui"

TEXT_CALLS = {
    # constructors whose first argument is shown
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton",
    # setters and adders that show their text argument
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "addTab", "addMenu", "addAction", "setTabText", "setLabelText", "setHeaderLabels",
    "showMessage", "addRow", "setTitle", "setWhatsThis", "insertTab", "addItem",
    "warning", "critical", "information", "question", "about", "getText",
    "getOpenFileName", "getSaveFileName",
}
TRANSLATORS = {"tr", "translate"}
_MARKUP = re.compile(r"<[^>]*>|&\w+;")
_FILE_NAME = re.compile(r"^[\w\-]+\.\w{2,8}$|^[a-z+]+://\S*$")  # file names, URLs


def _is_words(text: str) -> bool:
    """Text a person reads: letters left once markup is removed, and not a file name."""
    bare = _MARKUP.sub("", text)
    return any(ch.isalpha() for ch in bare) and not _FILE_NAME.match(bare.strip())


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _bare_literals(node: ast.AST) -> list[ast.Constant]:
    """String constants with letters that are not inside a tr() call."""
    found: list[ast.Constant] = []

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Call) and _name(n.func) in TRANSLATORS:
            return
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and _is_words(n.value):
            found.append(n)
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def untranslated(source: str, filename: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and _name(node.func) in TEXT_CALLS:
            for arg in node.args:
                for literal in _bare_literals(arg):
                    problems.append(f"{filename}:{literal.lineno}: {literal.value!r} "
                                    f"passed to {_name(node.func)}() without tr()")
    return problems


def test_the_checker_catches_a_bare_string() -> None:
    assert untranslated('QLabel("Hello")', "x.py")
    assert untranslated('w.setToolTip(f"Hi {name}")', "x.py")  # f-string text is words too
    assert untranslated('w.setWindowTitle("Team " + x)', "x.py")
    assert untranslated('QLabel(self.tr("Hello"))', "x.py") == []
    assert untranslated('QLabel(tr("Hello {0}").format(x))', "x.py") == []
    assert untranslated('QLabel("—")', "x.py") == []  # no letters: a dash is not a word
    assert untranslated('QLabel("<b>")', "x.py") == []  # markup only
    assert untranslated('d.getSaveFileName(w, t, "team.xlsx")', "x.py") == []


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: p.name)
def test_ui_strings_go_through_tr(path: Path) -> None:
    assert untranslated(path.read_text(encoding="utf-8"), path.name) == []
