"""Text rules that do not depend on Qt or the database: search folding, alphabetical order by
language, and name matching across Polish, Lithuanian, Cyrillic and plain-keyboard spellings."""

from app.text.collation import LANGUAGES, sort_key, sorted_names
from app.text.fold import fold, fold_query
from app.text.names import likely_same_person, name_similarity, name_skeleton

__all__ = [
    "LANGUAGES",
    "fold",
    "fold_query",
    "likely_same_person",
    "name_similarity",
    "name_skeleton",
    "sort_key",
    "sorted_names",
]
