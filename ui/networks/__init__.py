"""The Networks tab's forms and dialogs."""
