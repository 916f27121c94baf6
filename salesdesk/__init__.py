"""salesdesk: an offline-first desktop contact tracker with a kanban pipeline."""

__version__ = "0.1.0"
