"""The permissions the authority portal's staff side checks, in one place. Focal points
themselves hold no permission: what they may do follows from the body they answer for
(`accounts.scoping.answers_for`, `focal.scoping`)."""

MANAGE = "focal.manage_focal_points"  # create, invite and revoke focal-point accounts
VIEW_AGGREGATES = "accounts.view_aggregates"  # the timeliness table per authority


def may_manage(user) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE)


def may_see_timeliness(user) -> bool:
    return user.is_authenticated and (user.has_perm(VIEW_AGGREGATES) or user.has_perm(MANAGE))
