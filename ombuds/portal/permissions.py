"""The permissions the portal checks, in one place.

The public pages need none: they show only what is published. Staff edit the portal's content
(news, pages, the accessibility statement) with EDIT and publish it with PUBLISH.
"""

EDIT = "portal.edit_content"  # write news items and pages, send them for review
PUBLISH = "portal.publish_content"  # approve and publish (or withdraw) news items and pages


def may_edit(user) -> bool:
    return user.is_authenticated and user.has_perm(EDIT)


def may_publish(user) -> bool:
    return user.is_authenticated and user.has_perm(PUBLISH)
