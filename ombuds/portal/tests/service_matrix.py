"""Service-matrix rows of the portal, one module per area."""

import importlib

ROWS: list = []
for _area in ("news", "pages", "apply"):
    try:
        ROWS += importlib.import_module(f"ombuds.portal.tests.service_matrix_{_area}").ROWS
    except ModuleNotFoundError as exc:  # an area not built yet has no services
        if exc.name != f"ombuds.portal.tests.service_matrix_{_area}":
            raise
