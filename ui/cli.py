"""The `tinklas` console entry point: the command line of app/cli plus the commands that need Qt.

PySide6 is imported only inside the functions below, so `tinklas check` and the other
commands start without loading Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli.main import main as cli_main

    return cli_main(argv, extra=add_gui_commands)


def add_gui_commands(subparsers: Any, parser: argparse.ArgumentParser) -> None:
    from app import i18n
    from app.cli.main import add_db_option

    parser.set_defaults(func=open_app)  # `tinklas` with no command opens the desktop app
    shots = subparsers.add_parser(
        "screenshots", help=_("render every main tab and the main dialogs to PNG files"))
    shots.add_argument("--out", required=True, metavar="DIR", type=Path,
                       help=_("folder for the PNG files (created if missing)"))
    shots.add_argument("--lang", choices=[*i18n.LANGUAGES, i18n.PSEUDO], default=argparse.SUPPRESS,
                       help=_("language of the pictures (xx: a stretched test language that "
                              "shows clipped texts)"))
    add_db_option(shots)
    shots.add_argument("--size", default="1280x800", metavar="WxH", type=_size,
                       help=_("window size in pixels (default: 1280x800)"))
    shots.set_defaults(func=take_screenshots)


def _size(text: str) -> tuple[int, int]:
    from ui.screenshots import parse_size

    try:
        return parse_size(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a size such as 1280x800").format(value=text)) from None


def open_app(args: argparse.Namespace) -> int:
    from ui.launch import start

    return start(getattr(args, "db", None), getattr(args, "lang", None))


def take_screenshots(args: argparse.Namespace) -> int:
    from ui.screenshots import render_all

    paths = render_all(args.out, lang=getattr(args, "lang", None),
                       db=getattr(args, "db", None), size=args.size)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
