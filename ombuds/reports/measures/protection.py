"""Obstruction, reprisals and the register of allegations — NPM report tables N8 and N9.

- Information requests follow the definitions of `ombuds.focal.figures` (one meaning of "on
  time" in the whole system): placed by the day sent; on time, late, not answered (due time
  passed without a reply when the dataset is taken), not yet due.
- Access incidents are placed by the day of their visit (a visit carried out, see `npm_base`).
- Reprisal cases and allegations are secret-tier: only their enumerations (alleged measure,
  risk, status, consent, the kind of the detaining authority) and the day they were recorded
  are read, and the reports never list them (no drill-down; `CountsOnly`). A reprisal case and
  an allegation are placed by the day they were recorded (`created_at`, Baku time): the record
  has no other date of its report.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.models import InfoRequest
from ombuds.core.choices import AuthorityKind
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import AccessIncident, Allegation, ReprisalCase
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Grouped, Measure, choices_categories, register
from ombuds.reports.measures.npm_base import VISIT_DAY, CountsOnly, labelled, of_visits
from ombuds.reports.measures.visits import PLACE_TYPES

SENT = _("day the request was sent")
RECORDED = _("day the case was recorded")
TIMELINESS = [
    Category("on_time", _("Answered on time")),
    Category("late", _("Answered late")),
    Category("not_answered", _("Not answered, overdue")),
    Category("not_yet_due", _("Not answered, not yet due")),
]
REFERRAL = [
    Category("referred", _("Referred (with consent)")),
    Category("not_referred", _("Not referred")),
    Category("undecided", _("No decision yet")),
]
CONSENT = [
    Category("yes", _("Consented to a medical examination")),
    Category("no", _("Refused a medical examination")),
    Category("not_asked", _("Consent not recorded")),
]


def _info_requests():
    return InfoRequest.objects.annotate(
        timeliness=Case(
            When(reply_at__isnull=False, reply_at__lte=F("due_at"), then=Value("on_time")),
            When(reply_at__isnull=False, then=Value("late")),
            When(due_at__lt=timezone.now(), then=Value("not_answered")),
            default=Value("not_yet_due"),
            output_field=CharField(),
        )
    )


def _addressees() -> list[Category]:
    """The authorities that ever received an information request (a row of zeros when none this year)."""
    from ombuds.core.models import Authority

    return [labelled(a) for a in Authority.objects.filter(info_requests__isnull=False).distinct().order_by("name_az")]


def _allegations():
    return Allegation.objects.annotate(
        referral=Case(
            When(Q(referred_on__isnull=False) | Q(status=mc.AllegationStatus.REFERRED), then=Value("referred")),
            When(
                Q(not_referred_reason__gt="") | Q(status=mc.AllegationStatus.NOT_REFERRED), then=Value("not_referred")
            ),
            default=Value("undecided"),
            output_field=CharField(),
        ),
        exam=Case(
            When(consent_exam=True, then=Value("yes")),
            When(consent_exam=False, then=Value("no")),
            default=Value("not_asked"),
            output_field=CharField(),
        ),
    ).only("pk")


def _reprisals():
    return ReprisalCase.objects.only("pk")


register(
    Measure(
        key="inforequests.by_timeliness",
        title=_("Information requests by timeliness of the answer"),
        unit=Unit.INFO_REQUEST,
        definition=_(
            "Requests for information sent to authorities, by whether the reply came by the due time, after it, "
            "or not yet (overdue or not yet due when the dataset was taken)."
        ),
        dated_by=SENT,
        source=Grouped(_info_requests, "sent_at", "timeliness"),
        categories=TIMELINESS,
        model="complaints.InfoRequest",
    ),
    Measure(
        key="inforequests.by_addressee",
        title=_("Information requests by addressee and timeliness"),
        unit=Unit.INFO_REQUEST,
        definition=_("Requests for information sent, by the authority addressed and the timeliness of its answer."),
        dated_by=SENT,
        source=Grouped(_info_requests, "sent_at", ("addressee__code", "timeliness")),
        categories=_addressees,
        columns=TIMELINESS,
        model="complaints.InfoRequest",
    ),
    Measure(
        key="incidents.by_kind",
        title=_("Obstruction of access by kind"),
        unit=Unit.INCIDENT,
        definition=_("Access incidents recorded during the visits carried out: access refused, delayed or partial."),
        dated_by=VISIT_DAY,
        source=Grouped(of_visits(AccessIncident), "visit_day", "kind", is_date=True),
        categories=choices_categories(mc.ObstructionKind.choices),
        model="monitoring.AccessIncident",
    ),
    Measure(
        key="incidents.by_place_type",
        title=_("Obstruction of access by type of place"),
        unit=Unit.INCIDENT,
        definition=_("Access incidents recorded during the visits carried out, by the type of place visited."),
        dated_by=VISIT_DAY,
        source=Grouped(of_visits(AccessIncident), "visit_day", "visit__place__place_type", is_date=True),
        categories=PLACE_TYPES,
        model="monitoring.AccessIncident",
    ),
    Measure(
        key="reprisals.by_measure",
        title=_("Reprisal cases by the measure alleged"),
        unit=Unit.CASE,
        definition=_("Cases of reprisals (or threats) against people who spoke to the NPM, by the measure alleged."),
        dated_by=RECORDED,
        source=CountsOnly(_reprisals, "created_at", "measure"),
        categories=choices_categories(mc.ReprisalMeasure.choices),
    ),
    Measure(
        key="reprisals.by_risk",
        title=_("Reprisal cases by risk"),
        unit=Unit.CASE,
        definition=_("Cases of reprisals recorded, by the risk assessed (the latest assessment)."),
        dated_by=RECORDED,
        source=CountsOnly(_reprisals, "created_at", "risk"),
        categories=choices_categories(mc.Risk.choices),
    ),
    Measure(
        key="reprisals.by_status",
        title=_("Reprisal cases by the action taken"),
        unit=Unit.CASE,
        definition=_(
            "Cases of reprisals recorded, by where each stands when the dataset is taken: reported, risk assessed, "
            "action taken (a contact, a visit, a letter, a referral), monitored, closed."
        ),
        dated_by=RECORDED,
        source=CountsOnly(_reprisals, "created_at", "status"),
        categories=choices_categories(mc.ReprisalStatus.choices),
    ),
    Measure(
        key="allegations.by_referral",
        title=_("Allegations of torture or ill-treatment, referred or not"),
        unit=Unit.CASE,
        definition=_(
            "Allegations recorded during visits, by whether they were referred to an investigating body (only "
            "with the person's consent), kept without referral, or not decided yet."
        ),
        dated_by=RECORDED,
        source=CountsOnly(_allegations, "created_at", "referral"),
        categories=REFERRAL,
    ),
    Measure(
        key="allegations.by_authority_kind",
        title=_("Allegations by the kind of detaining authority"),
        unit=Unit.CASE,
        definition=_("Allegations recorded during visits, by the kind of authority that held the person."),
        dated_by=RECORDED,
        source=CountsOnly(_allegations, "created_at", "detaining_authority__kind"),
        categories=choices_categories(AuthorityKind.choices, not_recorded=True),
    ),
    Measure(
        key="allegations.consent_exam",
        title=_("Allegations: consent to a medical examination"),
        unit=Unit.CASE,
        definition=_("Allegations recorded during visits, by whether the person consented to a medical examination."),
        dated_by=RECORDED,
        source=CountsOnly(_allegations, "created_at", "exam"),
        categories=CONSENT,
    ),
)
