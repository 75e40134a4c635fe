"""Widgets the Team tab is made of: the skills matrix view and its header, the level
editor, the member detail panel, and a view that says a sentence when it is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.members import RampState
from salesdesk.storage.rows import MemberRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.skills_model import KIND_ROLE, LEVEL_COLOURS

Index = QModelIndex | QPersistentModelIndex

MAX_COLUMN_WIDTH = 280
SKILL_COLUMN_WIDTH = 34
KIND_COLOURS = {"products": "#e3eefa", "industries": "#e6f4ea", "languages": "#fdf0dc",
                "segments": "#f1e8f8"}


class MessageStack(QStackedWidget):
    """A view, or a sentence in its place when there is nothing to show."""

    def __init__(self, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.label.setObjectName("emptyMessage")
        self.label.setStyleSheet("color: #5f6b7a; font-size: 14px; padding: 24px;")
        self.addWidget(view)
        self.addWidget(self.label)

    def show_message(self, text: str) -> None:
        """Show `text` instead of the view, or the view again when `text` is empty."""
        self.label.setText(text)
        self.setCurrentWidget(self.label if text else self.view)

    @property
    def message(self) -> str:
        return self.label.text() if self.currentWidget() is self.label else ""


def fit_columns(view: QTableView | QTreeView, cap: int = MAX_COLUMN_WIDTH) -> None:
    """Columns as wide as their contents and header, plus air, but never wider than `cap`."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    for column in range(header.count()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        view.resizeColumnToContents(column)
        header.resizeSection(column, min(header.sectionSize(column) + 12, cap))


