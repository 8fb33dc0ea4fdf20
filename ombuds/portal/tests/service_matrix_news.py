"""Service-matrix rows of the portal's news: writers (EDIT: awareness staff, department heads, the
Commissioner) create, edit and submit; publishers (PUBLISH: department heads, the Commissioner)
return, publish and withdraw."""

from ombuds.core.testing import ServiceRow
from ombuds.portal.services import news as services

EDITORS = frozenset({"awareness_staff", "department_head", "commissioner"})
PUBLISHERS = frozenset({"department_head", "commissioner"})


def _draft(**fields):
    from ombuds.portal.tests.news_factories import make_news

    return make_news(publish=False, **fields)


def _in_review():
    item = _draft()
    return services.submit_item(None, item)


def _published():
    from ombuds.portal.tests.news_factories import make_news

    return make_news()


def _image(actor):
    from ombuds.portal.tests.news_factories import png

    return services.add_image(actor, _draft(), png(), alt_az="Şəkil", alt_en="Photo", alt_ru="Фото")


def _remove(actor):
    from ombuds.portal.tests.news_factories import png

    image = services.add_image(None, _draft(), png(), alt_az="Şəkil", alt_en="Photo", alt_ru="Фото")
    services.remove_image(actor, image)


def _from_draft(actor):
    from ombuds.outreach import services as outreach
    from ombuds.outreach.tests.factories import make_event

    event = make_event()
    outreach.record_attendance(None, event, organisation="Bakı", women=2, men=1)
    outreach.record_outcome(None, event, satisfied_share=80)
    return services.item_from_draft(actor, outreach.draft_news(None, event))


ROWS = [
    ServiceRow(services.create_tag, EDITORS, lambda a: services.create_tag(a, code="npm", name_az="MPM")),
    ServiceRow(services.create_item, EDITORS, lambda a: services.create_item(a, slug="new-item", title_az="Xəbər")),
    ServiceRow(services.update_item, EDITORS, lambda a: services.update_item(a, _draft(), title_en="Changed")),
    ServiceRow(services.add_image, EDITORS, _image),
    ServiceRow(services.remove_image, EDITORS, _remove),
    ServiceRow(services.submit_item, EDITORS, lambda a: services.submit_item(a, _draft())),
    ServiceRow(services.return_item, PUBLISHERS, lambda a: services.return_item(a, _in_review(), reason="x")),
    ServiceRow(services.publish_item, PUBLISHERS, lambda a: services.publish_item(a, _in_review())),
    ServiceRow(services.withdraw_item, PUBLISHERS, lambda a: services.withdraw_item(a, _published())),
    ServiceRow(services.item_from_draft, EDITORS, _from_draft),
    ServiceRow(
        services.count_read,
        note="A public visitor's read (no actor); reached only through the beacon's de-duplication "
        "in ombuds/portal/reads.py, tested in test_news_reads.py.",
    ),
]
