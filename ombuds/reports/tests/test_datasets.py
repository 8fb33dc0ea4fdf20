"""Datasets: a snapshot freezes every measure with its hash; a second snapshot is a new version."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ombuds.accounts.testing import make_persona
from ombuds.complaints.testing import make_application
from ombuds.reports.services.datasets import content_hash, take_snapshot
from ombuds.reports.tables import render, spec

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


def test_a_snapshot_freezes_the_figures_and_a_later_one_is_a_new_version():
    analyst = make_persona("analyst")
    clerk = make_persona("commissioner")
    make_application(clerk, received_at=datetime(2025, 3, 1, 10, tzinfo=BAKU), channel="post")
    # Received at 00:30 on 1 January in Baku: still 31 December in UTC, counted in 2025 all the same.
    make_application(clerk, received_at=datetime(2025, 1, 1, 0, 30, tzinfo=BAKU), channel="email")
    make_application(clerk, received_at=datetime(2024, 12, 31, 23, 30, tzinfo=BAKU), channel="post")
    first = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    figures = first.data["measures"]
    assert figures["applications.total"]["total"] == 2
    assert figures["applications.by_channel"]["values"]["post"] == 1
    assert figures["applications.by_channel"]["values"]["walk_in"] == 0  # zero rows kept
    assert figures["applications.by_month"]["values"]["1"] == 1
    assert first.content_hash == content_hash(first.period_start, first.period_end, first.data)
    make_application(clerk, received_at=datetime(2025, 5, 1, 10, tzinfo=BAKU), channel="post")
    second = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    assert (first.number, second.number) == (1, 2)
    assert second.content_hash != first.content_hash
    first.refresh_from_db()
    assert first.data["measures"]["applications.total"]["total"] == 2  # the first one did not move
    table = render(spec("A2"), second, first, "en")
    post = next(row for row in table.blocks[0].rows if row.key == "post")
    assert (post.value, post.previous, post.change) == (2, 1, 1)


def test_only_those_preparing_reports_take_snapshots():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        take_snapshot(make_persona("complaints_officer"), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))


def test_a_cross_table_keeps_every_pair_and_sums_to_its_total():
    from ombuds.complaints import choices as cc
    from ombuds.complaints.models import Application
    from ombuds.reports.choices import Unit
    from ombuds.reports.measures.base import Grouped, Measure, Period, choices_categories
    from ombuds.reports.tables import block

    clerk = make_persona("commissioner")
    make_application(clerk, received_at=datetime(2025, 3, 1, 10, tzinfo=BAKU), channel="post")
    make_application(clerk, received_at=datetime(2025, 3, 2, 10, tzinfo=BAKU), channel="email", app_type="petition")
    cross = Measure(
        key="test.channel_by_type",
        title="t",
        unit=Unit.APPEAL,
        definition="",
        dated_by="",
        source=Grouped(Application.objects.all, "received_at", ("channel", "app_type")),
        categories=choices_categories(cc.Channel.choices),
        columns=choices_categories(cc.ApplicationType.choices),
    )
    frozen = cross.compute(Period.year(2025))
    assert len(frozen["values"]) == len(cc.Channel.choices) * len(cc.ApplicationType.choices)
    assert frozen["values"]["post|complaint"] == 1 and frozen["values"]["email|petition"] == 1
    assert frozen["total"] == 2
    shown = block("test.channel_by_type", {"measures": {"test.channel_by_type": frozen}}, None, "en")
    assert shown.is_cross and sum(shown.column_totals) == 2
    assert cross.source.records(Period.year(2025), "email|*").count() == 1


def test_the_table_template_shows_every_row_with_its_chart():
    from django.template.loader import render_to_string
    from django.utils import translation

    from ombuds.reports.choices import ReportKind
    from ombuds.reports.tables import specs

    analyst = make_persona("analyst")
    make_application(make_persona("commissioner"), received_at=datetime(2025, 3, 1, 10, tzinfo=BAKU))
    dataset = take_snapshot(analyst, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    with translation.override("en"):
        for table_spec in specs(ReportKind.ANNUAL):
            html = render_to_string("reports/_table.html", {"table": render(table_spec, dataset), "charts": True})
            assert f'id="table-{table_spec.code}"' in html
            if table_spec.code == "A2":  # by channel
                assert "<svg" in html and "Post" in html
