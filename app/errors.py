"""Errors a person can act on: a translatable message, shown in the user's language."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Bad input or a refused operation. `message` is an untranslated msgid with {placeholders}."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def text(self) -> str:
        from app.i18n import _

        params = dict(self.params)
        label = params.get("label")
        if isinstance(label, str):  # a field label is a msgid too
            params["label"] = _(label)
        return _(self.message).format(**params)

    def __str__(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


class ValidationError(UserError):
    """A field's value is not acceptable. `field` names it, for the form to highlight."""

    def __init__(self, field: str, message: str, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class NotFoundError(UserError):
    pass
