"""The timeliness figures per authority (focal/figures.py), their staff page, export and drill
page, and the home panel of authorities answering late."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.complaints.models import InfoRequest
from ombuds.core.models import AuditEvent, Authority, Deadline
from ombuds.focal import figures
from ombuds.focal.models import Opening, Receipt, ReceiptKind
from ombuds.focal.testing import info_request_to, make_focal_point, recommendation_to
from ombuds.recommendations import choices as rc
from ombuds.recommendations.models import AuthorityResponse, Recommendation

pytestmark = pytest.mark.django_db

YEAR = 2025
PERIOD = figures.Period.year(YEAR)


def moment(month: int, day: int, hour: int = 12, year: int = YEAR) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour))  # noqa: DTZ001 - local time on purpose


AT = moment(6, 15)  # "now" for the constructed data


def request_like(template: InfoRequest, *, addressee=None, sent, due, reply=None) -> InfoRequest:
    """Another request of the same case, with the given times (constructed data, not a service)."""
    return InfoRequest.objects.create(
        application=template.application,
        addressee=addressee or template.addressee,
        basis=template.basis,
        questions="SECRET-QUESTION-TEXT",
        sent_at=sent,
        due_at=due,
        reply_at=reply,
        reply="Answered." if reply else "",
        status="answered" if reply else "sent",
    )


@pytest.fixture
def requests_to_mia():
    """One request of each state to the MIA in 2025 (and one of 2024 and one to the MoJ)."""
    first = info_request_to("mia")
    InfoRequest.objects.filter(pk=first.pk).delete()
    made = {
        "on_time": request_like(first, sent=moment(5, 20), due=moment(6, 1), reply=moment(5, 23)),
        "on_the_dot": request_like(first, sent=moment(5, 25), due=moment(6, 2), reply=moment(6, 2)),
        "late": request_like(first, sent=moment(5, 1), due=moment(5, 8), reply=moment(5, 21)),
        "not_answered": request_like(first, sent=moment(6, 1), due=moment(6, 10)),
        "not_yet_due": request_like(first, sent=moment(6, 12), due=moment(6, 20)),
        "last_year": request_like(first, sent=moment(12, 30, year=YEAR - 1), due=moment(1, 8)),
        "moj": request_like(first, addressee=Authority.objects.get(code="moj"), sent=moment(3, 1), due=moment(3, 8)),
    }
    return made


def accepted(fp):
    """The focal point accepted its invitation (set by the invitation's service in production)."""
    type(fp).objects.filter(pk=fp.pk).update(accepted_at=AT)
    fp.refresh_from_db()
    return fp


def row_of(table: figures.Table, code: str) -> figures.Row:
    return next(row for row in table.rows if row.code == code)


def test_information_requests_are_counted_by_their_state(requests_to_mia):
    table = figures.table(PERIOD, at=AT)
    mia = row_of(table, "mia")
    assert (mia.sent, mia.on_time, mia.late, mia.not_answered, mia.not_yet_due) == (5, 2, 1, 1, 1)
    # Calendar days to reply: 3 (on time), 8 (on the dot), 20 (late): the median is 8.
    assert mia.median_reply_days == 8
    assert mia.on_time_share == pytest.approx(100 * 2 / 4)  # the one not yet due is left out
    moj = row_of(table, "moj")
    assert (moj.sent, moj.not_answered, moj.median_reply_days, moj.on_time_share) == (1, 1, None, 0)
    total = table.total
    assert (total.sent, total.on_time, total.late, total.not_answered, total.not_yet_due) == (6, 2, 1, 2, 1)
    assert total.median_reply_days == 8


def test_a_request_is_placed_by_the_day_it_was_sent_in_local_time(requests_to_mia):
    # 23:30 on 31 December in Baku is still the old year (19:30 UTC).
    first = requests_to_mia["on_time"]
    request_like(first, sent=moment(12, 31, 23, year=YEAR - 1), due=moment(1, 9))
    assert row_of(figures.table(figures.Period.year(YEAR - 1), at=AT), "mia").sent == 2
    span = figures.Period(date(YEAR, 5, 20), date(YEAR, 5, 25))
    assert row_of(figures.table(span, at=AT), "mia").sent == 2


def test_the_due_time_passing_moves_a_request_from_not_yet_due_to_not_answered(requests_to_mia):
    later = figures.table(PERIOD, at=moment(6, 21))
    assert (row_of(later, "mia").not_answered, row_of(later, "mia").not_yet_due) == (2, 0)


def _timed(authority="mia", *, issued_on, due_on, first_response=None, status=None, deadline=True):
    """An issued recommendation with its response deadline due on `due_on` and its first
    response on `first_response` (constructed data)."""
    rec = recommendation_to(authority)
    Recommendation.objects.filter(pk=rec.pk).update(issued_on=issued_on, status=status or rec.status)
    deadlines = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Recommendation),
        object_id=rec.pk,
        rule__code__in=("recommendation_response", "recommendation_response_urgent"),
    )
    assert deadlines.count() == 1  # issuing starts exactly one response clock
    if deadline:
        deadlines.update(
            due_at=timezone.make_aware(datetime.combine(due_on, datetime.min.time())) + timedelta(hours=17)
        )
    else:
        deadlines.delete()
    if first_response:
        for day in (first_response, first_response + timedelta(days=3)):  # only the first counts
            AuthorityResponse.objects.create(recommendation=rec, received_on=day, stance="accepts", text="Yes.")
    return rec


