"""Permission-matrix rows of the reports app's dashboard pages (collected by tests/matrix.py)."""

ROWS: list = []
