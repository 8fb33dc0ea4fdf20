"""A request that left earlier (an import, the demo) keeps its day: the reply clock counts from it,
so it can already be overdue; a day in the future or before the application arrived is refused."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ombuds.complaints import services
from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.testing import authority, make_application
from ombuds.core.models import Deadline

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")
NOW = datetime(2025, 10, 20, 10, 0, tzinfo=BAKU)  # a Monday


def test_the_clock_of_a_request_sent_earlier_counts_from_its_day(persona):
    officer = persona("complaints_officer")
    with time_machine.travel(NOW, tick=False):
        app = make_application(officer, received_at=NOW - timedelta(days=30))
        services.assign_application(officer, app, officer)
        app = services.decide_admissibility(officer, app, "accept")
        sent = NOW - timedelta(days=21)  # Monday 29 September
        request = services.send_info_request(
            officer, app, addressee=authority("mia"), basis="general", questions="Why?", sent_at=sent
        )
        assert request.sent_at == sent
        assert request.due_at.astimezone(BAKU).date() == date(2025, 10, 13)  # 10 working days later
        deadline = Deadline.objects.get(object_id=app.pk, rule__code="info_request_reply")
        assert deadline.started_at == sent and deadline.due_at == request.due_at
        assert services.mark_overdue_info_requests() == 1
        request.refresh_from_db()
        assert request.status == InfoRequestStatus.OVERDUE

        for when, field in ((NOW + timedelta(hours=1), "sent_at"), (NOW - timedelta(days=31), "sent_at")):
            with pytest.raises(ValidationError) as refused:
                services.send_info_request(
                    officer, app, addressee=authority("mia"), basis="general", questions="Why?", sent_at=when
                )
            assert field in refused.value.message_dict
        assert app.info_requests.count() == 1
