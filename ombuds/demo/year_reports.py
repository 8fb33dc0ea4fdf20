"""After a synthetic year (ombuds/demo/year.py): the figures the system does not record, where
the institution published them, its dataset and the year before's, the annual and NPM reports
read from them. The annual report is then taken through its whole life by the Commissioner —
a short synthetic text per chapter, approval, submission, presentation, publication (which
publishes its dataset) — and its PDF generated in Azerbaijani and English, so that the public
portal has a published report and published statistics to show. The NPM report stays a draft."""

from __future__ import annotations

from datetime import date

from ombuds.accounts.models import User
from ombuds.reports import tables
from ombuds.reports.choices import ReportStatus
from ombuds.reports.models import Dataset, EnteredFigure, Report
from ombuds.reports.services import datasets, entered, generation, reports

# Published figures of the year that no register holds (reports-and-portal.md §2.3, A12 and A13):
# (figure, category, value, source). Real figures, not synthetic ones.
ENTERED = {
    2023: [
        (
            "pardons.granted",
            "",
            59,
            "Pardon decree of May 2023: 59 of the 801 pardoned were on the Commissioner's petition (trend.az, "
            "reports-and-portal.md [PARD]); the year's other decrees are not counted here",
        ),
        ("repatriation.persons", "women", 13, "Annual report 2023 (reports-and-portal.md [R23])"),
        ("repatriation.persons", "children", 47, "Annual report 2023 (reports-and-portal.md [R23])"),
        ("repatriation.persons", "men", 0, "Annual report 2023: 60 repatriated, 13 women and 47 children [R23]"),
    ]
}


def enter_published_figures(year: int) -> int:
    """Enter the year's published figures the system does not record (once: kept if already there)."""
    made = 0
    for measure, category, value, source in ENTERED.get(year, []):
        if not EnteredFigure.objects.filter(year=year, measure=measure, category=category).exists():
            entered.set_entered_figure(None, year=year, measure=measure, category=category, value=value, source=source)
            made += 1
    return made


def snapshot(year: int, note: str) -> Dataset:
    """The year's latest dataset (taken now when there is none)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    latest = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number").first()
    return latest or datasets.take_snapshot(None, period_start=start, period_end=end, note=note)


def make_reports(year: int, note: str, out) -> list[str]:
    """The datasets of `year` and `year - 1`, the year's annual and NPM reports, the annual PDF.
    Returns the steps it could not take (the parts of the app not there)."""
    skipped: list[str] = []
    if enter_published_figures(year):
        out.write(f"  figures entered for {year}: pardons on the Commissioner's petition, repatriation\n")
    current, previous = snapshot(year, note), snapshot(year - 1, note)
    out.write(
        f"  datasets {year} (v{current.number}, {current.content_hash[:12]}…) and {year - 1} (v{previous.number})\n"
    )
    made = []
    for kind in ("annual", "npm"):
        report = Report.objects.filter(kind=kind, year=year).first()
        if report is None:
            report = reports.create_report(None, kind=kind, year=year, dataset=current, previous_dataset=previous)
            out.write(f"  {kind} report {year} created\n")
        made.append(report)
    commissioner = User.objects.filter(username="commissioner").first()  # None: the system
    annual = publish_annual_report(made[0], commissioner, note, out)
    if not previous.is_published:  # the year before, so that the public page compares the two
        datasets.publish_dataset(commissioner, previous)
        out.write(f"  dataset {year - 1} published\n")
    for language in PDF_LANGUAGES:
        _generate(generation, annual, commissioner, language, out)
    return skipped


# The published report of 2023 was submitted on 27 February 2024 (reports-and-portal.md §2.1, RS);
# the day it was presented is not known: the 5th of March is synthetic.
SUBMITTED_ON, PRESENTED_ON = (2, 27), (3, 5)
PDF_LANGUAGES = ("az", "en")
# A paragraph per chapter of the annual report; figures are references read from the dataset.
CHAPTER_TEXTS = {
    "rights": (
        "İl ərzində Müvəkkilə {{applications.total}} müraciət daxil olmuşdur.",
        "In the year the Commissioner received {{applications.total}} appeals.",
        "За год к Уполномоченному поступило {{applications.total}} обращений.",
    ),
    "prevention": (
        "Milli Preventiv Mexanizm azadlıqdan məhrumetmə yerlərinə {{visits.total}} baş çəkmə həyata keçirmişdir.",
        "The National Preventive Mechanism made {{visits.total}} visits to places of deprivation of liberty.",
        "Национальный превентивный механизм провёл {{visits.total}} посещений мест лишения свободы.",
    ),
    "awareness": (
        "Hüquqi maarifləndirmə tədbirləri bütün regionlarda keçirilmişdir.",
        "Legal awareness events were held in every region.",
        "Мероприятия по правовому просвещению прошли во всех регионах.",
    ),
    "civil_society": (
        "Vətəndaş cəmiyyəti institutları ilə əməkdaşlıq davam etdirilmişdir.",
        "Cooperation with civil society organisations continued.",
        "Продолжалось сотрудничество с институтами гражданского общества.",
    ),
    "international": (
        "Beynəlxalq təşkilatlarla əlaqələr genişləndirilmişdir.",
        "Relations with international organisations were extended.",
        "Расширялись связи с международными организациями.",
    ),
    "proposals": (
        "Məruzədə {{recommendations.proposals}} təklif və tövsiyə verilmişdir.",
        "The report makes {{recommendations.proposals}} proposals and recommendations.",
        "В докладе содержится {{recommendations.proposals}} предложений и рекомендаций.",
    ),
}


def _write_chapters(report: Report, actor, note: str) -> None:
    written = set(report.narratives.exclude(text_az="").values_list("chapter", flat=True))
    for chapter in tables.chapters(report.kind):
        if chapter.key in written:
            continue
        az, en, ru = CHAPTER_TEXTS.get(chapter.key, ("Mətn.", "Text.", "Текст."))
        reports.save_narrative(
            actor, report, chapter.key, text_az=f"{note} {az}", text_en=f"{note} {en}", text_ru=f"{note} {ru}"
        )


def publish_annual_report(report: Report, actor, note: str, out) -> Report:
    """Take the annual report from wherever it stands to published, one service step at a time
    (a second run finds it published and does nothing)."""
    year = report.year
    if report.status == ReportStatus.DRAFT:
        _write_chapters(report, actor, note)
        report = reports.approve_report(actor, report)
    if report.status == ReportStatus.APPROVED:
        report = reports.submit_report(actor, report, submitted_on=date(year + 1, *SUBMITTED_ON))
    if report.status == ReportStatus.SUBMITTED:
        report = reports.present_report(actor, report, presented_on=date(year + 1, *PRESENTED_ON))
    if report.status == ReportStatus.PRESENTED:
        report = reports.publish_report(actor, report)
        out.write(f"  annual report {year} approved, submitted, presented and published (with its dataset)\n")
    return report


def _generate(generation, report: Report, actor, language: str, out) -> None:
    """The published report's PDF in `language`, generated in this process (once: a file made after
    the approval is kept; one made before it carries a draft's text and is not the published one)."""
    done = report.generations.filter(language=language, output="pdf", state="done")
    if report.approved_at and done.filter(finished_at__gte=report.approved_at).exists():
        return
    job = generation.start_generation(actor, report, language=language, output="pdf")
    generation.run_generation(job.pk)
    job.refresh_from_db()
    out.write(f"  annual report {report.year}, {language} PDF: {job.state}\n")
