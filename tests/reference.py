"""The reference rows that data migrations load, put back after a transactional test's flush."""


def load_reference_data() -> None:
    from ombuds.accounts.models import OrgUnit
    from ombuds.accounts.reference import load_units, set_number_prefixes
    from ombuds.complaints.models import RightTopic
    from ombuds.complaints.reference import load_right_topics
    from ombuds.core import reference as core
    from ombuds.core.models import Authority, CalendarDay, DeadlineRule, District, Region
    from ombuds.outreach.models import Audience, Topic
    from ombuds.outreach.reference import load as load_topics

    core.load_geography(Region, District)
    core.load_calendar(CalendarDay)
    core.load_deadline_rules(DeadlineRule)
    core.load_authorities(Authority)
    load_units(OrgUnit, Region)
    set_number_prefixes(OrgUnit)
    load_right_topics(RightTopic)
    load_topics(Topic, Audience)
