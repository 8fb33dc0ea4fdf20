"""Permission-matrix rows of the staff pages under /portal/ (news and page editing)."""

ROWS: list = []
