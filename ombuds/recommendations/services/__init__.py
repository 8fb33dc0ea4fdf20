"""The only doorway that changes recommendations (domain.md §3.3): drafting, issuing, the
authority's responses, verification, follow-up and publication."""

from ombuds.recommendations.services.drafting import (
    draft_from_application,
    draft_recommendation,
    may_draft_from_application,
    repeat_recommendation,
    smart_warnings,
    update_draft,
)
from ombuds.recommendations.services.followup import (
    mark_no_response,
    record_escalation,
    record_follow_up_check,
    send_reminders,
)
from ombuds.recommendations.services.imports import import_recommendation_rows
from ombuds.recommendations.services.lifecycle import (
    issue_recommendation,
    issue_visit_recommendations,
    mark_no_longer_relevant,
    publish_recommendation,
    record_outcome,
    record_response,
    unpublish_recommendation,
)

__all__ = [
    "draft_from_application",
    "draft_recommendation",
    "import_recommendation_rows",
    "issue_recommendation",
    "issue_visit_recommendations",
    "mark_no_longer_relevant",
    "mark_no_response",
    "may_draft_from_application",
    "publish_recommendation",
    "record_escalation",
    "record_follow_up_check",
    "record_outcome",
    "record_response",
    "repeat_recommendation",
    "send_reminders",
    "smart_warnings",
    "unpublish_recommendation",
    "update_draft",
]
