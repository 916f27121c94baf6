"""Persistence: peewee rows, opening/migrating databases, search, backup (no Qt)."""
