"""The permissions the recommendations app checks, in one place."""

MANAGE = "recommendations.manage_recommendations"  # draft, record responses, follow-up and verification
ISSUE = "recommendations.issue_recommendation"  # approve and issue (the Commissioner, unit heads incl. the NPM lead)
PUBLISH = "recommendations.publish_recommendation"  # the public tracker (the Commissioner)
IMPORT = "recommendations.import_recommendations"  # past recommendations from CSV/XLSX
VIEW_AGGREGATES = "accounts.view_aggregates"  # implementation rates without the records
VIEW_ALL_RECORDS = "accounts.view_all_records"


def may_use_register(user) -> bool:
    """The register: those who manage recommendations or read every record; the others get 403."""
    return user.is_authenticated and (user.has_perm(MANAGE) or user.has_perm(VIEW_ALL_RECORDS))


def may_see_rates(user) -> bool:
    """Implementation rates are aggregates: also open to analysts."""
    return may_use_register(user) or user.has_perm(VIEW_AGGREGATES)