def test_recommendations_are_counted_by_their_first_response():
    issued = date(YEAR, 5, 1)
    _timed(issued_on=issued, due_on=date(YEAR, 5, 31), first_response=date(YEAR, 5, 31))  # on time, 30 days
    _timed(issued_on=issued, due_on=date(YEAR, 5, 31), first_response=date(YEAR, 6, 2))  # late, 32 days
    _timed(issued_on=issued, due_on=date(YEAR, 6, 1))  # no response: due passed
    _timed(issued_on=issued, due_on=date(YEAR, 6, 30), status=rc.Status.NO_RESPONSE)  # marked
    _timed(issued_on=issued, due_on=date(YEAR, 6, 15))  # due today: not yet due
    _timed(issued_on=issued, due_on=None, deadline=False, first_response=date(YEAR, 5, 11))  # no deadline, 10 days
    _timed("moj", issued_on=date(YEAR - 1, 5, 1), due_on=date(YEAR - 1, 6, 1))  # another year
    mia = row_of(figures.table(PERIOD, at=AT), "mia")
    counts = (mia.issued, mia.rec_on_time, mia.rec_late, mia.no_response, mia.rec_not_yet_due, mia.no_deadline)
    assert counts == (6, 1, 1, 2, 1, 1)
    assert mia.median_response_days == 30
    assert sum(counts[1:]) == mia.issued


def test_drafts_are_not_counted():
    recommendation_to("mia", issue=False)
    assert all(row.issued == 0 for row in figures.table(figures.Period.year(timezone.localdate().year)).rows)


def test_portal_figures(requests_to_mia):
    active = accepted(make_focal_point(authority="mia"))
    revoked = accepted(make_focal_point(authority="mia"))
    make_focal_point(authority="mia", accept=False)  # invited, not yet accepted: not active
    revoked.revoked_at = AT
    revoked.save(update_fields=["revoked_at"])
    accepted(make_focal_point(authority="moj"))
    signed_in = moment(6, 14, 9)
    type(active.user).objects.filter(pk=active.user.pk).update(last_login=signed_in)
    type(revoked.user).objects.filter(pk=revoked.user.pk).update(last_login=moment(6, 1))
    for key in ("on_time", "not_answered"):
        for fp in (active, revoked):  # one item opened by two counts once
            Opening.objects.create(
                focal_point=fp, info_request=requests_to_mia[key], first_opened_at=AT, last_opened_at=AT
            )
    Opening.objects.create(
        focal_point=active, info_request=requests_to_mia["last_year"], first_opened_at=AT, last_opened_at=AT
    )
    Receipt.objects.create(
        reference="AP-2025-000001",
        focal_point=active,
        kind=ReceiptKind.INFO_REQUEST_REPLY,
        info_request=requests_to_mia["on_time"],
        submitted_at=moment(5, 23),
    )
    table = figures.table(PERIOD, at=AT)
    mia = row_of(table, "mia")
    assert (mia.focal_points, mia.opened, mia.ir_online, mia.last_sign_in) == (1, 2, 1, signed_in)
    assert mia.online_share == pytest.approx(100 / 3)
    moj = row_of(table, "moj")
    assert (moj.focal_points, moj.last_sign_in) == (1, None)


def test_an_authority_with_a_focal_point_and_nothing_sent_has_a_row_of_zeros():
    accepted(make_focal_point(authority="moj"))
    (row,) = figures.table(PERIOD, at=AT).rows
    assert (row.code, row.sent, row.issued, row.focal_points, row.median_reply_days) == ("moj", 0, 0, 1, None)
    assert row.on_time_share is None


