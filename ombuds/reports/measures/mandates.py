"""Measures of the special mandates the system records — annual report table A13: access to
information. (Repatriation and elections are entered figures: measures/entered.py.)

- `mandates.access_info_appeals` (unit: appeal): appeals received in the period concerning the right
  of access to information (the right or issue `access_to_information` among their rights).
- `mandates.access_info_requests` (unit: information request): requests for information the
  institution sent in the period on the legal basis of the access-to-information law (the 5 working
  days term).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application, InfoRequest
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Grouped, Measure, register

ACCESS_TO_INFORMATION = "access_to_information"  # the RightTopic code (complaints/reference.py)

register(
    Measure(
        key="mandates.access_info_appeals",
        title=_("Appeals about access to information"),
        unit=Unit.APPEAL,
        definition=_("Appeals received in the year that concern the right of access to information."),
        dated_by=_("date of receipt"),
        # One right per code: the join gives each appeal at most one row.
        source=Grouped(lambda: Application.objects.filter(rights__code=ACCESS_TO_INFORMATION), "received_at"),
        model="complaints.Application",
    ),
    Measure(
        key="mandates.access_info_requests",
        title=_("Requests for information under the access-to-information law"),
        unit=Unit.INFO_REQUEST,
        definition=_(
            "Requests for information sent to authorities in the year on the basis of the access-to-information "
            "law (reply due in 5 working days)."
        ),
        dated_by=_("day it was sent"),
        source=Grouped(lambda: InfoRequest.objects.filter(basis=cc.InfoRequestBasis.ACCESS_TO_INFORMATION), "sent_at"),
        model="complaints.InfoRequest",
    ),
)
