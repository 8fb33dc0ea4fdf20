"""The authority portal's demo: focal points of the Ministry of Internal Affairs and of the
Penitentiary Service, and one of the Penitentiary Service for one institution only (the Shuvalan
investigative isolator, whose recommendations the recommendations demo follows), with items in
every state for both bodies, through the services:

- information requests: sent and due soon, overdue, reminded, escalated, answered on time through
  the portal (with a receipt and an attachment), and answered late by letter (typed in by staff);
- recommendations: issued and awaiting a response, no response, accepted, rejected, in progress,
  reported implemented through the portal with an evidence file (unverified), implemented
  (verified by staff), partly implemented.

Dates lie in the recent past and count back from the day of seeding, so the clocks read true on
any day the demo is loaded."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from ombuds.accounts.demo import DEMO_PASSWORD
from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import ApplicantKind, Channel
from ombuds.complaints.models import InfoRequest, RightTopic
from ombuds.complaints.services.info_requests import RULE_FOR_BASIS
from ombuds.core.clock import WorkingCalendar, due_after
from ombuds.core.documents import html_pdf
from ombuds.core.models import Authority, DeadlineRule, District
from ombuds.focal import demo_texts as t
from ombuds.focal.models import FocalPoint
from ombuds.focal.services.accounts import accept_invitation, create_focal_point
from ombuds.focal.services.activity import record_opening
from ombuds.focal.services.requests import answer_info_request
from ombuds.focal.services.responses import answer_recommendation
from ombuds.monitoring.choices import PlaceType
from ombuds.monitoring.models import Place
from ombuds.recommendations import services as recs
from ombuds.recommendations.choices import Evidence, Kind, Stance, Status
from ombuds.recommendations.demo import ISOLATOR, SMART_ALL
from ombuds.recommendations.models import Recommendation

BODIES = ("mia", "penitentiary_service")
PLACE_ONLY = "shuvalan.focal"
# username, authority, only for the isolator, first name, last name, position
ACCOUNTS = [
    ("mia.focal", "mia", False, "Rauf", "Nəsibov", "Vətəndaşların müraciətləri ilə iş idarəsinin baş inspektoru"),
    (
        "penitentiary.focal",
        "penitentiary_service",
        False,
        "Lalə",
        "Orucova",
        "Hüquq şöbəsinin baş məsləhətçisi",
    ),
    (PLACE_ONLY, "penitentiary_service", True, "Vüqar", "Bağırov", "Təcridxana rəisinin müavini"),
]
# The place types the recommendations of each body are about.
PLACE_TYPES = {
    "mia": (PlaceType.TEMPORARY_DETENTION, PlaceType.POLICE_DIVISION),
    "penitentiary_service": (PlaceType.PENITENTIARY, PlaceType.PRETRIAL_ISOLATOR),
}


def isolator() -> Place | None:
    """The institution of the place-only focal point: the Shuvalan isolator if the register has
    it, else the first investigative isolator of the Penitentiary Service."""
    found = Place.objects.filter(name_en__startswith=ISOLATOR).first()
    return (
        found
        or Place.objects.filter(place_type=PlaceType.PRETRIAL_ISOLATOR, authority__code="penitentiary_service")
        .order_by("pk")
        .first()
    )


def accounts_printout() -> list[tuple[str, str]]:
    """(username, what the account answers for) for the seed's list of demo accounts."""
    printout = []
    profiles = FocalPoint.objects.select_related("user__authority", "place")
    for profile in profiles.filter(user__username__in=[a[0] for a in ACCOUNTS]).order_by("pk"):
        body = profile.user.authority.name_en
        what = _("Focal point: %(body)s") % {"body": body}
        if profile.place is not None:
            what = _("Focal point: %(body)s, only %(place)s") % {"body": body, "place": profile.place.name_en}
        printout.append((profile.user.username, what))
    return printout


def seed(stdout) -> list[tuple[str, str]]:
    """Create the focal points and their items once; return the accounts for the printout."""
    if not FocalPoint.objects.filter(user__username=ACCOUNTS[0][0]).exists():
        with transaction.atomic():
            made = _seed()
        stdout.write(f"  {made} items for the authorities' focal points")
    return accounts_printout()


class _Story:
    def __init__(self):
        self.head = User.objects.get(username="head.complaints")
        self.officer = User.objects.get(username="officer.baku")
        self.lead = User.objects.get(username="npm.lead")
        self.commissioner = User.objects.get(username="commissioner")
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.focal: dict[str, User] = {}
        self.made = 0

    def days_ago(self, days: int):
        return self.now - timedelta(days=days)


