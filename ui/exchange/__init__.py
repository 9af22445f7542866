"""The Exchange menu's dialogs: files for the coordinator, importing, history, conflicts, keys."""
