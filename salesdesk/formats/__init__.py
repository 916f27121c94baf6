"""Parsing and writing of external text (phones, e-mail, CSV, vCard, JSON); no database, no Qt."""