# Each request: (day sent, days until due, days until the reply or None), relative to 1 March.
REQUESTS = st.lists(
    st.tuples(
        st.sampled_from(["mia", "moj", "mes"]),
        st.integers(0, 200),
        st.integers(0, 20),
        st.one_of(st.none(), st.integers(0, 40)),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=REQUESTS, at_offset=st.integers(0, 250))
def test_every_request_is_in_exactly_one_state(requests_to_mia, specs, at_offset):
    template = requests_to_mia["on_time"]
    InfoRequest.objects.exclude(pk=template.pk).delete()
    InfoRequest.objects.filter(pk=template.pk).update(sent_at=moment(1, 1, year=YEAR - 5))
    base = moment(3, 1)
    bodies = {b.code: b for b in Authority.objects.filter(code__in=["mia", "moj", "mes"])}
    expected = {"sent": 0, "on_time": 0, "late": 0, "not_answered": 0, "not_yet_due": 0}
    at = base + timedelta(days=at_offset)
    for code, sent, due, reply in specs:
        sent_at = base + timedelta(days=sent)
        due_at, reply_at = sent_at + timedelta(days=due), None if reply is None else sent_at + timedelta(days=reply)
        request_like(template, addressee=bodies[code], sent=sent_at, due=due_at, reply=reply_at)
        if sent_at < moment(1, 1, year=YEAR + 1):
            expected["sent"] += 1
            if reply_at is not None:
                expected["on_time" if reply_at <= due_at else "late"] += 1
            else:
                expected["not_answered" if due_at < at else "not_yet_due"] += 1
    table = figures.table(PERIOD, at=at)
    for row in [*table.rows, table.total]:
        assert row.on_time + row.late + row.not_answered + row.not_yet_due == row.sent
    total = table.total
    assert {k: getattr(total, k) for k in expected} == expected


# Each recommendation: (status, days from issue to the response deadline or None, days to the
# first response or None), issued on 1 March.
RECOMMENDATIONS = st.lists(
    st.tuples(
        st.sampled_from(["mia", "moj"]),
        st.sampled_from([rc.Status.ISSUED, rc.Status.NO_RESPONSE, rc.Status.ACCEPTED, rc.Status.NO_LONGER_RELEVANT]),
        st.one_of(st.none(), st.integers(0, 60)),
        st.one_of(st.none(), st.integers(0, 90)),
    ),
    max_size=10,
)


@pytest.fixture
def one_issued():
    return recommendation_to("mia")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=RECOMMENDATIONS, at_offset=st.integers(0, 120))
def test_every_recommendation_is_in_exactly_one_state(one_issued, specs, at_offset):
    """Copies of one issued recommendation with every combination of status, deadline and
    response: the five states add up to the issued ones and match a plain reading of the rules."""
    AuthorityResponse.objects.exclude(recommendation=one_issued).delete()  # the last example's copies
    Recommendation.objects.exclude(pk=one_issued.pk).delete()
    Recommendation.objects.filter(pk=one_issued.pk).update(issued_on=date(YEAR - 5, 1, 1))
    ct = ContentType.objects.get_for_model(Recommendation)
    original = Deadline.objects.get(content_type=ct, object_id=one_issued.pk)
    Deadline.objects.filter(content_type=ct).exclude(pk=original.pk).delete()
    bodies = {b.code: b for b in Authority.objects.filter(code__in=["mia", "moj"])}
    issued = date(YEAR, 3, 1)
    at = moment(3, 1) + timedelta(days=at_offset)
    today = timezone.localtime(at).date()
    expected = dict.fromkeys(["issued", "rec_on_time", "rec_late", "no_response", "rec_not_yet_due", "no_deadline"], 0)
    for n, (code, status, due, answer) in enumerate(specs, start=1):
        copy = Recommendation.objects.get(pk=one_issued.pk)
        copy.pk, copy.public_id, copy.sequence = None, uuid.uuid4(), 9000 + n
        copy.number, copy.addressee, copy.status, copy.issued_on = f"{YEAR}/9{n:03d}", bodies[code], status, issued
        copy._state.adding = True  # a new row: inserted, not updated
        copy.save()
        due_on = None if due is None else issued + timedelta(days=due)
        if due_on is not None:
            Deadline.objects.create(
                rule=original.rule,
                content_type=ct,
                object_id=copy.pk,
                started_at=moment(3, 1, 9),
                due_at=timezone.make_aware(datetime.combine(due_on, datetime.min.time())) + timedelta(hours=18),
            )
        first = None if answer is None else issued + timedelta(days=answer)
        if first is not None:
            AuthorityResponse.objects.create(recommendation=copy, received_on=first, stance="accepts", text="Yes.")
        expected["issued"] += 1
        if due_on is None and (first is not None or status != rc.Status.NO_RESPONSE):
            expected["no_deadline"] += 1
        elif first is not None:
            expected["rec_on_time" if first <= due_on else "rec_late"] += 1
        elif status == rc.Status.NO_RESPONSE or due_on < today:
            expected["no_response"] += 1
        else:
            expected["rec_not_yet_due"] += 1
    table = figures.table(PERIOD, at=at)
    for row in [*table.rows, table.total]:
        parts = row.rec_on_time + row.rec_late + row.no_response + row.rec_not_yet_due + row.no_deadline
        assert parts == row.issued
    assert {k: getattr(table.total, k) for k in expected} == expected


