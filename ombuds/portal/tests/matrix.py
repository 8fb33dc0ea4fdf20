from ombuds.portal.tests import (
    matrix_apply,
    matrix_checker,
    matrix_home,
    matrix_news,
    matrix_pages,
    matrix_publications,
    matrix_staff,
    matrix_statistics,
    matrix_status,
    matrix_tracker,
)

ROWS = [
    *matrix_home.ROWS,
    *matrix_news.ROWS,
    *matrix_pages.ROWS,
    *matrix_checker.ROWS,
    *matrix_apply.ROWS,
    *matrix_status.ROWS,
    *matrix_statistics.ROWS,
    *matrix_tracker.ROWS,
    *matrix_publications.ROWS,
    *matrix_staff.ROWS,
]
