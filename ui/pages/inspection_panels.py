"""The unit on the inspection screen (product, RMA, the customer's words) and the grade result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from receiving_app.inspection import grade_from_answers
from receiving_app.inspection.views import InspectionView
from receiving_app.photo_store import PhotoRef
from ui.domain_words import word
from ui.pages.checklist_step import severity_text
from ui.photo_strip import PhotoStrip
from ui.restyle import set_style_properties


class UnitPanel(QFrame):
    """LPN, product, SKU, serial, RMA and reason, the customer's words set apart, and the
    unit's photos (``unitPhotos``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitPanel")
        self._lpn = QLabel("—", self)
        self._lpn.setObjectName("lpnLabel")
        self._product = QLabel(self)
        self._product.setObjectName("unitProduct")
        self._product.setWordWrap(True)
        self._captions: list[QLabel] = []
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for row, key in enumerate(("sku", "serial", "rma", "reason", "checklist")):
            caption = QLabel(self)
            caption.setObjectName("fieldCaption")
            value = QLabel(self)
            value.setProperty("field", "value")
            value.setWordWrap(True)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self._captions.append(caption)
            self._values[key] = value
        grid.setColumnStretch(1, 1)
        self._words_caption = QLabel(self)
        self._words_caption.setObjectName("customerWordsCaption")
        self._words = QLabel(self)
        self._words.setObjectName("customerWords")
        self._words.setWordWrap(True)
        self._words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._photos_caption = QLabel(self)
        self._photos_caption.setObjectName("fieldCaption")
        self._photos = PhotoStrip("unitPhotos", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self._lpn)
        layout.addWidget(self._product)
        layout.addLayout(grid)
        layout.addWidget(self._words_caption)
        layout.addWidget(self._words, 1)
        layout.addWidget(self._photos_caption)
        layout.addWidget(self._photos)
        self.retranslate()

    def retranslate(self) -> None:
        labels = (self.tr("SKU"), self.tr("Serial"), self.tr("RMA"), self.tr("Reason"))
        for caption, label in zip(self._captions, (*labels, self.tr("Checklist")), strict=True):
            caption.setText(label)
        self._words_caption.setText(self.tr("The customer says — check this first:"))
        self._show_photos_caption()

    def show_photos(self, photos: list[PhotoRef]) -> None:
        """The unit's photos as thumbnails (the page reads them from the desk)."""
        self._photos.show_photos(photos)
        self._show_photos_caption()

    def _show_photos_caption(self) -> None:
        count = self._photos.count()
        self._photos_caption.setText(
            self.tr("Photos: {count}").format(count=count)
            if count
            else self.tr("Photos: none (F4 takes one)")
        )

    def show_view(self, view: InspectionView | None, language: str) -> None:
        """Show the unit of ``view``, or an empty panel."""
        set_style_properties(self._lpn, issued=view is not None)
        if view is None:
            self._lpn.setText("—")
            self._product.setText(self.tr("Scan a unit's LPN to inspect it."))
            for value in self._values.values():
                value.setText("")
            self._words.setText("")
            return
        self._lpn.setText(view.lpn)
        self._product.setText(view.product_name)
        sold = ", ".join(view.serials_sold)
        serial = view.serial or self.tr("none")
        self._values["sku"].setText(view.sku)
        self._values["serial"].setText(
            self.tr("{serial} (sold: {sold})").format(serial=serial, sold=sold) if sold else serial
        )
        self._values["rma"].setText(view.rma_number or self.tr("no RMA"))
        self._values["reason"].setText(word("reason", view.reason_code) or "—")
        self._values["checklist"].setText(
            self.tr("{name} v{version}").format(
                name=view.template.name_in(language), version=view.template_version
            )
        )
        self._words.setText(
            f"“{view.customer_words}”" if view.customer_words else self.tr("(no words given)")
        )


class GradePanel(QFrame):
    """The grade, big and coloured (property ``grade``), with the failing steps listed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradePanel")
        self._caption = QLabel(self)
        self._caption.setObjectName("gradeCaption")
        self._grade = QLabel(self)
        self._grade.setObjectName("gradeLabel")
        self._grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._route = QLabel(self)
        self._route.setObjectName("routeLabel")
        self._route.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._route.setWordWrap(True)
        self._recovery = QLabel(self)
        self._recovery.setObjectName("recoveryLine")
        self._recovery.setWordWrap(True)
        self._recovery.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._override = QLabel(self)
        self._override.setObjectName("overrideNote")
        self._override.setWordWrap(True)
        self._failures = QLabel(self)
        self._failures.setObjectName("failingSteps")
        self._failures.setWordWrap(True)
        self._failures.setTextFormat(Qt.TextFormat.PlainText)
        self._failures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._next = QLabel(self)
        self._next.setObjectName("stepHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self._caption)
        layout.addWidget(self._grade)
        layout.addWidget(self._route)
        layout.addWidget(self._recovery)
        layout.addWidget(self._override)
        layout.addWidget(self._failures, 1)
        layout.addWidget(self._next)

    def grade(self) -> str:
        return str(self._grade.property("grade") or "")

    def _recovery_text(self, view: InspectionView) -> str:
        """Every route's expected recovery, the chosen one marked, so the route can be judged."""
        if not view.recoveries:
            return ""
        parts = [
            ("▶ " if route == view.disposition else "")
            + self.tr("{route} {amount}").format(route=word("route", route), amount=amount)
            for route, amount in view.recoveries.items()
        ]
        return self.tr("Expected recovery: {routes}").format(routes=" · ".join(parts))

    def show_view(self, view: InspectionView, language: str) -> None:
        """Show the grade of the completed inspection ``view``."""
        grade = view.final_grade or view.computed_grade or "?"
        self._caption.setText(self.tr("Grade of {lpn}").format(lpn=view.lpn))
        self._grade.setText(grade)
        set_style_properties(self._grade, grade=grade)
        self._route.setText(
            self.tr("{route}  →  {location}").format(
                route=word("route", view.disposition).upper(), location=view.location
            )
            if view.disposition
            else ""
        )
        set_style_properties(self._route, route=view.disposition or "")
        self._recovery.setText(self._recovery_text(view))
        notes = []
        if view.override_reason:
            notes.append(
                self.tr("Overridden from {computed}: {reason}").format(
                    computed=view.computed_grade or "?", reason=view.override_reason
                )
            )
        if view.route_reason:
            notes.append(
                self.tr("Route chosen by a supervisor: {reason}").format(reason=view.route_reason)
            )
        self._override.setText("\n".join(notes))
        lines = []
        for failure in grade_from_answers(view.template, view.answers).failures:
            step = view.steps[failure.position - 1]
            lines.append(
                self.tr("• Step {position}: {question} ({severity})").format(
                    position=failure.position,
                    question=step.question_in(language),
                    severity=severity_text(failure.severity.value),
                )
            )
        self._failures.setText(
            self.tr("Failing steps:") + "\n" + "\n".join(lines)
            if lines
            else self.tr("No failing steps: every check passed.")
        )
        self._next.setText(
            self.tr("Scan the next unit's LPN · F7: override the grade · F8: inspect again")
        )
