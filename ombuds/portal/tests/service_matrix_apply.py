"""Service-matrix rows of the online application: a public visitor calls these without an actor."""

from ombuds.core.testing import ServiceRow
from ombuds.portal.services import apply

VISITOR = "a public visitor's service: no actor and no permission (the form's rate limit and honeypot guard it)"
READS = "reads only"

ROWS = [
    ServiceRow(apply.save_application_draft, note=VISITOR),
    ServiceRow(apply.discard_application_draft, note=VISITOR),
    ServiceRow(apply.submit_online_application, note=VISITOR),
    ServiceRow(apply.purge_application_drafts, note="the periodic job purge_application_drafts (the system)"),
    ServiceRow(apply.find_application_draft, note=READS),
    ServiceRow(apply.draft_answers, note=READS),
    ServiceRow(apply.token_digest, note=READS),
    ServiceRow(apply.draft_days, note=READS),
    ServiceRow(apply.receiving_unit, note=READS),
    ServiceRow(apply.receipt_of, note=READS),
    ServiceRow(apply.legal_terms, note=READS),
]
