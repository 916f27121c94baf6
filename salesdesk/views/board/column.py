"""One board column: a clickable header, the card list (drag source and drop target), and
the narrow strip it folds into."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDropEvent,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from salesdesk.domain.stages import Stage
from salesdesk.views.board.delegate import CardDelegate, mix
from salesdesk.views.board.header import ColumnHeader
from salesdesk.views.board.labels import stage_label
from salesdesk.views.board.models import CARD_ROLE, CONTACT_ID_ROLE, MIME_TYPE, StageColumnModel

MAX_DRAG_CARDS = 3  # cards drawn in a drag pixmap
OPEN_LINES = 9  # the narrowest open column, in line heights: six fit a laptop screen


class StageColumnView(QListView):
    """The cards of one stage. Drops go to the model's dropMimeData (and so to the service);
    Qt's own remove-after-move is never used."""

    focus_entered = Signal(object)  # Stage
    neighbour_requested = Signal(int)  # -1 left, +1 right
    menu_requested = Signal(QPoint)  # global position; the selection is what it is for
    tab_requested = Signal(bool)  # Tab (True) or Shift+Tab: leave the board, not the column

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.entering_focus = False
        self.setObjectName(f"column_view_{stage.value}")
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setAutoFillBackground(False)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setItemDelegate(CardDelegate(self))

    def source_model(self) -> StageColumnModel:
        proxy = self.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        source = proxy.sourceModel()
        assert isinstance(source, StageColumnModel)
        return source

    def selected_ids(self) -> list[int]:
        """Ids of the selected cards, top to bottom."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        proxy = self.model()
        return [int(proxy.index(r, 0).data(CONTACT_ID_ROLE)) for r in rows]

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Type-ahead over 100k rows is slow and clashes with the N shortcut: off."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.neighbour_requested.emit(-1 if event.key() == Qt.Key.Key_Left else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        # the arrow keys move between columns; Tab leaves the board as one stop
        self.tab_requested.emit(next)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """A right click on a card outside the selection selects that card alone first (as
        file managers do); on a selected card the menu is for the whole selection."""
        pos = event.pos()
        index = self.indexAt(pos)
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        if not self.hasFocus():
            self.setFocus(Qt.FocusReason.PopupFocusReason)
        if index.isValid() or self.selectionModel().hasSelection():
            self.menu_requested.emit(event.globalPos())
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.entering_focus = True  # Qt makes the first card current here, not the user
        try:
            super().focusInEvent(event)
        finally:
            self.entering_focus = False
        self.focus_entered.emit(self.stage)

    # --- drag source ------------------------------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802, N803
        indexes = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        pixmap = self.drag_pixmap(indexes)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 4, pixmap.height() // 4))
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def drag_pixmap(self, indexes: list[QModelIndex]) -> QPixmap:
        """The dragged cards, stacked, as the cursor picture."""
        delegate = self.itemDelegate()
        assert isinstance(delegate, CardDelegate)
        m = delegate.metrics(self.font())
        width = max(self.viewport().width(), 12 * m.line)
        shown = indexes[:MAX_DRAG_CARDS]
        step = m.line // 2
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(
            QSize(width + step * (len(shown) - 1), m.height + step * (len(shown) - 1)) * ratio
        )
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.9)
        for n, index in reversed(list(enumerate(shown))):
            rect = QRect(step * n, step * n, width, m.height)
            delegate.paint_card(
                painter, rect, self.palette(), self.font(), index.data(CARD_ROLE), selected=n == 0
            )
        if len(indexes) > 1:
            painter.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
            painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            badge = QRect(width - 2 * m.line, 0, 2 * m.line, m.line + 4)
            painter.drawRoundedRect(badge, 6, 6)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(len(indexes)))
        painter.end()
        return pixmap

    # --- drop target ----------------------------------------------------------------------

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at ``pos`` goes in front of (-1: the end), as the indicator shows."""
        index = self.indexAt(pos)
        if not index.isValid():
            return -1
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() >= rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if not event.mimeData().hasFormat(MIME_TYPE):
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        column = 0 if row >= 0 else -1
        taken = self.model().dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, row, column, QModelIndex()
        )
        if taken:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()


class FoldedStrip(QWidget):
    """A folded column: a narrow strip with its title written upwards; a click unfolds it."""

    clicked = Signal()

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"folded_strip_{stage.value}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to unfold this column"))
        self._text = stage_label(stage)
        width = QFontMetrics(self.font()).height() * 2
        self.setFixedWidth(width)

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.update()

    def text(self) -> str:
        return self._text

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.07)
        )
        painter.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 6, 6)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.translate(0, self.height())
        painter.rotate(-90)
        fm = QFontMetrics(bold)
        area = QRect(fm.height() // 2, 0, self.height() - fm.height(), self.width())
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(self._text, Qt.TextElideMode.ElideRight, area.width()),
        )


class StageColumn(QWidget):
    """Header + card list of one stage, foldable into a strip."""

    fold_toggled = Signal(object, bool)  # Stage, folded

    def __init__(self, model: StageColumnModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = model.stage
        self.setObjectName(f"column_{self.stage.value}")
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.header = ColumnHeader(self.stage, self)
        self.view = StageColumnView(self.stage, self)
        self.view.setModel(self.proxy)
        self.strip = FoldedStrip(self.stage, self)
        self.strip.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.strip, 1)
        self.header.clicked.connect(lambda: self.set_folded(True))
        self.strip.clicked.connect(lambda: self.set_folded(False))
        self._folded = False
        self.setMinimumWidth(self._open_width())

    def _open_width(self) -> int:
        return OPEN_LINES * QFontMetrics(self.font()).height()  # a compact card (see delegate)

    @property
    def folded(self) -> bool:
        return self._folded

    def set_folded(self, folded: bool) -> None:
        if folded == self._folded:
            return
        self._folded = folded
        self.header.setVisible(not folded)
        self.view.setVisible(not folded)
        self.strip.setVisible(folded)
        self.setMaximumWidth(self.strip.width() if folded else 16777215)
        self.setMinimumWidth(self.strip.width() if folded else self._open_width())
        self.fold_toggled.emit(self.stage, folded)

    def update_count(self, searching: bool) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = (
            self.tr("%1 of %2").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
            if searching
            else f"{total:,}"
        )
        self.header.set_count(text)
        self.strip.set_text(f"{self.header.title()}  ·  {text}")
