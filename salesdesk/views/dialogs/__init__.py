"""Small dialogs of the main window: reason, trash, shortcuts, about, database errors."""
