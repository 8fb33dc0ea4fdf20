"""The only doorway that changes applications, calls and information requests."""

from ombuds.complaints.services.case import (  # noqa: F401
    add_measure,
    add_note,
    assign_application,
    attach_file,
    close_application,
    conclude_application,
    decide_admissibility,
    extend_consideration,
    notify_applicant,
    record_measure_response,
    reopen_application,
    transfer_application,
)
from ombuds.complaints.services.edit import update_application  # noqa: F401
from ombuds.complaints.services.info_requests import (  # noqa: F401
    escalate_info_request,
    mark_overdue_info_requests,
    record_reply,
    remind_info_request,
    send_info_request,
)
from ombuds.complaints.services.intake import (  # noqa: F401
    convert_call,
    duplicate_candidates,
    log_call,
    register_application,
)
from ombuds.complaints.services.legacy import import_legacy_applications  # noqa: F401
