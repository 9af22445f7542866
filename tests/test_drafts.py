"""Drafts of forms: stored atomically in the data folder, read back, discarded."""

from __future__ import annotations

import json
from pathlib import Path

from app import drafts
from app.paths import data_dir


def test_a_draft_round_trips_with_its_letters() -> None:
    data = {"first_name": "Łukasz", "last_name": "Вишневский", "birth_year": "1979"}
    drafts.save_draft("person", None, data)
    assert drafts.load_draft("person", None) == data
    assert drafts.load_draft("person", "new") == data  # None and "new" are the same key
    info = drafts.draft_info("person", None)
    assert info is not None and info["kind"] == "person" and info["saved_at"]


def test_drafts_are_kept_apart_by_kind_and_record() -> None:
    drafts.save_draft("person", "a1", {"x": 1})
    drafts.save_draft("person", "b2", {"x": 2})
    drafts.save_draft("organisation", "a1", {"x": 3})
    assert drafts.load_draft("person", "a1") == {"x": 1}
    assert drafts.load_draft("person", "b2") == {"x": 2}
    assert drafts.load_draft("organisation", "a1") == {"x": 3}
    assert drafts.load_draft("person", "c3") is None


def test_discard_removes_it_and_is_quiet_when_there_is_none() -> None:
    drafts.save_draft("person", "a1", {"x": 1})
    assert drafts.has_draft("person", "a1")
    drafts.discard_draft("person", "a1")
    assert not drafts.has_draft("person", "a1")
    assert drafts.load_draft("person", "a1") is None
    drafts.discard_draft("person", "a1")


def test_saving_again_replaces_the_file_and_leaves_no_temporary_files() -> None:
    for i in range(5):
        drafts.save_draft("person", "a1", {"i": i})
    assert drafts.load_draft("person", "a1") == {"i": 4}
    files = list(drafts.drafts_dir().iterdir())
    assert [f.suffix for f in files] == [".json"]
    assert drafts.drafts_dir() == data_dir() / "drafts"


def test_a_damaged_draft_is_ignored_not_fatal() -> None:
    drafts.save_draft("person", "a1", {"x": 1})
    path = next(drafts.drafts_dir().glob("*.json"))
    path.write_text('{"data": {"x": 1', encoding="utf-8")  # cut off mid-write by a crash
    assert drafts.load_draft("person", "a1") is None
    path.write_text(json.dumps({"data": "not a dict"}), encoding="utf-8")
    assert drafts.load_draft("person", "a1") is None


def test_a_key_cannot_escape_the_drafts_folder() -> None:
    drafts.save_draft("person", "../../evil", {"x": 1})
    inside = list(drafts.drafts_dir().iterdir())
    assert len(inside) == 1 and inside[0].parent == drafts.drafts_dir()
    assert not (Path(drafts.drafts_dir()).parent.parent / "evil.json").exists()
    assert drafts.load_draft("person", "../../evil") == {"x": 1}
