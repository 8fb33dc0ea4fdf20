"""The awareness-raising action plan (domain.md §5): plans, items by topic and audience, events
with remote offices, speakers, participants (counts; names only with consent), materials,
evaluation, and a draft news item for the portal."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import role_scopes
from ombuds.core.data_classes import DataClass
from ombuds.core.i18n import pick
from ombuds.core.models import BaseModel, Region, TranslatedName
from ombuds.outreach import choices as c
from ombuds.outreach.permissions import MANAGE, SEE_ALL_EVENTS

PUB, INT, CONF = DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL


class Topic(TranslatedName):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    DATA_CLASSES = {**TranslatedName.DATA_CLASSES, "code": PUB, "sort_order": PUB}

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Audience(TranslatedName):
    code = models.SlugField(_("code"), max_length=40, unique=True)

    DATA_CLASSES = {**TranslatedName.DATA_CLASSES, "code": PUB}

    class Meta:
        ordering = ["code"]
        verbose_name = _("target audience")
        verbose_name_plural = _("target audiences")


def _is_staff(user) -> bool:
    """An active account holding at least one role (an account without roles sees nothing)."""
    return bool(role_scopes(user))


def _sees_every_event(user) -> bool:
    return any(user.has_perm(perm) for perm in SEE_ALL_EVENTS)


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The action plan is the institution's published programme: every staff member reads it."""
        return self if _is_staff(user) else self.none()


class PlanItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if _is_staff(user) else self.none()


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Need to know (domain.md §4): outreach staff and the Commissioner see every event; other
        staff see the events their unit hosts, is responsible for or joins remotely, and those
        they speak at (the reminders go to the host and the responsible unit)."""
        if not _is_staff(user):
            return self.none()
        if _sees_every_event(user):
            return self
        # Subqueries, not joins across the to-many relations: a row cannot come back twice.
        mine = Q(pk__in=Speaker.objects.filter(staff=user).values("event_id"))
        if user.org_unit_id:
            joined = Event.remote_offices.through.objects.filter(orgunit_id=user.org_unit_id)
            mine |= (
                Q(host_unit_id=user.org_unit_id)
                | Q(plan_item__responsible_unit_id=user.org_unit_id)
                | Q(pk__in=joined.values("event_id"))
            )
        return self.filter(mine)


class EventPartQuerySet(models.QuerySet):
    """Counts, speakers: visible with their event."""

    def visible_to(self, user):
        return self.filter(event__in=Event.objects.visible_to(user).values("pk"))


class ParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Named participants are personal data kept for the outreach work only: outreach staff
        see them (for the events they see); hosts, remote offices and speakers see the counts."""
        if not (_is_staff(user) and user.has_perm(MANAGE)):
            return self.none()
        return self.filter(event__in=Event.objects.visible_to(user).values("pk"))