def test_the_number_of_queries_does_not_grow_with_authorities_or_items(requests_to_mia, django_assert_num_queries):
    ContentType.objects.get_for_model(Recommendation)  # cached for the process, as in production
    with django_assert_num_queries(6):
        small = figures.table(PERIOD, at=AT)
    template = requests_to_mia["on_time"]
    for code in ("mes", "moh", "mod"):
        body = Authority.objects.get(code=code)
        for day in (1, 2, 3):
            request_like(template, addressee=body, sent=moment(4, day), due=moment(4, 9), reply=moment(4, 8))
        make_focal_point(authority=body)
    _timed("mes", issued_on=date(YEAR, 4, 1), due_on=date(YEAR, 5, 1), first_response=date(YEAR, 4, 20))
    with django_assert_num_queries(6):
        large = figures.table(PERIOD, at=AT)
    assert len(large.rows) > len(small.rows)
    with django_assert_num_queries(2):
        figures.answering_late(PERIOD, at=AT)


# --- the pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["commissioner", "analyst", "department_head"])
def test_the_page_for_those_who_may_see_it(name, persona, staff_client, requests_to_mia):
    http = staff_client(persona(name))
    response = http.get(reverse("focal_points:timeliness"), {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="timeliness-row-mia"' in html and 'data-testid="timeliness-total"' in html
    assert "SECRET-QUESTION-TEXT" not in html
    # The navigation: analysts go straight to the figures, the portal's managers through its page.
    entry = reverse("focal_points:timeliness") if name == "analyst" else reverse("focal_points:list")
    assert f'href="{entry}"' in http.get(reverse("core:home")).content.decode()
    assert reverse("focal_points:timeliness") in http.get(entry).content.decode()


def test_staff_without_the_permission_are_refused_and_a_focal_point_finds_nothing(persona, staff_client):
    assert staff_client(persona("complaints_officer")).get(reverse("focal_points:timeliness")).status_code == 403
    fp = persona("focal_point")
    assert staff_client(fp).get(reverse("focal_points:timeliness")).status_code == 404


def test_issued_counts_link_to_the_register_for_those_who_may_use_it(persona, staff_client):
    rec = recommendation_to("mia")
    year = rec.issued_on.year
    link = f"{reverse('recommendations:list')}?addressee=mia&amp;year={year}"
    html = staff_client(persona("commissioner")).get(reverse("focal_points:timeliness")).content.decode()
    assert link in html
    analyst = staff_client(persona("analyst")).get(reverse("focal_points:timeliness")).content.decode()
    assert 'data-testid="timeliness-row-mia"' in analyst and link not in analyst


def test_the_htmx_request_gets_the_table_only(persona, staff_client, requests_to_mia):
    http = staff_client(persona("analyst"))
    response = http.get(reverse("focal_points:timeliness"), {"year": YEAR}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-testid="timeliness-table"' in html and "<html" not in html


def test_dates_instead_of_a_year_and_bad_dates_are_refused_with_a_message(persona, staff_client, requests_to_mia):
    http = staff_client(persona("analyst"))
    response = http.get(reverse("focal_points:timeliness"), {"start": f"{YEAR}-05-20", "end": f"{YEAR}-05-25"})
    assert f"{YEAR}-05-20 – {YEAR}-05-25" in response.content.decode()
    bad = http.get(reverse("focal_points:timeliness"), {"start": f"{YEAR}-05-25", "end": f"{YEAR}-05-20"})
    assert bad.status_code == 200 and 'data-testid="form-errors"' in bad.content.decode()


def test_the_export_is_audited_and_formula_safe(persona, staff_client, requests_to_mia):
    Authority.objects.filter(code="mia").update(name_en="=HYPERLINK(1)", name_az="=HYPERLINK(1)")
    user = persona("analyst")
    http = staff_client(user)
    response = http.get(reverse("focal_points:timeliness_export", args=["csv"]), {"year": YEAR})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode().lstrip("\ufeff"))))
    names = [row[0] for row in rows]
    assert "'=HYPERLINK(1)" in names and "=HYPERLINK(1)" not in names
    mia = rows[names.index("'=HYPERLINK(1)")]
    assert mia[2:7] == ["5", "2", "1", "2", "0"]  # judged now: every 2025 term has passed
    event = AuditEvent.objects.filter(action="focal.focalpoint.timeliness_exported").get()
    assert event.actor_id == user.pk and event.changes["format"] == "csv"
    assert event.changes["from"] == f"{YEAR}-01-01"
    xlsx = http.get(reverse("focal_points:timeliness_export", args=["xlsx"]), {"year": YEAR})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert http.get(reverse("focal_points:timeliness_export", args=["pdf"])).status_code == 404
    assert (
        staff_client(persona("complaints_officer"))
        .get(reverse("focal_points:timeliness_export", args=["csv"]))
        .status_code
        == 403
    )


