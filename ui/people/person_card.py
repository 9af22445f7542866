"""The detail card beside the people list: who the person is, their roles, consent and links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import N_, _
from app.i18n.formats import format_date, format_short_date
from app.services import choices
from ui.people import labels

if TYPE_CHECKING:  # the services' dataclasses (their modules load the ORM)
    from app.services.organisations import RoleData
    from app.services.person_search import MergeEntry, PersonOverview


def join_address(address: str, postal_code: str, city: str) -> str:
    place = " ".join(p for p in (postal_code, city) if p)
    return ", ".join(p for p in (address, place) if p)


def role_line(role: RoleData, name: str) -> str:
    text = f"{labels.role_kind(role.role)} · {name}"
    if role.title:
        text += f", {role.title}"
    if role.until:
        text += " " + _("(until {date})").format(date=format_short_date(role.until))
    elif role.since:
        text += " " + _("(since {date})").format(date=format_short_date(role.since))
    return text


def merge_lines(merges: list[MergeEntry]) -> list[str]:
    out = []
    for m in merges:
        when = format_short_date(m.when.date())
        if m.merged_into_this:
            out.append(_("{date}: “{other}” was merged into this record").format(
                date=when, other=m.other_label))
        else:
            out.append(_("{date}: merged into “{other}”").format(date=when, other=m.other_label))
    return out


class Card(QScrollArea):
    """A scrollable card: a title, a status line, rows of facts and titled sections."""

    placeholder_text = ""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.stack)
        self.placeholder.setObjectName("card_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.placeholder.setStyleSheet("color: #666;")
        self.body = QWidget(self.stack)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.body)
        self.setWidget(self.stack)

        self.title = QLabel(self.body)
        self.title.setObjectName("card_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self.body)
        self.status.setObjectName("card_status")
        self.status.setStyleSheet("color: #8a4b00;")
        self.status.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A narrow card (or a long label in another language) puts the value under its label
        # rather than pushing the card into a sideways scroll.
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels: dict[str, tuple[QLabel, QLabel, str]] = {}
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.status)
        self.layout_.addLayout(self.facts)
        self.sections: dict[str, tuple[QLabel, QLabel, str]] = {}
        self.buttons = QGridLayout()

    def add_fact(self, key: str, msgid: str) -> None:
        name, value = QLabel(self.body), QLabel(self.body)
        name.setStyleSheet("color: #555;")
        value.setObjectName(f"fact_{key}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addRow(name, value)
        self.fact_labels[key] = (name, value, msgid)

    def add_section(self, key: str, msgid: str) -> None:
        head, text = QLabel(self.body), QLabel(self.body)
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        head.setContentsMargins(0, 10, 0, 0)
        text.setObjectName(f"section_{key}")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(head)
        self.layout_.addWidget(text)
        self.sections[key] = (head, text, msgid)

    def finish(self, actions: list[QAction]) -> None:
        self.action_buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self.body)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.action_buttons.append(button)
        self._columns = 0
        self._arrange_buttons()
        self.layout_.addSpacing(12)
        self.layout_.addLayout(self.buttons)
        self.layout_.addStretch(1)

    def _arrange_buttons(self) -> None:
        """Two buttons a row when they fit side by side, else one: never a sideways scroll."""
        if not getattr(self, "action_buttons", None):
            return
        widest = max(b.sizeHint().width() for b in self.action_buttons)
        room = self.viewport().width() - 24
        columns = 2 if 2 * widest + self.buttons.horizontalSpacing() <= room else 1
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.action_buttons:
            self.buttons.removeWidget(button)
        for i, button in enumerate(self.action_buttons):
            self.buttons.addWidget(button, i // columns, i % columns)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange_buttons()

    def set_fact(self, key: str, text: str) -> None:
        name, value, _msgid = self.fact_labels[key]
        value.setText(text)
        name.setVisible(bool(text))
        value.setVisible(bool(text))

    def set_section(self, key: str, lines: list[str], empty: str = "") -> None:
        head, text, _msgid = self.sections[key]
        text.setText("\n".join(lines) if lines else empty)
        visible = bool(lines or empty)
        head.setVisible(visible)
        text.setVisible(visible)

    def fact_text(self, key: str) -> str:
        return self.fact_labels[key][1].text()

    def section_text(self, key: str) -> str:
        return self.sections[key][1].text()

    def rearrange_buttons(self) -> None:
        """Arrange the buttons again after their texts changed length."""
        self._columns = 0
        self._arrange_buttons()

    def retranslate_labels(self) -> None:
        self.rearrange_buttons()
        self.placeholder.setText(_(self.placeholder_text))
        for name, _value, msgid in self.fact_labels.values():
            name.setText(_(msgid))
        for head, _text, msgid in self.sections.values():
            head.setText(_(msgid))


class PersonCard(Card):
    placeholder_text = N_("Choose a person in the list to see their details.")

    def __init__(self, db: Database, actions: list[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.setObjectName("person_card")
        self.overview: PersonOverview | None = None
        for key, msgid in (
            ("born", N_("Year of birth")), ("gender", N_("Gender")), ("email", N_("E-mail")),
            ("phone", N_("Phone")), ("address", N_("Address")),
            ("municipality", N_("Municipality")), ("language", N_("Preferred language")),
            ("community", N_("National community")), ("office", N_("Office")),
            ("notes", N_("Notes")),
        ):
            self.add_fact(key, msgid)
        self.add_section("roles", N_("Roles in organisations"))
        self.add_section("links", N_("Linked to"))
        self.add_section("merges", N_("Merge history"))
        self.finish(actions)
        self.retranslate()

    def show_overview(self, overview: PersonOverview | None) -> None:
        self.overview = overview
        if overview is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentWidget(self.body)
        p = overview.person
        self.title.setText(p.full_name)
        status = []
        if p.erased:
            status.append(_("This person's personal data was erased; the record stays so that "
                            "counts in reports are kept."))
        elif p.archived:
            status.append(_("Archived"))
        if p.merged_into_id:
            status.append(_("Merged into another record"))
        self.status.setText("\n".join(status))
        self.status.setVisible(bool(status))
        self.set_fact("born", str(p.birth_year) if p.birth_year else "")
        self.set_fact("gender", labels.gender(p.gender) if p.gender else "")
        self.set_fact("email", p.email)
        self.set_fact("phone", p.phone)
        self.set_fact("address", join_address(p.address, p.postal_code, p.city))
        self.set_fact("municipality", choices.label(choices.municipalities(self.db),
                                                    p.municipality_code))
        self.set_fact("language", "" if p.erased else labels.language(p.preferred_language))
        self.set_fact("community", "" if p.erased else self._community())
        self.set_fact("office", p.office_code)
        self.set_fact("notes", p.notes)
        self.set_section("roles", [role_line(r, r.organisation_name) for r in overview.roles],
                         _("No roles in organisations."))
        links = [labels.link_text(t, n) for t, n in sorted(overview.links.items())
                 if t not in labels.SHOWN_ELSEWHERE]
        self.set_section("links", links, _("Not linked to any event, certificate or case yet."))
        self.set_section("merges", merge_lines(overview.merges))

    def _community(self) -> str:
        assert self.overview is not None
        p, consent = self.overview.person, self.overview.current_consent
        name = choices.label(choices.communities(self.db), p.community_code)
        if consent is None:
            return name or labels.community_not_stated()
        given = _("consent given {date}, {form}").format(
            date=format_date(consent.given_on), form=labels.consent_form(consent.form))
        return f"{name or labels.community_not_stated()}\n{given}"

    def retranslate(self) -> None:
        self.retranslate_labels()
        self.show_overview(self.overview)