class TranslatedTitle(models.Model):
    """A title in az (required), en and ru; `title` shows the reader's language, else az."""

    title_az = models.CharField(_("title (Azerbaijani)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)

    DATA_CLASSES = dict.fromkeys(["title_az", "title_en", "title_ru"], INT)

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        return pick(self, "title")


class ActionPlan(TranslatedTitle, BaseModel):
    year = models.PositiveSmallIntegerField(_("year"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    budget = models.DecimalField(_("budget (AZN)"), max_digits=12, decimal_places=2, null=True, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **TranslatedTitle.DATA_CLASSES,
        **dict.fromkeys(["year", "approved_by", "approved_on", "goals", "budget"], INT),
    }

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        permissions = [
            ("manage_outreach", _("Plan and record awareness-raising events")),
            ("approve_actionplan", _("Approve the awareness-raising action plan")),
        ]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outreach:plan_detail", args=[self.public_id])


class PlanItem(BaseModel):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="items", verbose_name=_("topic"))
    audiences = models.ManyToManyField(Audience, blank=True, verbose_name=_("target audiences"))
    planned_from = models.DateField(_("planned from"))
    planned_to = models.DateField(_("planned to"))
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    event_format = models.CharField(
        _("format"), max_length=12, choices=c.EventFormat.choices, default=c.EventFormat.IN_PERSON
    )
    responsible_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible unit")
    )
    target_events = models.PositiveSmallIntegerField(_("events planned"), default=1)
    target_participants = models.PositiveIntegerField(_("participants planned"), default=0)
    target_satisfied = models.PositiveSmallIntegerField(_("satisfied participants targeted (%)"), default=80)
    status = models.CharField(_("status"), max_length=12, choices=c.ItemStatus.choices, default=c.ItemStatus.PLANNED)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "plan",
                "topic",
                "audiences",
                "planned_from",
                "planned_to",
                "region",
                "venue",
                "event_format",
                "responsible_unit",
                "target_events",
                "target_participants",
                "target_satisfied",
                "status",
                "cancel_reason",
            ],
            INT,
        ),
    }

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["planned_from", "topic"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return f"{self.topic} ({self.planned_from:%m.%Y})"


class Event(TranslatedTitle, BaseModel):
    plan_item = models.ForeignKey(
        PlanItem, on_delete=models.PROTECT, related_name="events", verbose_name=_("plan item")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=c.EventKind.choices, default=c.EventKind.TRAINING)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    host_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="hosted_events", verbose_name=_("host unit")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    event_format = models.CharField(_("format"), max_length=12, choices=c.EventFormat.choices)
    remote_offices = models.ManyToManyField(
        "accounts.OrgUnit", blank=True, related_name="joined_events", verbose_name=_("offices joining remotely")
    )
    target_organisations = models.TextField(_("target organisations"), blank=True)
    audiences = models.ManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    status = models.CharField(_("status"), max_length=12, choices=c.EventStatus.choices, default=c.EventStatus.PLANNED)
    questions = models.TextField(_("questions asked and answers given"), blank=True)
    pre_test_score = models.DecimalField(
        _("average pre-test score (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    post_test_score = models.DecimalField(
        _("average post-test score (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    satisfied_share = models.DecimalField(
        _("satisfied participants (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    follow_up = models.TextField(_("follow-up actions"), blank=True)
    news_link = models.URLField(_("published news item"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **TranslatedTitle.DATA_CLASSES,
        **dict.fromkeys(
            [
                "plan_item",
                "kind",
                "starts_at",
                "ends_at",
                "host_unit",
                "venue",
                "region",
                "event_format",
                "remote_offices",
                "target_organisations",
                "audiences",
                "status",
                "questions",
                "pre_test_score",
                "post_test_score",
                "satisfied_share",
                "follow_up",
                "news_link",
                "cancel_reason",
            ],
            INT,
        ),
    }

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "-starts_at"], name="outreach_event_status_idx")]  # event list

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outreach:event_detail", args=[self.public_id])


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=200)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    topic = models.CharField(_("topic of the presentation"), max_length=300, blank=True)

    DATA_CLASSES = {"event": INT, "name": INT, "staff": INT, "topic": INT}

    objects = EventPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    """Participants counted by organisation, sex and on-site or remote (no names needed)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("event"))
    organisation = models.CharField(_("organisation"), max_length=300)
    office = models.ForeignKey(
        "accounts.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("joined from office"),
    )
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    remote = models.BooleanField(_("remote"), default=False)

    DATA_CLASSES = dict.fromkeys(["event", "organisation", "office", "women", "men", "remote"], INT)

    objects = EventPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant count")
        verbose_name_plural = _("participant counts")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.women + self.men}"

    @property
    def total(self) -> int:
        return self.women + self.men

    @property
    def label(self) -> str:
        """The row's name on pages. A remote office's own staff are usually recorded under the
        office's name: then the office is named once, in the reader's language."""
        if self.office_id is None:
            return self.organisation
        office = self.office
        if self.organisation.strip() in {"", office.name_az, office.name_en, office.name_ru}:
            return office.name
        return f"{self.organisation} ({office.name})"


class Participant(models.Model):
    """A named participant: kept only with the person's consent."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants", verbose_name=_("event"))
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    consent = models.BooleanField(_("consents to be listed"))

    DATA_CLASSES = {"event": INT, "name": CONF, "organisation": CONF, "consent": INT}

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.CheckConstraint(condition=models.Q(consent=True), name="outreach_participant_consent")]

    def __str__(self) -> str:
        return self.name


class NewsDraft(BaseModel):
    """A news item prepared from a held event, in three languages, for the public portal."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="news", verbose_name=_("event"))
    title_az = models.CharField(_("title (Azerbaijani)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    body_az = models.TextField(_("text (Azerbaijani)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    body_ru = models.TextField(_("text (Russian)"), blank=True)
    published = models.BooleanField(_("published"), default=False)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["event", "title_az", "title_en", "title_ru", "body_az", "body_en", "body_ru", "published"], PUB
        ),
    }

    class Meta:
        verbose_name = _("news draft")
        verbose_name_plural = _("news drafts")

    def __str__(self) -> str:
        return self.title_az