class SkillsHeader(QHeaderView):
    """Skill names written upwards, under a band naming each kind (Products, ...),
    so a matrix of twenty skills fits without scrolling."""

    BAND = 24

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        model = self.model()
        longest = 0
        if model is not None:
            metrics = self.fontMetrics()
            for section in range(1, model.columnCount()):
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                longest = max(longest, metrics.horizontalAdvance(text))
        return QSize(hint.width(), max(hint.height(), self.BAND + min(longest, 150) + 22))

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:  # noqa: N802
        model = self.model()
        if model is None:
            return
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        if model.headerData(logical, Qt.Orientation.Horizontal, KIND_ROLE) is None:
            # The member column: plain background, its title and sort arrow at the bottom.
            self._draw_section(painter, rect, logical, "", sort=False)
            line = self.fontMetrics().height() + 10
            self._draw_section(painter, rect.adjusted(0, rect.height() - line, 0, 0), logical,
                               text, sort=True)
            return
        option = self._draw_section(painter, rect.adjusted(0, self.BAND, 0, 0), logical, "",
                                    sort=True)
        room = option.rect.height() - 18
        text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        x = rect.center().x() + self.fontMetrics().ascent() // 2 - 1
        painter.translate(x, rect.bottom() - 6)
        painter.rotate(-90)
        painter.drawText(0, 0, text)
        painter.restore()

    def _draw_section(self, painter: QPainter, rect: QRect, logical: int, text: str, *,
                      sort: bool) -> QStyleOptionHeader:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect, option.section, option.text = rect, logical, text
        option.textAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if sort and self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown
                                    if self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                                    else QStyleOptionHeader.SortIndicator.SortUp)
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        return option

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for kind, first, last in self._groups():
            left = self.sectionViewportPosition(first)
            right = self.sectionViewportPosition(last) + self.sectionSize(last)
            band = QRect(left, 0, right - left, self.BAND)
            painter.fillRect(band, QColor(KIND_COLOURS.get(kind, "#eef1f4")))
            painter.setPen(QPen(QColor("#c5ccd4")))
            painter.drawRect(band.adjusted(0, 0, -1, -1))
            painter.setPen(QColor("#33475b"))
            label = self.fontMetrics().elidedText(fmt.kind_word(kind),
                                                  Qt.TextElideMode.ElideRight, band.width() - 8)
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()

    def fit_groups(self, width: int) -> None:
        """Size skill sections to `width`, wider where a kind's name needs the room."""
        metrics = self.fontMetrics()
        for kind, first, last in self._groups():
            need = metrics.horizontalAdvance(fmt.kind_word(kind)) + 16
            count = last - first + 1
            each = max(width, -(-need // count))
            for section in range(first, last + 1):
                self.resizeSection(section, each)

    def _groups(self) -> list[tuple[str, int, int]]:
        model = self.model()
        groups: list[tuple[str, int, int]] = []
        if model is None:
            return groups
        for section in range(1, model.columnCount()):
            kind = model.headerData(section, Qt.Orientation.Horizontal, KIND_ROLE)
            if kind is None:
                continue
            if groups and groups[-1][0] == kind and groups[-1][2] == section - 1:
                groups[-1] = (kind, groups[-1][1], section)
            else:
                groups.append((kind, section, section))
        return groups


class LevelDelegate(QStyledItemDelegate):
    """A 0-5 spin box for skill levels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        spin = QSpinBox(parent, minimum=0, maximum=5, frame=False,
                        alignment=Qt.AlignmentFlag.AlignCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class SkillsView(QTableView):
    """The matrix. Typing 0-5 on a cell sets the level and moves down (fast entry);
    Delete clears it; double-click or F2 opens a spin box."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, sortingEnabled=True, alternatingRowColors=False,
                         selectionBehavior=QAbstractItemView.SelectionBehavior.SelectItems,
                         selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
                         editTriggers=QAbstractItemView.EditTrigger.DoubleClicked |
                         QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setHorizontalHeader(SkillsHeader(self))
        self.setItemDelegate(LevelDelegate(self))
        self.verticalHeader().hide()
        self.setShowGrid(True)
        self.setStyleSheet("QTableView { gridline-color: #e1e6eb; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        index = self.currentIndex()
        level = _typed_level(event)
        if level is not None and index.isValid() and self.state() != \
                QAbstractItemView.State.EditingState and \
                index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.model().setData(index, level, Qt.ItemDataRole.EditRole)
            below = index.sibling(index.row() + 1, index.column())
            if below.isValid():
                self.setCurrentIndex(below)
            return
        super().keyPressEvent(event)


def _typed_level(event: QKeyEvent) -> int | None:
    if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return 0
    text = event.text()
    return int(text) if len(text) == 1 and text in "012345" else None


class SkillsPage(QWidget):
    """The skills matrix under a legend of the level colours and the Add skill button."""

    def __init__(self, model: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = SkillsView()
        self.view.setModel(model)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.stack = MessageStack(self.view)
        self.add_button = QPushButton(tr("Add skill column…"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 6, 0, 6)
        hint = QLabel(tr("Levels: 1 basic … 5 expert. Type 0-5 on a cell, or double-click "
                         "it."))
        hint.setStyleSheet("color: #5f6b7a;")
        bar.addWidget(hint)
        for level in range(1, 6):
            swatch = QLabel(str(level), alignment=Qt.AlignmentFlag.AlignCenter)
            swatch.setFixedSize(24, 20)
            swatch.setStyleSheet(f"background: {LEVEL_COLOURS[level]}; color: #1b2b3a; "
                                 "border: 1px solid #c5ccd4;")
            bar.addWidget(swatch)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack)

    def fit_columns(self) -> None:
        """The member column to its names, skill columns narrow but wide enough for the
        kind band above them."""
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(24)
        self.view.resizeColumnToContents(0)
        header.resizeSection(0, min(header.sectionSize(0) + 16, MAX_COLUMN_WIDTH))
        if isinstance(header, SkillsHeader):
            header.fit_groups(SKILL_COLUMN_WIDTH)
        header.updateGeometry()


class DetailPanel(QFrame):
    """The selected member's capacity, ramp, territories and strongest skills."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="memberDetail")
        self.setStyleSheet("#memberDetail { background: #f7f9fb; border-left: 1px solid "
                           "#dde3ea; } QLabel { color: #1f2d3a; } "
                           "QLabel[muted=\"true\"] { color: #6b7785; }")
        self.setMinimumWidth(240)
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.subtitle = QLabel(wordWrap=True)
        self.subtitle.setProperty("muted", True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.values: dict[str, QLabel] = {}
        for key, label in self._rows():
            value = QLabel(wordWrap=True, textInteractionFlags=
                           Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label)
            caption.setProperty("muted", True)
            self.form.addRow(caption, value)
            self.values[key] = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.show_member(None, None)

    @staticmethod
    def _rows() -> list[tuple[str, str]]:
        return [("manager", tr("Manager")), ("email", tr("Email")),
                ("capacity", tr("Capacity")), ("load", tr("Load")), ("ramp", tr("Ramp")),
                ("territories", tr("Territories")), ("skills", tr("Top skills")),
                ("status", tr("Status"))]

    def show_member(self, row: MemberRow | None, work: fmt.Workload | None) -> None:
        if row is None or work is None:
            self.title.setText(tr("No one selected"))
            self.subtitle.setText(tr("Select a member to see their capacity, ramp-up and "
                                     "territories."))
            self._show_rows(False)
            return
        self._show_rows(True)
        self.title.setText(row.name)
        self.subtitle.setText(fmt.member_summary(row))
        for key, text in self._texts(row, work).items():
            self.values[key].setText(text)

    def _show_rows(self, visible: bool) -> None:
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)

    @staticmethod
    def _texts(row: MemberRow, work: fmt.Workload) -> dict[str, str]:
        capacity = tr("{0} open leads").format(row.capacity)
        if work.ramp.state is RampState.NOT_STARTED:
            capacity += "\n" + tr("none before the start date")
        elif work.effective_capacity != row.capacity:
            capacity += "\n" + tr("{0} while ramping up").format(work.effective_capacity)
        return {
            "manager": row.manager or tr("none"),
            "email": row.email or tr("none"),
            "capacity": capacity,
            "load": fmt.load_tooltip(row, work),
            "ramp": fmt.ramp_text(row, work.ramp),
            "territories": "\n".join(row.territories) or tr("none today"),
            "skills": _top_skills(row) or tr("none recorded"),
            "status": fmt.status_text(row),
        }


def _top_skills(row: MemberRow, per_kind: int = 3) -> str:
    lines = []
    for kind, entries in row.skills.items():
        best = sorted(entries.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:per_kind]
        names = ", ".join(f"{fmt.skill_label(name)} {level}" for name, level in best)
        lines.append(f"{fmt.kind_word(kind)}: {names}")
    return "\n".join(lines)
