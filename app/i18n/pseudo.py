"""A pseudo-language: every text stretched by about 40% and its letters accented.

Screens rendered in it show where a layout clips or overflows long Lithuanian, Polish or
Russian text before a translator ever sees them. Placeholders like {name} stay intact.
"""

from __future__ import annotations

import gettext
import re

_ACCENTED = str.maketrans(
    "aceilnorsuyzACEILNORSUYZ",
    "ąčęįłńóřšųýžĄČĘĮŁŃÓŘŠŲÝŽ",
)
_PLACEHOLDER = re.compile(r"(\{[^}]*\}|%\([^)]*\)[sd]|%[sd]|&)")


def pseudo(text: str) -> str:
    parts = _PLACEHOLDER.split(text)
    out = []
    for part in parts:
        if _PLACEHOLDER.fullmatch(part):
            out.append(part)
        else:
            out.append(part.translate(_ACCENTED))
    body = "".join(out)
    # Short padding words (not one long one), so that wrapped paragraphs can still break.
    pad = max(2, len(text) * 2 // 5)
    extra = " ".join("~" * min(4, pad - i) for i in range(0, pad, 4))
    return f"[{body} {extra}]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
