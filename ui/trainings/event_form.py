"""The event form: a new event or an edit. The service gives the code (e.g. SAL-2026-014)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.services import choices, event_pickers
from app.services.event_editing import EventData, get_event_data, save_event
from ui.context import AppContext
from ui.trainings import labels
from ui.trainings.trainers_edit import TrainersEdit
from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.draft_form import DraftForm

COMBOS = ("kind", "programme_code", "municipality_code", "language", "network_id", "run_id",
          "cert_rule", "status")
TEXTS = ("title_lt", "title_pl", "title_ru", "place", "country")


class EventForm(DraftForm):
    draft_kind = "event"

    def __init__(self, ctx: AppContext, event_id: str | None = None,
                 parent: QWidget | None = None, offer_draft: bool = True) -> None:
        super().__init__(ctx, event_id, parent)
        self.setObjectName("event_form")
        self.setMinimumWidth(880)
        self._base = get_event_data(ctx.db, event_id) if event_id else EventData(
            starts_on=dt.date.today())
        self.edits = {name: QLineEdit(self) for name in TEXTS}
        self.combos = {name: CodeCombo(self) for name in COMBOS}
        for name, w in [*self.edits.items(), *self.combos.items()]:
            w.setObjectName(name)
        self.edits["country"].setMaxLength(2)
        self.edits["country"].setMaximumWidth(60)
        self.starts_on = DateEdit("starts_on", self)
        self.starts_on.setObjectName("starts_on")
        self.ends_on = DateEdit("ends_on", self)
        self.ends_on.setObjectName("ends_on")
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(0, 10_000)
        self.share = QSpinBox(self)
        self.share.setObjectName("cert_min_share")
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("hours_per_session")
        self.hours.setRange(0.5, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.trainers = TrainersEdit(ctx.db, self)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)

        top, left, right, bottom = QFormLayout(), QFormLayout(), QFormLayout(), QFormLayout()
        e, c = self.edits, self.combos
        self.add_row(top, "kind", N_("Kind"), c["kind"])
        self.add_row(top, "title_lt", N_("Title in Lithuanian"), e["title_lt"])
        self.add_row(top, "title_pl", N_("Title in Polish"), e["title_pl"])
        self.add_row(top, "title_ru", N_("Title in Russian"), e["title_ru"])
        self.add_row(top, "programme_code", N_("Programme"), c["programme_code"])
        self.add_row(left, "starts_on", N_("Start date"), self.starts_on)
        self.add_row(left, "ends_on", N_("End date"), self.ends_on)
        self.add_row(left, "place", N_("Place"), e["place"])
        self.add_row(left, "municipality_code", N_("Municipality"), c["municipality_code"])
        self.add_row(left, "country", N_("Country"), e["country"])
        self.add_row(left, "language", N_("Language"), c["language"])
        self.add_row(left, "status", N_("Status"), c["status"])
        self.add_row(left, "capacity", N_("Capacity"), self.capacity)
        self.add_row(right, "trainer_ids", N_("Trainers"), self.trainers)
        self.add_row(right, "network_id", N_("Network"), c["network_id"])
        self.add_row(right, "run_id", N_("Advocacy run"), c["run_id"])
        self.add_row(right, "cert_rule", N_("Certificate rule"), c["cert_rule"])
        self.add_row(right, "cert_min_share", N_("Minimum share"), self.share)
        self.add_row(right, "hours_per_session", N_("Hours per session"), self.hours)
        self.add_row(bottom, "description", N_("Description"), self.description)
        self.hours.valueChanged.connect(self._changed)
        self.trainers.changed.connect(self._changed)
        self.starts_on.problem.connect(lambda text: self._date_problem("starts_on", text))
        self.ends_on.problem.connect(lambda text: self._date_problem("ends_on", text))
        c["cert_rule"].currentIndexChanged.connect(self._rule_changed)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.load(self._from_data(self._base))
        if offer_draft:
            self.offer_draft()
        self.edits["title_lt"].setFocus()

    # -- values ---------------------------------------------------------------------------------

    def _from_data(self, d: EventData) -> dict[str, Any]:
        names = event_pickers.person_labels(self.ctx.db, d.trainer_ids)
        out: dict[str, Any] = {n: getattr(d, n) or "" for n in (*TEXTS, *COMBOS)}
        out.update(
            starts_on=d.starts_on.isoformat() if d.starts_on else "",
            ends_on=d.ends_on.isoformat() if d.ends_on else "",
            capacity=d.capacity or 0, cert_min_share=round(d.cert_min_share * 100),
            hours_per_session=d.hours_per_session, description=d.description,
            trainers=[[pid, names.get(pid, pid)] for pid in d.trainer_ids])
        return out

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {n: w.text() for n, w in self.edits.items()}
        out.update({n: w.code() or "" for n, w in self.combos.items()})
        out.update(starts_on=self.starts_on.text(), ends_on=self.ends_on.text(),
                   capacity=self.capacity.value(), cert_min_share=self.share.value(),
                   hours_per_session=self.hours.value(),
                   description=self.description.toPlainText(),
                   trainers=[list(t) for t in self.trainers.items()])
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, edit in self.edits.items():
            edit.setText(str(values.get(name) or ""))
        for name, combo in self.combos.items():
            combo.set_code(values.get(name) or None)
        for edit, key in ((self.starts_on, "starts_on"), (self.ends_on, "ends_on")):
            text = str(values.get(key) or "")
            try:
                edit.set_date(dt.date.fromisoformat(text) if text else None)
            except ValueError:
                edit.setText(text)  # a draft keeps what was typed, even if not a date yet
        self.capacity.setValue(int(values.get("capacity") or 0))
        self.share.setValue(int(values.get("cert_min_share") or 80))
        self.hours.setValue(float(values.get("hours_per_session") or 4))
        self.description.setPlainText(str(values.get("description") or ""))
        self.trainers.set_items([tuple(t) for t in values.get("trainers") or []])
        self._rule_changed()

    def data(self) -> EventData:
        v = self.values()
        links: dict[str, Any] = {n: v[n] or None for n in (
            "programme_code", "municipality_code", "network_id", "run_id")}
        return replace(
            self._base, **{n: v[n] for n in TEXTS}, **links,
            kind=v["kind"], language=v["language"] or "lt", cert_rule=v["cert_rule"],
            status=v["status"] or "planned", description=v["description"],
            starts_on=self.starts_on.date(), ends_on=self.ends_on.date(),
            capacity=v["capacity"] or None, cert_min_share=v["cert_min_share"] / 100,
            hours_per_session=v["hours_per_session"],
            trainer_ids=tuple(self.trainers.ids()))

    def save(self) -> EventData:
        saved = save_event(self.ctx.db, self.data())
        self.ctx.bus.publish(saved.changes)
        return saved.value

    # -- behaviour ------------------------------------------------------------------------------

    def _date_problem(self, field: str, text: str) -> None:
        if text:
            self.errors.show(field, text)
        else:
            self.errors.clear(field)

    def _rule_changed(self, *_args: Any) -> None:
        self.share.setEnabled(self.combos["cert_rule"].code() != "none")

    def retranslate(self) -> None:
        super().retranslate()
        if self.record_id:
            self.setWindowTitle(_("Edit event: {code}").format(code=self._base.code))
        else:
            self.setWindowTitle(_("New event"))
        loading, self._loading = self._loading, True
        db, c = self.ctx.db, self.combos
        c["kind"].set_choices(choices.ref_list(db, "event_kind"))
        c["programme_code"].set_choices(choices.programmes(db), blank="—")
        c["municipality_code"].set_choices(choices.municipalities(db, short=False), blank="—")
        c["language"].set_choices(labels.languages())
        c["network_id"].set_choices(event_pickers.networks(db), blank="—")
        c["run_id"].set_choices(event_pickers.runs(db), blank="—")
        c["cert_rule"].set_choices(labels.cert_rules())
        c["status"].set_choices(labels.event_statuses())
        self._loading = loading
        self.capacity.setSpecialValueText(_("no limit"))
        self.edits["country"].setPlaceholderText("LT")
        self.edits["country"].setToolTip(_("Two letters, e.g. LT, PL or LV (study visits "
                                            "abroad)"))
        self.edits["title_pl"].setPlaceholderText(_("optional, for documents in Polish"))
        self.edits["title_ru"].setPlaceholderText(_("optional, for documents in Russian"))
        self.trainers.retranslate()
