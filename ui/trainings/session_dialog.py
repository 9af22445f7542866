"""A session of an event: date, time from–to, hours, topic and trainer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.i18n import N_, _, pgettext
from app.i18n.formats import format_time
from app.services import event_pickers
from app.services.event_editing import EventData, SessionData, save_session
from ui.context import AppContext
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.draft_form import DraftForm

NOT_A_TIME = N_("“{value}” is not a time. Type it like 9:30 or 14:00.")


def parse_time(field: str, text: str) -> dt.time | None:
    """9:30, 09.30, 930 or 14 (hours only); empty is no time."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})(?:[:.h ]?(\d{2}))?", text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValidationError(field, NOT_A_TIME, value=text)


def next_session_date(event: EventData, existing: list[SessionData]) -> dt.date | None:
    """The day after the last session, while it is within the event's dates."""
    if not existing:
        return event.starts_on
    last = max(s.date for s in existing if s.date)
    day = last + dt.timedelta(days=1)
    return day if event.ends_on and day <= event.ends_on else last


class SessionDialog(DraftForm):
    draft_kind = "session"

    def __init__(self, ctx: AppContext, event: EventData, session: SessionData | None = None,
                 default_date: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, session.id if session else None, parent)
        self.setObjectName("session_dialog")
        self.event_data = event
        self._base = session or SessionData(event_id=event.id or "", date=default_date,
                                            hours=event.hours_per_session)
        self.date = DateEdit("date", self)
        self.date.setObjectName("date")
        self.starts_at = QLineEdit(self)
        self.starts_at.setObjectName("starts_at")
        self.ends_at = QLineEdit(self)
        self.ends_at.setObjectName("ends_at")
        for edit in (self.starts_at, self.ends_at):
            edit.setMaxLength(5)
            edit.setMaximumWidth(80)
        self.dash = QLabel("–", self)
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("hours")
        self.hours.setRange(0.5, 12)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.topic = QLineEdit(self)
        self.topic.setObjectName("topic")
        self.trainer = CodeCombo(self)
        self.trainer.setObjectName("trainer_id")

        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.starts_at)
        row.addWidget(self.dash)
        row.addWidget(self.ends_at)
        row.addStretch(1)
        form = QFormLayout()
        self.add_row(form, "date", N_("Date"), self.date)
        self.add_row(form, "starts_at", N_("Time"), times)
        self.watch(self.starts_at, self.ends_at)
        self.add_row(form, "hours", N_("Hours"), self.hours)
        self.add_row(form, "topic", N_("Topic"), self.topic)
        self.add_row(form, "trainer_id", N_("Trainer"), self.trainer)
        self.hours.valueChanged.connect(self._changed)
        self.date.problem.connect(
            lambda text: self.errors.show("date", text) if text else self.errors.clear("date"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.load(self._from_data(self._base))
        self.date.setFocus()

    def _from_data(self, d: SessionData) -> dict[str, Any]:
        return {"date": d.date.isoformat() if d.date else "",
                "starts_at": d.starts_at.strftime("%H:%M") if d.starts_at else "",
                "ends_at": d.ends_at.strftime("%H:%M") if d.ends_at else "",
                "hours": d.hours, "topic": d.topic, "trainer_id": d.trainer_id or ""}

    def values(self) -> dict[str, Any]:
        return {"date": self.date.text(), "starts_at": self.starts_at.text(),
                "ends_at": self.ends_at.text(), "hours": self.hours.value(),
                "topic": self.topic.text(), "trainer_id": self.trainer.code() or ""}

    def set_values(self, values: dict[str, Any]) -> None:
        text = str(values.get("date") or "")
        try:
            self.date.set_date(dt.date.fromisoformat(text) if text else None)
        except ValueError:
            self.date.setText(text)
        self.starts_at.setText(str(values.get("starts_at") or ""))
        self.ends_at.setText(str(values.get("ends_at") or ""))
        self.hours.setValue(float(values.get("hours") or 4))
        self.topic.setText(str(values.get("topic") or ""))
        self.trainer.set_code(values.get("trainer_id") or None)

    def data(self) -> SessionData:
        return replace(self._base, date=self.date.date(),
                       starts_at=parse_time("starts_at", self.starts_at.text()),
                       ends_at=parse_time("ends_at", self.ends_at.text()),
                       hours=self.hours.value(), topic=self.topic.text(),
                       trainer_id=self.trainer.code())

    def show_error(self, exc: Exception) -> None:  # type: ignore[override]
        if isinstance(exc, ValidationError) and exc.field == "ends_at":
            exc.field = "starts_at"  # both times share one row, and its message
        super().show_error(exc)  # type: ignore[arg-type]

    def save(self) -> SessionData:
        saved = save_session(self.ctx.db, self.data())
        self.ctx.bus.publish(saved.changes)
        return saved.value

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(_("Edit session {n}").format(n=self._base.number)
                            if self.record_id else _("New session"))
        example = format_time(dt.time(9, 30))
        self.starts_at.setPlaceholderText(pgettext("time", "from"))
        self.ends_at.setPlaceholderText(pgettext("time", "to"))
        self.starts_at.setToolTip(_("A time, e.g. {example}").format(example=example))
        self.ends_at.setToolTip(_("A time, e.g. {example}").format(example=example))
        ids = list(self.event_data.trainer_ids)
        if self._base.trainer_id and self._base.trainer_id not in ids:
            ids.append(self._base.trainer_id)
        names = event_pickers.person_labels(self.ctx.db, ids)
        loading, self._loading = self._loading, True
        self.trainer.set_choices([(i, names.get(i, i)) for i in ids], blank="—")
        self._loading = loading
