"""The Trainings tab's parts: the event form, the event's page and its sub-tabs, the import of a
participant list, the attendance grid, certificates, and the PDF preview other tabs reuse too."""
