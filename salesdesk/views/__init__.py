"""Qt widgets, item models, delegates and dialogs (PySide6); talk to services only."""
