"""The People & organisations tab: the registry shared by all four areas.

Two lists (people, organisations), switched at the top, each with its detail card on the right.
Every change goes through a service; what it returns as changed is published on the bus, and
the tab (like every other) refreshes from there.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _
from app.services.listing import lister
from app.services.results import CONSENTS, ORGANISATIONS, PEOPLE, ROLES
from app.text import fold
from ui.context import AppContext
from ui.lists.list_panel import ListPanel
from ui.people.org_card import OrganisationCard
from ui.people.person_card import PersonCard
from ui.tabs.base import AreaTab
from ui.widgets import ask

# The tab opens with the lists and empty cards (plain SQL). The overviews, forms, dialogs and
# the services behind them (the ORM) are imported when a record is first chosen or acted on.
if TYPE_CHECKING:
    from app.services.person_search import OrganisationOverview, PersonOverview

log = logging.getLogger(__name__)

PAGES = ("people", "organisations")


class PeopleTab(AreaTab):
    kinds = frozenset({PEOPLE, ORGANISATIONS, ROLES, CONSENTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("people_tab")
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self.person: PersonOverview | None = None
        self.organisation: OrganisationOverview | None = None

        def action(name: str, slot: Callable[[], Any]) -> QAction:
            act = QAction(self)
            act.setObjectName(f"action_{name}")
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.act_new_person = action("new_person", self.new_person)
        self.act_new_org = action("new_organisation", self.new_organisation)
        self.act_edit = action("edit", self.edit_current)
        self.act_archive = action("archive", self.toggle_archived)
        self.act_duplicates = action("find_duplicates", self.find_duplicates)
        self.act_roles = action("roles", self.edit_roles)
        self.act_consent = action("record_consent", self.record_consent)
        self.act_withdraw = action("withdraw_consent", self.withdraw_consent)
        self.act_export = action("export_person", self.export_person)
        self.act_erase = action("erase_person", self.erase_person)

        self.people_button = QPushButton(self)
        self.orgs_button = QPushButton(self)
        self.switch = QButtonGroup(self)
        for i, button in enumerate((self.people_button, self.orgs_button)):
            button.setCheckable(True)
            button.setStyleSheet("QPushButton { padding: 4px 16px; }")
            button.setObjectName(f"show_{PAGES[i]}")
            self.switch.addButton(button, i)
        self.people_button.setChecked(True)
        self.switch.idClicked.connect(lambda i: self.show_page(PAGES[i]))
        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.people_button)
        top.addWidget(self.orgs_button)
        top.addStretch(1)

        self.people_list = ListPanel(ctx.db, lister("people"), self)
        self.people_list.setObjectName("people_list")
        self.person_card = PersonCard(ctx.db, [
            self.act_edit, self.act_roles, self.act_consent, self.act_withdraw,
            self.act_export, self.act_erase,
        ], self)
        self.org_list = ListPanel(ctx.db, lister("organisations"), self)
        self.org_list.setObjectName("organisations_list")
        self.org_card = OrganisationCard(ctx.db, [self.act_edit, self.act_roles, self.act_archive],
                                         self)
        self.stack = QStackedWidget(self)
        for panel, card in ((self.people_list, self.person_card),
                            (self.org_list, self.org_card)):
            splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
            splitter.addWidget(panel)
            splitter.addWidget(card)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([700, 380])
            self.stack.addWidget(splitter)
        self.people_list.current_changed.connect(self._person_changed)
        self.org_list.current_changed.connect(self._org_changed)
        self.people_list.activated.connect(lambda _id: self.edit_current())
        self.org_list.activated.connect(lambda _id: self.edit_current())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._stale = True  # the lists load when the tab is first shown
        self._page_stale: set[str] = set()
        self.retranslate()
        self._update_actions()

    # -- AreaTab ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("People and organisations")

    def toolbar_actions(self) -> list[Any]:
        return [self.act_new_person, self.act_new_org, self.act_edit, self.act_archive,
                self.act_duplicates]

    def focus_search(self) -> None:
        search = self.current_list().search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def refresh(self) -> None:
        """Reload the list on show and its card; the other list reloads when it is shown
        (re-reading 100,000 people for a change seen on the organisations page is waste)."""
        self._stale = False
        self._reload_page(self.page())
        self._page_stale = {p for p in PAGES if p != self.page()}

    def _reload_page(self, page: str) -> None:
        if page == "people":
            self.people_list.reload()
            self._person_changed(self.people_list.current_id())
        else:
            self.org_list.reload()
            self._org_changed(self.org_list.current_id())

    # -- pages and cards ----------------------------------------------------------------------

    def page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def current_list(self) -> ListPanel:
        return self.people_list if self.page() == "people" else self.org_list

    def show_page(self, page: str) -> None:
        index = PAGES.index(page)
        self.stack.setCurrentIndex(index)
        if page in self._page_stale:
            self._page_stale.discard(page)
            self._reload_page(page)
        button = self.switch.button(index)
        if button is not None:
            button.setChecked(True)
        self._update_actions()

    def _person_changed(self, person_id: str | None) -> None:
        self.person = None
        if person_id:
            from app.services import person_search

            try:
                self.person = person_search.person_overview(self.ctx.db, person_id)
            except UserError:
                log.info("person %s vanished from the list", person_id)
        self.person_card.show_overview(self.person)
        self._update_actions()

    def _org_changed(self, org_id: str | None) -> None:
        self.organisation = None
        if org_id:
            from app.services import person_search

            try:
                self.organisation = person_search.organisation_overview(self.ctx.db, org_id)
            except UserError:
                log.info("organisation %s vanished from the list", org_id)
        self.org_card.show_overview(self.organisation)
        self._update_actions()

    def select(self, page: str, record_id: str) -> bool:
        """Show `page` with the record selected, clearing the search if it hides it."""
        self.show_page(page)
        panel = self.current_list()
        if not panel.select_id(record_id):
            panel.search.clear()
            panel.model.set_query(panel.query())  # at once, not after the typing delay
            if not panel.select_id(record_id):
                panel.archived.setChecked(True)
                return panel.select_id(record_id)
        return True

    def _update_actions(self) -> None:
        p = self.person.person if self.person else None
        o = self.organisation.organisation if self.organisation else None
        on_people = self.page() == "people"
        record = p if on_people else o
        erased = bool(p and p.erased) if on_people else False
        self.act_edit.setEnabled(record is not None and not erased)
        self.act_archive.setEnabled(record is not None and not erased)
        archived = bool(record and record.archived)
        self.act_archive.setText(_("Restore") if archived else _("Archive"))
        person_ok = p is not None and not p.erased
        self.act_roles.setEnabled(person_ok if on_people else o is not None)
        text, tip = ((_("Roles…"), _("The person's roles in organisations")) if on_people
                     else (_("People and roles…"), _("The organisation's people and their roles")))
        if self.act_roles.text() != text:
            self.act_roles.setText(text)
            self.act_roles.setIconText(text)
            self.person_card.rearrange_buttons()
            self.org_card.rearrange_buttons()
        self.act_roles.setStatusTip(tip)
        self.act_roles.setToolTip(tip)
        self.act_consent.setEnabled(person_ok)
        self.act_withdraw.setEnabled(
            person_ok and self.person is not None and self.person.current_consent is not None)
        self.act_export.setEnabled(p is not None)
        self.act_erase.setEnabled(person_ok)

    # -- opening dialogs ----------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_person(self) -> None:
        self._open_person_form(None)

    def _open_person_form(self, person_id: str | None) -> None:
        from ui.people.person_form import PersonForm

        form = PersonForm(self.ctx, person_id, self)
        form.accepted.connect(lambda: self._saved("people", form.saved_value))
        form.open_person_requested.connect(self._open_instead)
        self._open(form)

    def _open_instead(self, person_id: str) -> None:
        self.select("people", person_id)
        QTimer.singleShot(0, lambda: self._open_person_form(person_id))

    def new_organisation(self) -> None:
        self._open_org_form(None)

    def _open_org_form(self, org_id: str | None) -> None:
        from ui.people.org_form import OrganisationForm

        form = OrganisationForm(self.ctx, org_id, self)
        form.accepted.connect(lambda: self._saved("organisations", form.saved_value))
        self._open(form)

    def _saved(self, page: str, value: Any) -> None:
        if value is not None and value.id:
            self.select(page, value.id)

    def edit_current(self) -> None:
        if self.page() == "people" and self.person and not self.person.person.erased:
            self._open_person_form(self.person.person.id)
        elif self.page() == "organisations" and self.organisation:
            self._open_org_form(self.organisation.organisation.id)

    def find_duplicates(self) -> None:
        from ui.people.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.ctx, self.page(), self)
        self._open(dialog)
        dialog.start()

    def edit_roles(self) -> None:
        """The roles of the current person, or the people of the current organisation."""
        from ui.people.roles_dialog import OrganisationRolesDialog, PersonRolesDialog

        if self.page() == "people" and self.person and not self.person.person.erased:
            p = self.person.person
            self._open(PersonRolesDialog(self.ctx, p.id or "", p.full_name, self))
        elif self.page() == "organisations" and self.organisation:
            o = self.organisation.organisation
            self._open(OrganisationRolesDialog(self.ctx, o.id or "", o.name, self))

    def record_consent(self) -> None:
        if self.person:
            from ui.people.consent_dialog import ConsentDialog

            self._open(ConsentDialog(self.ctx, self.person.person, self))

    # -- acting on the current record ---------------------------------------------------------

    def _run(self, fn: Callable[[], Any]) -> Any:
        """Call a mutating service, publish what it changed, show a refusal as a message."""
        try:
            result = fn()
        except UserError as exc:
            ask.warn(self, exc.text())
            return None
        self.ctx.bus.publish(result.changes if hasattr(result, "changes") else result)
        return result

    def toggle_archived(self) -> None:
        from app.services import organisations, people

        db = self.ctx.db
        if self.page() == "people" and self.person:
            p = self.person.person
            self._run(lambda: people.set_archived(db, p.id or "", not p.archived))
        elif self.page() == "organisations" and self.organisation:
            o = self.organisation.organisation
            self._run(lambda: organisations.set_archived(db, o.id or "", not o.archived))

    def withdraw_consent(self) -> None:
        if not self.person:
            return
        p = self.person.person
        if ask.confirm(
            self, _("Withdraw consent"),
            _("Record that {name} has withdrawn consent today? The national community stored "
              "for this person will be erased everywhere in the registry.").format(
                name=p.full_name),
            _("Withdraw consent"), danger=True,
        ):
            from app.services import people

            self._run(lambda: people.withdraw_consent(self.ctx.db, p.id or "", dt.date.today()))

    def export_person(self) -> None:
        if not self.person:
            return
        p = self.person.person
        suggested = "-".join(fold(p.full_name).split()) or "person"
        path = ask.save_path(self, _("Export person data"), f"{suggested}.json",
                             _("JSON files (*.json)"))
        if not path:
            return
        from app.services import people

        try:
            data = people.export_person(self.ctx.db, p.id or "")
            Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2),
                                  encoding="utf-8")
        except UserError as exc:
            ask.warn(self, exc.text())
            return
        except OSError as exc:
            ask.warn(self, _("The file could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return
        self.ctx.bus.status_message.emit(
            _("Everything held about {name} was saved to {path}.").format(
                name=p.full_name, path=path))

    def erase_person(self) -> None:
        if not self.person:
            return
        p = self.person.person
        if ask.confirm(
            self, _("Erase person"),
            _("Erase the personal data of {name}?\n\nName, contacts, address, year of birth, "
              "gender, national community and notes are removed for good, also from this "
              "database's change history. The record stays, anonymised, so that counts in "
              "reports remain.\n\nThis cannot be undone. Export the person's data first if "
              "it was asked for.").format(name=p.full_name),
            _("Erase for good"), danger=True,
        ):
            from app.services import people

            self._run(lambda: people.erase_person(self.ctx.db, p.id or ""))

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.people_button.setText(_("People"))
        self.orgs_button.setText(_("Organisations"))
        for act, text, tip in (
            (self.act_new_person, _("New person…"), _("Add a person to the registry")),
            (self.act_new_org, _("New organisation…"), _("Add an organisation to the registry")),
            (self.act_edit, _("Edit…"), _("Edit the chosen record")),
            (self.act_duplicates, _("Find duplicates…"),
             _("Find records entered twice and merge them")),
            (self.act_consent, _("Record consent…"),
             _("Record consent to store the person's national community")),
            (self.act_withdraw, _("Withdraw consent"),
             _("Record a withdrawal; the national community is erased")),
            (self.act_export, _("Export person data…"),
             _("Save everything held about the person to a file (access request)")),
            (self.act_erase, _("Erase person…"),
             _("Anonymise the person for good (erasure request)")),
        ):
            act.setText(text)
            act.setIconText(text)  # tool buttons would drop the "…" that says a dialog opens
            act.setStatusTip(tip)
            act.setToolTip(tip)
        self.act_archive.setStatusTip(_("Archive the chosen record, or restore it"))
        self.people_list.retranslate()
        self.org_list.retranslate()
        self.person_card.retranslate()
        self.org_card.retranslate()
        self._update_actions()
