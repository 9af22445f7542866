"""Dialogs of the application shell: office profile, settings, about."""
