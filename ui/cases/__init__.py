"""The Micro-business cases tab's widgets: case page, board, due list, funnel and dialogs."""
