"""Numbered schema migrations run by playhouse.migrations.Runner (files 0001_*.py, ...)."""