def _seed() -> int:
    story = _Story()
    place = isolator()
    for username, code, place_only, first, last, position in ACCOUNTS:
        _profile, token = create_focal_point(
            None,
            authority=Authority.objects.get(code=code),
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            place=place if place_only else None,
            position=position,
            phone="+994 12 000 00 00",
        )
        # No invitation is e-mailed (no language given): the demo accepts it at once, choosing
        # the printed password.
        story.focal[username] = accept_invitation(token, DEMO_PASSWORD).user
    for code in BODIES:
        _info_requests(story, code)
    complaints.mark_overdue_info_requests(now=story.now)
    for code in BODIES:
        _follow_up_requests(story, code)
    for code in BODIES:
        _recommendations(story, code, place)
    recs.mark_no_response(now=story.now)
    return story.made


def _focal_of(story: _Story, code: str) -> User:
    return story.focal["mia.focal" if code == "mia" else "penitentiary.focal"]


# --- Information requests ------------------------------------------------------------------


def _due_soon_start(story: _Story, basis: str):
    """A sending day whose reply is due within the next three days (the legal clock's rule)."""
    rule = DeadlineRule.objects.get(code=RULE_FOR_BASIS[basis])
    cal = WorkingCalendar.load()
    start = story.days_ago(1)
    for back in range(1, 60):
        candidate = story.days_ago(back)
        due = due_after(candidate, rule.term, rule.unit, roll=rule.roll_to_working_day, cal=cal)
        if due <= story.now:
            break
        start = candidate
        if due <= story.now + timedelta(days=3):
            break
    return start


# The requests of each body, by the state the demo leaves them in, with the day they were sent.
REQUEST_STATES = ("due_soon", "on_time", "overdue", "reminded", "escalated", "late")
SENT_DAYS_AGO = {"on_time": 3, "overdue": 20, "reminded": 26, "escalated": 40, "late": 30}


def _info_requests(story: _Story, code: str) -> None:
    authority = Authority.objects.get(code=code)
    topic = RightTopic.objects.get(code="police" if code == "mia" else "detention_conditions")
    district = District.objects.filter(code="baku").first() or District.objects.order_by("pk").first()
    unit = OrgUnit.objects.get(code="dept_complaints")
    for n, state in enumerate(REQUEST_STATES):
        sent = _due_soon_start(story, "general") if state == "due_soon" else story.days_ago(SENT_DAYS_AGO[state])
        app = complaints.register_application(
            story.head,
            unit=unit,
            channel=Channel.POST,
            district=district,
            received_at=sent - timedelta(days=6),
            summary=t.SUMMARIES[code][n],
            rights=[topic],
            respondents=[authority],
            applicant_kind=ApplicantKind.PERSON,
            applicant={"surname": "Həsənova", "given_name": "Sevinc", "sex": "female", "phone": "+994 50 555 10 00"},
        )
        app = complaints.assign_application(story.head, app, story.officer)
        app = complaints.decide_admissibility(story.officer, app, "accept")
        complaints.send_info_request(
            story.officer,
            app,
            addressee=authority,
            basis="general",
            questions=t.QUESTIONS[code][n],
            sent_at=sent,
        )
        story.made += 1


def _requests_of(code: str) -> dict[str, InfoRequest]:
    found = InfoRequest.objects.filter(addressee__code=code, questions__in=t.QUESTIONS[code]).select_related(
        "application"
    )
    by_text = {r.questions: r for r in found}
    return {state: by_text[t.QUESTIONS[code][n]] for n, state in enumerate(REQUEST_STATES)}


def _follow_up_requests(story: _Story, code: str) -> None:
    """Overdue ones are reminded, one escalated; one is answered on time online, one late by letter."""
    focal = _focal_of(story, code)
    requests = _requests_of(code)
    for state in ("reminded", "escalated", "late"):
        complaints.remind_info_request(story.officer, requests[state])
    if code == "mia":
        complaints.remind_info_request(story.officer, requests["escalated"])
    complaints.escalate_info_request(story.officer, requests["escalated"], t.ESCALATION_REASON[code])
    complaints.record_reply(story.officer, requests["late"], t.LATE_REPLY[code])
    for state in ("due_soon", "overdue", "on_time"):
        record_opening(focal, requests[state])
    _reply_online(story, focal, requests["on_time"], t.PORTAL_REPLY[code], t.ATTACHMENT_TEXT[code])


def _reply_online(story: _Story, focal: User, request: InfoRequest, text: str, attachment: str) -> None:
    """The focal point's reply through the portal, with a receipt and an attachment: the portal's
    own service, so the reply is the portal's (its channel, the officer's notification)."""
    answer_info_request(focal, request, text=text, files=[_pdf(f"{attachment}.pdf", attachment, text)])


# --- Recommendations ------------------------------------------------------------------------

