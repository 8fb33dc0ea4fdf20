"""The 2024 awareness-raising action plan and its founding event (12 March 2024), plus later
events in the regions — through the services. Participant counts are synthetic."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ombuds.accounts.models import OrgUnit, User
from ombuds.core.models import Region
from ombuds.outreach import services
from ombuds.outreach.models import ActionPlan, Audience, Topic

BAKU = ZoneInfo("Asia/Baku")
# Titles in the three content languages: each page shows its own language's (domain.md §5).
PLAN_TITLES = {
    "title_az": (
        "İnsan hüquq və azadlıqlarının müdafiəsi və təşviqinin səmərəliliyini artırmaq məqsədilə "
        "maarifləndirmə üzrə 2024-cü il Fəaliyyət Planı"
    ),
    "title_en": (
        "2024 Action Plan for Awareness Raising to Increase the Effectiveness of Protection and Promotion of "
        "Human Rights and Freedoms"
    ),
    "title_ru": (
        "План действий на 2024 год по просвещению в целях повышения эффективности защиты и поощрения "
        "прав и свобод человека"
    ),
}
FOUNDING_TITLES = {
    "title_az": "“Ombudsmanın Milli Preventiv Mexanizm fəaliyyəti” mövzusunda təlim",
    "title_en": "Training on “Ombudsman's National Preventive Mechanism Activity”",
    "title_ru": "Тренинг «Деятельность Омбудсмена как Национального превентивного механизма»",
}
REMOTE = ["rc_north", "rc_south", "rc_west", "rc_northwest", "nakhchivan_ombudsman"]


def seed(stdout) -> int:
    if ActionPlan.objects.exists():
        return 0
    awareness = User.objects.get(username="awareness")
    commissioner = User.objects.get(username="commissioner")
    units = {u.code: u for u in OrgUnit.objects.all()}
    topics = {t.code: t for t in Topic.objects.all()}
    audiences = {a.code: a for a in Audience.objects.all()}
    hq = Region.objects.get(code="hq")
    plan = services.create_plan(
        awareness,
        year=2024,
        **PLAN_TITLES,
        goals="Maarifləndirmə vasitəsilə insan hüquqlarının müdafiəsinin səmərəliliyini artırmaq.",
    )
    plan = services.approve_plan(commissioner, plan, on=date(2024, 1, 15))
    items = {}
    for n, code in enumerate(topics):
        items[code] = services.add_plan_item(
            awareness,
            plan,
            topic=topics[code],
            planned_from=date(2024, 3 + n, 1),
            planned_to=date(2024, 3 + n, 28),
            region=hq if n % 2 == 0 else Region.objects.get(code=["north", "south", "west", "northwest"][n % 4]),
            responsible_unit=units["dept_awareness"],
            target_events=2,
            target_participants=80,
            audiences=[audiences["boarding_school_staff"]] if code == "npm_activity" else [audiences["state_bodies"]],
        )
    founding(awareness, commissioner, items["npm_activity"], units)
    crpd = services.create_event(
        awareness,
        items["disability"],
        kind="seminar",
        title_az="Ombudsmanın CRPD üzrə monitorinq mandatı",
        title_en="The Ombudsman's monitoring mandate under the CRPD",
        title_ru="Мандат Омбудсмена по мониторингу выполнения КПИ",
        starts_at=datetime(2024, 4, 18, 11, tzinfo=BAKU),
        host_unit=units["office"],
        region=hq,
        event_format="hybrid",
        remote_offices=[units[c] for c in REMOTE],
        target_organisations="Dövlət orqanları",
    )
    services.record_attendance(awareness, crpd, organisation="Dövlət orqanları", women=18, men=14)
    services.record_outcome(awareness, crpd, satisfied_share=88)
    ganja = services.create_event(
        awareness,
        items["children"],
        kind="training",
        title_az="Uşaq hüquqları: məktəb rəhbərləri üçün təlim",
        title_en="Children's rights: a training for school heads",
        title_ru="Права ребёнка: тренинг для руководителей школ",
        starts_at=datetime(2024, 6, 12, 10, tzinfo=BAKU),
        host_unit=units["rc_west"],
        region=Region.objects.get(code="west"),
        event_format="in_person",
        target_organisations="Gəncə məktəbləri",
    )
    services.record_attendance(awareness, ganja, organisation="Gəncə şəhər məktəbləri", women=27, men=9)
    services.record_outcome(awareness, ganja, pre_test_score=54, post_test_score=81, satisfied_share=92)
    services.create_event(
        awareness,
        items["migrants"],
        kind="round_table",
        title_az="Miqrantların hüquqları: dəyirmi masa",
        title_en="Rights of migrants: a round table",
        title_ru="Права мигрантов: круглый стол",
        starts_at=datetime(2024, 7, 9, 11, tzinfo=BAKU),
        host_unit=units["rc_south"],
        region=Region.objects.get(code="south"),
        event_format="in_person",
    )
    stdout.write("  2024 action plan with the founding training of 12 March 2024")
    return 1


def founding(actor, commissioner, item, units):
    """The founding event of Ombuds (domain.md §9 scenario 1)."""
    lead = User.objects.get(username="npm.lead")
    member = User.objects.get(username="npm.member")
    event = services.create_event(
        actor,
        item,
        kind="training",
        **FOUNDING_TITLES,
        starts_at=datetime(2024, 3, 12, 11, tzinfo=BAKU),
        host_unit=units["office"],
        region=Region.objects.get(code="hq"),
        venue="Bakı",
        event_format="hybrid",
        remote_offices=[units[c] for c in REMOTE],
        target_organisations="Elm və Təhsil Nazirliyinin tabeliyindəki Bakı internat məktəbləri",
        speakers=[
            {"name": commissioner.display_name, "staff": commissioner, "topic": "Açılış nitqi"},
            {"name": lead.display_name, "staff": lead, "topic": "Milli Preventiv Mexanizmin fəaliyyəti (slaydlar)"},
            {"name": member.display_name, "staff": member, "topic": "Baş çəkmələrdə uşaqların hüquqları (slaydlar)"},
        ],
    )
    services.record_attendance(actor, event, organisation="Bakı internat məktəbləri", women=31, men=11)
    for code in ("rc_north", "rc_south", "rc_west", "rc_northwest", "nakhchivan_ombudsman"):
        services.record_attendance(
            actor, event, organisation=units[code].name_az, women=3, men=2, remote=True, office=units[code]
        )
    event = services.record_outcome(
        actor, event, questions="İştirakçıların sualları cavablandırılıb.", satisfied_share=90
    )
    services.draft_news(actor, event)
    return event
