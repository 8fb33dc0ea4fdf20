"""Permission-matrix rows of the reports app's reports pages (collected by tests/matrix.py)."""

ROWS: list = []
