"""Small form widgets shared by the tabs' dialogs: dates in the local format, code lists, field
errors shown beside their field, a searchable record picker, questions to the user, and the base
of a form that keeps a draft of what is typed."""

from ui.widgets.code_combo import CodeCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.field_errors import FieldErrors
from ui.widgets.record_picker import RecordPicker

__all__ = ["CodeCombo", "DateEdit", "FieldErrors", "RecordPicker"]
