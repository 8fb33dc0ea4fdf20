"""The only doorway that changes the NPM's records."""

from ombuds.monitoring.services.secret import (  # noqa: F401
    advance_reprisal,
    capture_consent,
    document_medical,
    keep_unreferred,
    record_allegation,
    refer_allegation,
    report_reprisal,
)
from ombuds.monitoring.services.visits import (  # noqa: F401
    MANAGE,
    add_finding,
    add_interview,
    add_plan_item,
    add_team_member,
    advance_visit,
    cancel_visit,
    complete_onsite,
    create_plan,
    file_application_on_site,
    next_due,
    prepare_visit,
    record_access_incident,
    record_arrival,
    record_population,
    register_place,
    schedule_visit,
    secret_tier_visits,
    start_first_contact,
    team_warnings,
    unseal_identity,
)
