"""The list view: every contact (or the search's) in a sortable table beside the board."""
