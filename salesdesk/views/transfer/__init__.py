"""Contacts in and out: the import wizard, export dialog, duplicates and merge dialogs."""
