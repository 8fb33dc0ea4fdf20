"""Service-permission rows of the portal's pages: awareness staff, department heads and the
Commissioner edit pages and the accessibility statement; department heads and the Commissioner
publish."""

from ombuds.core.testing import ServiceRow
from ombuds.portal.services import pages as services
from ombuds.portal.tests.factories_pages import make_page

EDITORS = frozenset({"awareness_staff", "department_head", "commissioner"})
PUBLISHERS = frozenset({"department_head", "commissioner"})

ROWS = [
    ServiceRow(
        services.edit_page, EDITORS, call=lambda actor: services.edit_page(actor, "npm", title_en="NPM", body_en="Text")
    ),
    ServiceRow(
        services.publish_page,
        PUBLISHERS,
        call=lambda actor: services.publish_page(actor, make_page("npm", publish=False)),
    ),
    ServiceRow(
        services.edit_statement,
        EDITORS,
        call=lambda actor: services.edit_statement(actor, compliance="partial", method_en="Automated checks"),
    ),
]
