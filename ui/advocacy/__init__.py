"""The Advocacy runs tab's forms and dialogs."""
