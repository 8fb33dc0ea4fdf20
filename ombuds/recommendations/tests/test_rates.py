"""Implementation rates reconcile with the records (issue 11 acceptance): every breakdown adds up to
the total, a recommendation counts once, the rate follows a status change, and the number of
queries does not grow with the number of recommendations."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.complaints.models import RightTopic
from ombuds.core.models import Authority
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import choices as c
from ombuds.recommendations import rates, services
from ombuds.recommendations.models import Recommendation

S = c.Status
TARGETS = [
    S.DRAFT,
    S.ISSUED,
    S.ACCEPTED,
    S.REJECTED,
    S.NO_RESPONSE,
    S.IN_PROGRESS,
    S.REPORTED_IMPLEMENTED,
    S.IMPLEMENTED,
    S.PARTIALLY_IMPLEMENTED,
    S.NOT_IMPLEMENTED,
    S.NO_LONGER_RELEVANT,
]
RESPONSE = {
    S.ACCEPTED: c.Stance.ACCEPTS,
    S.REJECTED: c.Stance.REJECTS,
    S.IN_PROGRESS: c.Stance.PROGRESS,
    S.REPORTED_IMPLEMENTED: c.Stance.IMPLEMENTED,
    S.IMPLEMENTED: c.Stance.IMPLEMENTED,
}


def draft(actor, *, addressee, places=(), place_type="", area="", right=None, kind=c.Kind.THEMATIC):
    return services.draft_recommendation(
        actor,
        source=c.Source.THEMATIC_REPORT,
        report_title="Hüquq-mühafizə orqanlarında saxlanma şəraiti",
        addressee=addressee,
        places=places,
        place_type=place_type,
        area=area,
        right=right,
        kind=kind,
        text_az="Saxlanma yerlərində hər kəs üçün gündə ən azı bir saat açıq havada gəzinti təmin edilsin.",
    )


def bring_to(actor, rec, target, issued_on: date):
    """Move a draft to `target` through the services, as staff would."""
    if target == S.DRAFT:
        return rec
    rec = services.issue_recommendation(actor, rec, issued_on=issued_on)
    if target in (S.ISSUED, S.NO_RESPONSE):
        return rec  # no response: the periodic job moves it once the term ran out
    if target == S.NO_LONGER_RELEVANT:
        services.mark_no_longer_relevant(actor, rec, "The place closed.")
        return rec
    if target in RESPONSE:
        services.record_response(
            actor, rec, stance=RESPONSE[target], received_on=issued_on + timedelta(days=10), text="Cavab."
        )
    if target == S.IMPLEMENTED:
        services.record_outcome(actor, rec, S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    elif target in (S.PARTIALLY_IMPLEMENTED, S.NOT_IMPLEMENTED):
        services.record_outcome(actor, rec, target, evidence=c.Evidence.STAFF_DECISION, note="Checked.")
    return rec


def generate(actor, n: int, seed: int) -> list[Recommendation]:
    """`n` recommendations in every state, spread over authorities, places, themes, kinds and years."""
    rng = random.Random(seed)
    today = timezone.localdate()
    authorities = list(Authority.objects.order_by("code")[:4])
    places = [make_place(actor, name_az=f"Yer {seed}-{i}", place_type=PlaceType.PENITENTIARY) for i in range(3)]
    rights = list(RightTopic.objects.order_by("code")[:3])
    made = []
    for i in range(n):
        target = TARGETS[i % len(TARGETS)] if i < len(TARGETS) else rng.choice(TARGETS)
        rec = draft(
            actor,
            addressee=rng.choice(authorities),
            places=rng.choice([[], [rng.choice(places)], rng.sample(places, 2)]),
            place_type=rng.choice(["", *PlaceType.values[:3]]),
            area=rng.choice(["", *ThematicArea.values]),
            right=rng.choice([None, *rights]),
            kind=rng.choice(c.Kind.values),
        )
        if target == S.ISSUED:
            issued_on = today  # still within the response term
        else:
            issued_on = date(rng.choice([today.year - 2, today.year - 1]), rng.randint(1, 6), rng.randint(1, 28))
        made.append(bring_to(actor, rec, target, issued_on))
    services.mark_no_response()
    return made


def assert_reconciles(breakdowns, recs, year=None):
    issued = [
        r
        for r in Recommendation.objects.filter(pk__in=[r.pk for r in recs])
        if r.status != S.DRAFT and (year is None or r.issued_on.year == year)
    ]
    expected = {m.key: sum(1 for r in issued if r.status in m.statuses) for m in rates.MEASURES}
    for breakdown in breakdowns:
        total = breakdown.total
        assert total.total == len(issued), breakdown.key
        assert total.counts == {k: v for k, v in expected.items() if v}, breakdown.key
        # Each row's measures add up to its total and no row is empty.
        assert all(row.total == sum(n for _m, n in row.cells) > 0 for row in breakdown.rows)


@pytest.mark.django_db
def test_every_breakdown_sums_to_the_total_and_counts_each_once(persona):
    boss = persona("commissioner")
    recs = generate(boss, 40, seed=11)
    statuses = {r.status for r in Recommendation.objects.filter(pk__in=[r.pk for r in recs])}
    assert statuses == set(TARGETS)  # the data really covers every state
    assert_reconciles(rates.all_breakdowns(), recs)
    year = timezone.localdate().year - 1
    assert_reconciles(rates.all_breakdowns(year=year), recs, year=year)


@pytest.mark.django_db
def test_several_places_and_none_go_to_their_own_rows(persona):
    boss = persona("commissioner")
    moj = Authority.objects.get(code="moj")
    a, b = make_place(boss, name_az="Yer A"), make_place(boss, name_az="Yer B")
    for places in ([a], [a, b], [a, b], []):
        services.issue_recommendation(boss, draft(boss, addressee=moj, places=places))
    by_place = rates.by_place()
    assert [(r.key, r.total) for r in by_place.rows] == [
        (str(a.public_id), 1),
        (rates.SEVERAL_PLACES, 2),
        (rates.NO_PLACE, 1),
    ]
    assert by_place.rows[0].label == "Yer A"
    assert by_place.rows[0].filters == {}  # the register cannot select a place
    with translation.override("en"):  # the label is translated (az by default)
        area = rates.by_area()
    assert [(r.key, r.label, r.total) for r in area.rows] == [("", "Not recorded", 4)]


@pytest.mark.django_db
def test_authority_without_implemented_shows_zero_and_rate_follows_a_change(persona):
    boss = persona("commissioner")
    moj, other = Authority.objects.get(code="moj"), Authority.objects.exclude(code="moj").first()
    recs = [services.issue_recommendation(boss, draft(boss, addressee=moj)) for _ in range(3)]
    lone = services.issue_recommendation(boss, draft(boss, addressee=other))
    services.mark_no_longer_relevant(boss, recs[2], "The law changed.")
    row = rates.by_authority().row("moj")
    assert (row.total, row.implemented, row.denominator, row.rate, row.rate_shown) == (3, 0, 2, 0, "0 %")
    assert row.filters == {"addressee": "moj"}
    services.record_response(
        boss, recs[0], stance=c.Stance.IMPLEMENTED, received_on=timezone.localdate(), text="Edildi."
    )
    services.record_outcome(boss, recs[0], S.IMPLEMENTED, evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED)
    row = rates.by_authority().row("moj")
    assert (row.implemented, row.rate_shown) == (1, "50 %")
    # Nothing left to implement: no rate at all, not 0 %.
    services.mark_no_longer_relevant(boss, lone, "The law changed.")
    row = rates.by_authority().row(other.code)
    assert (row.total, row.denominator, row.rate, row.rate_shown) == (1, 0, None, "—")


@pytest.mark.django_db
def test_drafts_and_records_outside_the_base_are_not_counted(persona):
    boss = persona("commissioner")
    moj = Authority.objects.get(code="moj")
    issued = services.issue_recommendation(boss, draft(boss, addressee=moj))
    draft(boss, addressee=moj)
    assert rates.summary().total == 1
    assert rates.summary(base=Recommendation.objects.exclude(pk=issued.pk)).total == 0
    assert rates.summary(year=issued.issued_on.year - 1).total == 0


def breakdown_queries():
    with CaptureQueriesContext(connection) as ctx:
        rates.all_breakdowns()
        rates.summary()
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_recommendations(persona):
    boss = persona("commissioner")
    generate(boss, 6, seed=1)
    small = breakdown_queries()
    generate(boss, 18, seed=2)
    assert breakdown_queries() == small == len(rates.BREAKDOWNS) + 2  # + place names + summary


def page_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_rates_page_for_the_commissioner_links_counts_to_the_register(persona, staff_client, settings):
    boss = persona("commissioner")
    moj = Authority.objects.get(code="moj")
    for _ in range(2):
        services.issue_recommendation(boss, draft(boss, addressee=moj, area="health_care"))
    rec = services.issue_recommendation(boss, draft(boss, addressee=moj, kind=c.Kind.URGENT))
    services.record_response(boss, rec, stance=c.Stance.PROGRESS, received_on=rec.issued_on, text="İcra olunur.")
    year = rec.issued_on.year
    client = staff_client(boss)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"{reverse('recommendations:rates')}?year={year}")
    html = response.content.decode()
    tables = {t["breakdown"].key: t for t in response.context["tables"]}
    assert response.status_code == 200
    assert "divided by the number issued less those no longer relevant" in html
    for breakdown in rates.BREAKDOWNS:
        key = breakdown().key
        assert f'data-testid="rates-{key}"' in html
        assert f'data-testid="chart-{key}"' in html
    assert html.count('role="img"') == len(rates.BREAKDOWNS)
    assert 'aria-labelledby="chart-authority-title chart-authority-desc"' in html
    # The Ministry's row: 3 in all, 2 awaiting a response, 1 in progress.
    assert f'href="/recommendations/?addressee=moj&amp;year={year}">3</a>' in html
    assert f'href="/recommendations/?addressee=moj&amp;status=issued&amp;year={year}">2</a>' in html
    # The register takes one status: "in progress or accepted" is a plain number.
    (moj_line,) = [line for line in tables["authority"]["rows"] if line["row"].key == "moj"]
    assert [n for n, _href in moj_line["cells"]] == [0, 0, 0, 0, 1, 2, 0, 0, 0]
    assert [bool(href) for _n, href in moj_line["cells"]] == [False] * 5 + [True] + [False] * 3
    assert f'href="/recommendations/?area=health_care&amp;status=issued&amp;year={year}">2</a>' in html
    assert f'href="/recommendations/?kind=urgent&amp;year={year}">1</a>' in html
    # The register has no place filter: place rows are plain numbers.
    assert all(line["href"] is None for line in tables["place"]["rows"])
    # "Not recorded" cannot be asked of the register: its counts are plain numbers.
    (line,) = tables["area"]["rows"][1:]
    assert line["row"].label == "Not recorded" and line["href"] is None


@pytest.mark.django_db
def test_rates_page_year_filter_and_constant_queries(persona, staff_client):
    boss = persona("commissioner")
    client = staff_client(boss)
    generate(boss, 6, seed=4)
    year = timezone.localdate().year - 1
    url = f"{reverse('recommendations:rates')}?year={year}"
    page_queries(client, url)  # the first request fills per-process caches (session, permissions)
    small = page_queries(client, url)
    generate(boss, 12, seed=5)
    assert page_queries(client, url) == small
    response = client.get(url)
    assert response.context["year"] == year
    assert response.context["summary"].total == rates.summary(year).total
    # An unknown or malformed year shows every year rather than failing.
    for bad in ("1066", "abc"):
        assert client.get(f"{reverse('recommendations:rates')}?year={bad}").context["year"] is None


@pytest.mark.django_db
def test_analyst_sees_every_count_without_links_to_records(persona, staff_client):
    boss = persona("commissioner")
    generate(boss, 8, seed=6)
    response = staff_client(persona("analyst")).get(reverse("recommendations:rates"))
    assert response.status_code == 200
    assert response.context["summary"].total == rates.summary().total > 0
    assert '<a href="/recommendations/?' not in response.content.decode()
    assert all(
        href is None for table in response.context["tables"] for line in table["rows"] for _n, href in line["cells"]
    )
    assert staff_client(persona("analyst")).get(reverse("recommendations:systemic")).status_code == 200


@pytest.mark.django_db
def test_awareness_staff_are_refused(persona, staff_client):
    client = staff_client(persona("awareness_staff"))
    assert client.get(reverse("recommendations:rates")).status_code == 403
    assert client.get(reverse("recommendations:systemic")).status_code == 403


@pytest.mark.django_db
def test_staff_without_aggregates_count_their_scope_only(persona, staff_client):
    boss, member = persona("commissioner"), persona("npm_member")
    moj = Authority.objects.get(code="moj")
    services.issue_recommendation(boss, draft(boss, addressee=moj))
    response = staff_client(member).get(reverse("recommendations:rates"))
    assert response.status_code == 200
    assert response.context["scoped"] is True
    assert response.context["summary"].total == rates.summary(base=Recommendation.objects.visible_to(member)).total
    assert response.context["summary"].total < rates.summary().total
