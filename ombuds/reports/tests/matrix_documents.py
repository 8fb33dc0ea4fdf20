"""Permission-matrix rows of the reports app's documents pages (collected by tests/matrix.py)."""

ROWS: list = []
