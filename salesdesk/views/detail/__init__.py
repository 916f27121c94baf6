"""The contact detail pane and the new-contact dialog (import from .pane / .new_contact)."""