# state -> (issued days ago, area); the Shuvalan isolator's come first for the place-only point.
REC_STATES = {
    "issued": (12, "health_care"),
    "no_response": (50, "protection"),
    "accepted": (20, "material_conditions"),
    "rejected": (70, "regime"),
    "in_progress": (45, "health_care"),
    "reported_implemented": (95, "material_conditions"),
    "implemented": (160, "protection"),
    "partially_implemented": (210, "material_conditions"),
}
AT_THE_ISOLATOR = ("accepted", "in_progress", "reported_implemented")


def _places(code: str, isolator_place: Place | None) -> tuple[list[Place], list[Place]]:
    """(places of the body's recommendations, those of the isolator's)."""
    types = PLACE_TYPES[code]
    found = Place.objects.filter(authority__code=code, place_type__in=types)
    if isolator_place is not None:
        found = found.exclude(pk=isolator_place.pk)
    others = list(found.order_by("pk")[:3])
    if code == "penitentiary_service" and isolator_place is not None:
        return others, [isolator_place]
    return others, others


def _recommendations(story: _Story, code: str, isolator_place: Place | None) -> None:
    authority = Authority.objects.get(code=code)
    others, at_isolator = _places(code, isolator_place)
    made: dict[str, Recommendation] = {}
    for state, (days, area) in REC_STATES.items():
        az, en, ru = t.RECOMMENDATIONS[code][state]
        places = at_isolator if state in AT_THE_ISOLATOR else others
        rec = recs.draft_recommendation(
            story.lead,
            source="thematic_report",
            report_title=t.REPORT_TITLE[code],
            addressee=authority,
            kind=Kind.THEMATIC,
            places=places,
            place_type=places[0].place_type if places else "",
            area=area,
            smart=SMART_ALL,
            text_az=az,
            text_en=en,
            text_ru=ru,
        )
        made[state] = recs.issue_recommendation(story.commissioner, rec, issued_on=story.today - timedelta(days=days))
        story.made += 1
    focal = _focal_of(story, code)
    isolator_focal = story.focal[PLACE_ONLY] if code == "penitentiary_service" and isolator_place else focal
    _by_letter(story, made["rejected"], Stance.REJECTS, 40, t.RESPONSES["rejected"])
    _online(made["accepted"], focal, Stance.ACCEPTS, t.RESPONSES["accepted"])
    _online(made["in_progress"], isolator_focal, Stance.PROGRESS, t.RESPONSES["in_progress"])
    _by_letter(story, made["reported_implemented"], Stance.ACCEPTS, 80, t.RESPONSES["reported_implemented_before"])
    evidence = _pdf(f"{t.EVIDENCE_TITLE}.pdf", t.EVIDENCE_TITLE, t.RESPONSES["reported_implemented"])
    _online(
        made["reported_implemented"],
        isolator_focal,
        Stance.IMPLEMENTED,
        t.RESPONSES["reported_implemented"],
        evidence,
    )
    _by_letter(story, made["implemented"], Stance.IMPLEMENTED, 60, t.RESPONSES["implemented"])
    recs.record_outcome(
        story.lead,
        made["implemented"],
        Status.IMPLEMENTED,
        evidence=Evidence.AUTHORITY_REPORT_VERIFIED,
        happened_on=story.today - timedelta(days=45),
        note=t.VERIFIED_NOTE,
    )
    _by_letter(story, made["partially_implemented"], Stance.PROGRESS, 150, t.RESPONSES["partially_implemented"])
    recs.record_outcome(
        story.lead,
        made["partially_implemented"],
        Status.PARTIALLY_IMPLEMENTED,
        evidence=Evidence.AUTHORITY_RESPONSE,
        happened_on=story.today - timedelta(days=30),
        note=t.PARTLY_NOTE,
    )
    record_opening(focal, made["issued"])


def _by_letter(story: _Story, rec: Recommendation, stance: str, days_ago: int, text: str) -> None:
    """A response that came by post, typed in by staff."""
    received = story.today - timedelta(days=days_ago)
    recs.record_response(
        story.lead,
        rec,
        stance=stance,
        received_on=received,
        text=text,
        reference=f"{t.LETTER_PREFIX[rec.addressee.code]}-{received:%m}/{rec.sequence:03d}",
    )


def _online(rec: Recommendation, focal: User, stance: str, text: str, evidence=None) -> None:
    """The focal point opens the recommendation and answers it through the portal's service."""
    record_opening(focal, rec)
    answer_recommendation(focal, rec, stance=stance, text=text, files=[evidence] if evidence else [])


def _pdf(filename: str, title: str, text: str) -> SimpleUploadedFile:
    """A one-page PDF, as an authority would scan or export one."""
    html = f"<html><body><h1>{escape(title)}</h1><p>{escape(text)}</p></body></html>"
    return SimpleUploadedFile(filename, html_pdf(html), content_type="application/pdf")
