"""Opening, sorting and filtering the people list on 100,000 people (budget 100 ms each).

The baseline is the fastest the same machine does on the same work: plain sqlite3 counting the
rows and reading the first page of ordered ids and one screen of rows, with no ORM, no model and
no Qt. Figures are the median of several runs.
"""

from __future__ import annotations

import os
import sqlite3
import sys

from common import demo_db, report, timed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = demo_db(size)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.db import Database
    from app.services.listing import ListQuery, lister
    from ui.lists.list_panel import ListPanel

    app = QApplication.instance() or QApplication([])
    i18n.set_language("lt")
    db = Database.open(path)
    people = lister("people")
    con = sqlite3.connect(path)

    w = "deleted=0 AND merged_into_id IS NULL AND archived=0"

    def plain(where: str, order: str) -> None:
        """The same work as the list: the count, the first page of ids, one screen of rows."""
        con.execute(f"SELECT count(*) FROM people WHERE {where}").fetchone()
        ids = [r[0] for r in con.execute(
            f"SELECT id FROM people WHERE {where} ORDER BY {order} LIMIT 256")]
        con.execute(f"SELECT * FROM people WHERE id IN ({','.join('?' * len(ids[:50]))})",
                    ids[:50]).fetchall()

    def base_open() -> None:
        plain(w, "sort_lt")

    def base_sort() -> None:
        plain(w, "birth_year DESC, sort_lt DESC")

    def base_filter() -> None:
        plain(f"{w} AND search_text LIKE '%kowal%'", "sort_lt")

    panel = ListPanel(db, people)
    panel.resize(1200, 800)
    panel.show()

    def ui_open() -> None:
        panel.model.set_query(ListQuery())
        for row in range(40):  # what one screen shows
            panel.model.data(panel.model.index(row, 0))
        app.processEvents()

    def ui_sort() -> None:
        panel.model.sort(1, Qt.SortOrder.DescendingOrder)
        for row in range(40):
            panel.model.data(panel.model.index(row, 0))
        app.processEvents()

    def ui_filter() -> None:
        panel.model.set_query(ListQuery(text="kowal"))
        for row in range(min(40, panel.model.rowCount())):
            panel.model.data(panel.model.index(row, 0))
        app.processEvents()

    print(f"people list, {people.count_all(db):,} people, Lithuanian order")
    ok = report("open (ids + first screen)", timed(ui_open), timed(base_open), budget_ms=100)
    ok &= report("sort by year of birth, descending", timed(ui_sort), timed(base_sort),
                 budget_ms=100)
    ok &= report("filter as you type 'kowal'", timed(ui_filter), timed(base_filter), budget_ms=100)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
