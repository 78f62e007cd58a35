"""The big coloured answer to the last scan (objectName ``scanFeedback``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from receiving_app.i18n import TranslateFn
from receiving_app.outcomes import ScanOutcome
from ui.domain_words import word
from ui.restyle import set_style_properties
from ui.sounds import OutcomeSounds


def qt_translate(context: str, text: str) -> str:
    """The translate callable the core's outcomes and errors are filled with in the GUI."""
    return QCoreApplication.translate(context, text)


class ScanFeedback(QLabel):
    """Shows an outcome's translated message and carries its level in the ``outcome`` property.

    The style sheet colours it through ``#scanFeedback[outcome="ok"]`` (and warning, error);
    each level also has its own sound.
    """

    def __init__(self, sounds: OutcomeSounds | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanFeedback")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setProperty("outcome", "none")
        self._sounds = sounds or OutcomeSounds(enabled=False)

    def show_outcome(self, outcome: ScanOutcome, translate: TranslateFn = qt_translate) -> None:
        """Show ``outcome`` (already committed by the core), then play its sound."""
        self.show_message(outcome.text(translate, word), outcome.level.value)

    def show_message(self, text: str, level: str) -> None:
        """Show an already translated ``text`` at ``level`` (ok, warning, error or none)."""
        self.setText(text)
        set_style_properties(self, outcome=level, long=False)
        if self._needs_smaller_font(text):
            # The box keeps its height (the screen must not jump between scans), so a long
            # message gets a smaller font rather than a cut-off last line.
            set_style_properties(self, long=True)
        if level in ("ok", "warning", "error"):
            # Paint first, sound right after: the colour is the faster signal.
            QTimer.singleShot(0, self, lambda: self._sounds.play(level))

    def _needs_smaller_font(self, text: str) -> bool:
        margins = self.contentsMargins()
        width = self.contentsRect().width() or self.width() - margins.left() - margins.right()
        height = self.contentsRect().height() or self.height()
        if width <= 0 or height <= 0 or not text:
            return False
        needed = (
            self.fontMetrics()
            .boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), text)
            .height()
        )
        return needed > height
