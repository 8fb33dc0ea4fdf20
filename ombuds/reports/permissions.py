"""The permissions the reports app checks, in one place."""

VIEW = "accounts.view_aggregates"  # datasets (drafts too), reports, dashboards, drill-down lists
PREPARE = "reports.prepare_reports"  # make datasets, write the narrative, generate the documents
APPROVE = "reports.approve_reports"  # approve, submit, present and publish a report; publish a dataset


def may_view(user) -> bool:
    return user.is_authenticated and user.has_perm(VIEW)


def may_prepare(user) -> bool:
    return user.is_authenticated and user.has_perm(PREPARE)


def may_approve(user) -> bool:
    return user.is_authenticated and user.has_perm(APPROVE)
