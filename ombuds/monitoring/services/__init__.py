"""The only doorway that changes the NPM's records."""

from ombuds.monitoring.permissions import MANAGE_VISITS as MANAGE  # noqa: F401
from ombuds.monitoring.services.onsite import (  # noqa: F401
    FINDINGS_OPEN,
    access_incidents,
    add_finding,
    add_interview,
    edit_finding,
    npm_leads,
    record_access_incident,
    secret_tier_visits,
    start_first_contact,
    unseal_identity,
    withdraw_finding,
)
from ombuds.monitoring.services.register import (  # noqa: F401
    add_plan_item,
    create_plan,
    import_place_rows,
    next_due,
    record_population,
    register_place,
    update_place,
)
from ombuds.monitoring.services.secret import (  # noqa: F401
    advance_reprisal,
    capture_consent,
    document_medical,
    keep_unreferred,
    record_allegation,
    record_first_contact,
    refer_allegation,
    report_reprisal,
)
from ombuds.monitoring.services.visits import (  # noqa: F401
    add_team_member,
    advance_visit,
    cancel_visit,
    complete_onsite,
    file_application_on_site,
    prepare_visit,
    record_arrival,
    schedule_visit,
    team_warnings,
    update_visit_plan,
)
