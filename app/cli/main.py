"""`tinklas` command line: parser, dispatch, exit codes.

Exit status 0 on success, 1 on a user error (one clear line on stderr, in the chosen language),
2 on wrong usage (argparse). Each command lives in its own module `app/cli/cmd_<name>.py` with
`add(subparsers)` that registers it and sets `func`. Commands that need Qt (opening the app,
screenshots) are added by ui/cli.py through `extra`, so that app/ never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app import i18n
from app.errors import UserError
from app.i18n import _

# In the order --help lists them; a command whose module is not there yet is simply absent.
COMMANDS = ("demo", "check", "backup", "list", "office", "export", "import", "attendance_sheet",
            "certificates", "verify", "invite", "join")

Extra = Callable[[Any, argparse.ArgumentParser], None]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with usage, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def add_db_option(p: argparse.ArgumentParser, top: bool = False) -> None:
    """--db before or after the command name; the subcommand's copy must not reset the other."""
    p.add_argument("--db", metavar="PATH", default=None if top else argparse.SUPPRESS,
                   help=_("database file (default: the app's own, or TINKLAS_DB)"))


def add_lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=list(i18n.LANGUAGES), default=argparse.SUPPRESS,
                   help=_("language of messages"))


def build_parser(extra: Extra | None = None) -> argparse.ArgumentParser:
    parser = Parser(prog="tinklas", description=_(
        "Tinklas: networks, trainings, micro-business cases and advocacy runs of the offices "
        "working with Lithuania's national communities."))
    add_db_option(parser, top=True)
    parser.add_argument("--lang", choices=list(i18n.LANGUAGES), help=_("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"app.cli.cmd_{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"app.cli.cmd_{name}":
                raise
            continue
        module.add(sub)
    if extra:
        extra(sub, parser)
    return parser


def _early_language(argv: Sequence[str]) -> None:
    """Set the language before help texts are built: --lang, else settings, else the system."""
    lang = None
    commands = {c.replace("_", "-") for c in COMMANDS} | {"screenshots"}
    for i, arg in enumerate(argv):
        if arg in commands:
            break  # after the command, --lang is its own option (a sheet's language, say)
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang not in i18n.LANGUAGES:
        try:
            from app.settings import load_settings

            lang = load_settings().language or i18n.system_language()
        except Exception:  # noqa: BLE001 - a broken settings file must not stop the CLI
            lang = i18n.system_language()
    i18n.set_language(lang if lang in i18n.LANGUAGES else "en")


def main(argv: Sequence[str] | None = None, extra: Extra | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _early_language(args_list)
    parser = build_parser(extra)
    args = parser.parse_args(args_list)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except UserError as exc:
        print(exc.text(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tinklas list people | head`: the reader has what it wanted
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 0
    except OSError as exc:
        logging.getLogger(__name__).exception("command failed")
        print(_("Could not read or write a file: {reason}").format(reason=exc.strerror or exc),
              file=sys.stderr)
        return 1


def open_database(args: argparse.Namespace) -> Any:
    """The database the command names (--db, TINKLAS_DB, or the app's default)."""
    from app.db import Database

    return Database.open(getattr(args, "db", None))


if __name__ == "__main__":
    raise SystemExit(main())
