"""Settings: defaults, a round trip through the file, and files that are broken or odd."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import pytest

from app.settings import Settings, load_settings, save_settings, settings_file, update_settings


def test_defaults_when_there_is_no_file() -> None:
    assert not settings_file().exists()
    settings = load_settings()
    assert settings == Settings()
    assert settings.language is None  # follow the system at first start
    assert settings.response_due_working_days == 20
    assert settings.sheet_blank_rows == 10
    assert settings.check_duplicates_as_you_type is True


def test_round_trip() -> None:
    chosen = replace(Settings(), language="pl", db_path="/data/biuras.sqlite",
                     response_due_working_days=15, sheet_blank_rows=0,
                     recent_backup_dir="D:/kopijos", check_duplicates_as_you_type=False)
    path = save_settings(chosen)
    assert path == settings_file()
    assert load_settings() == chosen
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "pl"


def test_save_is_atomic_and_leaves_no_temporary_file() -> None:
    save_settings(Settings(language="lt"))
    save_settings(Settings(language="ru"))
    assert [p.name for p in settings_file().parent.iterdir()] == ["settings.json"]


def test_update_changes_only_the_named_fields() -> None:
    save_settings(Settings(language="ru", sheet_blank_rows=4))
    update_settings(recent_backup_dir="/tmp/x")
    assert load_settings() == Settings(language="ru", sheet_blank_rows=4,
                                       recent_backup_dir="/tmp/x")


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2]", "null", '"text"'])
def test_a_broken_file_gives_defaults_and_a_warning(
        content: str, caplog: pytest.LogCaptureFixture) -> None:
    settings_file().write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        assert load_settings() == Settings()
    assert caplog.records and "settings" in caplog.records[0].getMessage()


def test_bad_values_fall_back_one_by_one(caplog: pytest.LogCaptureFixture) -> None:
    settings_file().write_text(json.dumps({
        "language": "de",  # not one of ours
        "response_due_working_days": "20",  # a string
        "sheet_blank_rows": 1000,  # out of range
        "check_duplicates_as_you_type": 1,  # not a bool
        "recent_backup_dir": "/kept",
        "some_future_option": True,  # a newer version's key: ignored
    }), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.settings"):
        settings = load_settings()
    assert settings == Settings(recent_backup_dir="/kept")
    assert len(caplog.records) == 4


def test_a_bool_is_not_accepted_as_a_number() -> None:
    settings_file().write_text(json.dumps({"sheet_blank_rows": True}), encoding="utf-8")
    assert load_settings().sheet_blank_rows == 10


def test_an_unreadable_path_gives_defaults(tmp_path: Path) -> None:
    folder = tmp_path / "is_a_folder.json"
    folder.mkdir()
    assert load_settings(folder) == Settings()
