"""The pipeline board: column models, card delegate, column widgets and the board view."""