def test_the_authority_page_shows_activity_without_content(persona, staff_client, requests_to_mia):
    fp = make_focal_point(authority="mia")
    item = requests_to_mia["on_time"]
    Opening.objects.create(focal_point=fp, info_request=item, first_opened_at=AT, last_opened_at=AT, times=3)
    Receipt.objects.create(
        reference="AP-2025-000007",
        focal_point=fp,
        kind=ReceiptKind.INFO_REQUEST_REPLY,
        info_request=item,
        submitted_at=moment(5, 23),
    )
    http = staff_client(persona("analyst"))
    url = reverse("focal_points:timeliness_authority", args=["mia"])
    response = http.get(url, {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    assert "AP-2025-000007" in html and fp.user.display_name in html
    assert f"{YEAR}-05-20" in html  # the request is named by its day of sending
    assert "SECRET-QUESTION-TEXT" not in html and "Answered." not in html
    assert item.application.number not in html
    assert http.get(reverse("focal_points:timeliness_authority", args=["no-such-body"])).status_code == 404


def test_the_authority_page_reads_a_constant_number_of_queries(persona, staff_client, requests_to_mia):
    http = staff_client(persona("analyst"))
    url = reverse("focal_points:timeliness_authority", args=["mia"])
    http.get(url)  # the session and the caches are warm
    counts = []
    for _round in range(2):
        fp = make_focal_point(authority="mia")
        for item in requests_to_mia.values():
            Opening.objects.create(focal_point=fp, info_request=item, first_opened_at=AT, last_opened_at=AT)
        Receipt.objects.create(
            reference=f"AP-2025-00010{_round}",
            focal_point=fp,
            kind=ReceiptKind.INFO_REQUEST_REPLY,
            info_request=requests_to_mia["on_time"],
            submitted_at=AT,
        )
        with CaptureQueriesContext(connection) as captured:
            assert http.get(url).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_home_panel_names_the_authorities_answering_late(persona, staff_client, django_assert_max_num_queries):
    template = info_request_to("mia")
    now = timezone.now()
    for code, late in (("moj", 3), ("mes", 1)):
        body = Authority.objects.get(code=code)
        for _i in range(late):
            request_like(template, addressee=body, sent=now - timedelta(hours=2), due=now - timedelta(hours=1))
    http = staff_client(persona("commissioner"))
    html = http.get(reverse("core:home")).content.decode()
    panel = html[html.index('data-testid="home-answering-late"') :]
    moj, mes = Authority.objects.get(code="moj").name, Authority.objects.get(code="mes").name
    assert moj in panel and mes in panel and panel.index(moj) < panel.index(mes)
    assert reverse("focal_points:timeliness_authority", args=["moj"]) in panel
    assert (
        'data-testid="home-answering-late"'
        not in staff_client(persona("complaints_officer")).get(reverse("core:home")).content.decode()
    )


def test_the_page_reads_a_constant_number_of_queries(persona, staff_client, requests_to_mia):
    http = staff_client(persona("commissioner"))
    url = reverse("focal_points:timeliness")
    http.get(url, {"year": YEAR})  # the session and the caches are warm
    counts = []
    template = requests_to_mia["on_time"]
    for codes in (("mes",), ("moh", "mod", "mfa")):
        for code in codes:
            body = Authority.objects.get(code=code)
            request_like(template, addressee=body, sent=moment(4, 1), due=moment(4, 9), reply=moment(4, 8))
            accepted(make_focal_point(authority=body))
        with CaptureQueriesContext(connection) as captured:
            response = http.get(url, {"year": YEAR})
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
