"""Permission names of the outreach app, in one place."""

# Plan items, events, counts, named participants, speakers, materials, news drafts.
MANAGE = "outreach.manage_outreach"
# The Commissioner approves the year's action plan.
APPROVE_PLAN = "outreach.approve_actionplan"
# Who sees every event (others see those of their unit, or where they speak).
SEE_ALL_EVENTS = (MANAGE, "accounts.view_all_records")
# The portal's publishers (department heads, the Commissioner): publishing a news item made from a
# news draft marks the draft published. Named here as a permission string, not imported from the
# portal, which sits above this app.
PUBLISH_NEWS = "portal.publish_content"
