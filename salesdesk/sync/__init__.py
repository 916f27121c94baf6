"""Replication between salesdesk databases without a server (see DESIGN.md section 9)."""
