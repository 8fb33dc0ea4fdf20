"""Permission-matrix rows of the reports app's datasets pages (collected by tests/matrix.py)."""

ROWS: list = []
