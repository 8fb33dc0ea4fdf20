"""Loading of the sourced reference lists shipped in ombuds/core/data/.

Used by data migrations (with historical models) and safe to run again: rows are matched by
code and updated, never duplicated. Edits made later in the admin win over the file only
until the next explicit reload.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Service regions. The seats follow the Ombudsman's published regional centres; the mapping of
# centre names to cities is marked unverified in domain.md §1.2 and stays editable in the admin.
REGIONS = [
    # code, name az/en/ru, seat az/en/ru, partner, order, CSV value of ombudsman_regional_centre
    (
        "hq",
        "Bakı (mərkəzi aparat)",
        "Baku (head office)",
        "Баку (центральный аппарат)",
        "Bakı",
        "Baku",
        "Баку",
        False,
        0,
        "none",
    ),
    (
        "north",
        "Şimal regional mərkəzi",
        "Northern Regional Centre",
        "Северный региональный центр",
        "Quba",
        "Guba",
        "Губа",
        False,
        1,
        "north",
    ),
    (
        "south",
        "Cənub regional mərkəzi",
        "Southern Regional Centre",
        "Южный региональный центр",
        "Cəlilabad / Masallı",
        "Jalilabad / Masalli",
        "Джалилабад / Масаллы",
        False,
        2,
        "south",
    ),
    (
        "west",
        "Qərb regional mərkəzi",
        "Western Regional Centre",
        "Западный региональный центр",
        "Gəncə",
        "Ganja",
        "Гянджа",
        False,
        3,
        "west",
    ),
    (
        "northwest",
        "Şimal-Qərb regional mərkəzi",
        "North-Western Regional Centre",
        "Северо-Западный региональный центр",
        "Şəki",
        "Sheki",
        "Шеки",
        False,
        4,
        "northwest",
    ),
    (
        "nakhchivan",
        "Naxçıvan Muxtar Respublikası",
        "Nakhchivan Autonomous Republic",
        "Нахчыванская Автономная Республика",
        "Naxçıvan",
        "Nakhchivan",
        "Нахчыван",
        True,
        5,
        "nakhchivan",
    ),
]


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_geography(Region, District) -> None:  # noqa: N803 - historical model classes
    by_centre = {}
    for code, n_az, n_en, n_ru, c_az, c_en, c_ru, partner, order, centre in REGIONS:
        region, _ = Region.objects.update_or_create(
            code=code,
            defaults=dict(
                name_az=n_az,
                name_en=n_en,
                name_ru=n_ru,
                centre_az=c_az,
                centre_en=c_en,
                centre_ru=c_ru,
                is_partner=partner,
                sort_order=order,
            ),
        )
        by_centre[centre] = region
    for row in read_csv("az-regions-districts.csv"):
        District.objects.update_or_create(
            code=row["code"],
            defaults=dict(
                name_az=row["name_az"],
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                kind=row["kind"],
                economic_region=row["economic_region"],
                region=by_centre[row["ombudsman_regional_centre"]],
                source=row["source"],
                note=row["note"],
            ),
        )


def load_calendar(CalendarDay) -> None:  # noqa: N803 - historical model class
    """Non-working days and day transfers 2024–2027 (sourced; 2027 Islamic dates are estimates)."""
    for row in read_csv("az-public-holidays.csv"):
        CalendarDay.objects.update_or_create(
            date=row["date"],
            kind=row["kind"],
            name_az=row["name_az"],
            defaults={"name_en": row["name_en"], "source": row["source"], "note": row["note"]},
        )


# The deadline table of domain.md §3.7 (and the design terms of §3.1–3.5). Every term is
# configuration: staff change it in the admin when the law changes (it did in 2023).
# code, term, unit, roll, extension, max ext., certainty, names az/en/ru, legal basis
DEADLINE_RULES = [
    (
        "admissibility_window",
        1,
        "years",
        False,
        0,
        0,
        "verified",
        "Müraciət üçün bir illik müddət",
        "One-year window to apply",
        "Годичный срок для обращения",
        "Constitutional Law on the Commissioner, Art. 8.4 (numbering inferred from the Nakhchivan law): one year from "
        "the violation or from the day the applicant learned of it (ombudsman.az FAQ).",
    ),
    (
        "detention_mail_forwarding",
        24,
        "hours",
        False,
        0,
        0,
        "nakhchivan",
        "Saxlanılan şəxsin məktubunun göndərilməsi",
        "Forwarding of a detainee's letter",
        "Пересылка письма задержанного",
        "Nakhchivan AR Ombudsman law Art. 8: forwarded without delay, uncensored; national term not found; 24 h.",
    ),
    (
        "reasoned_refusal",
        10,
        "days",
        True,
        0,
        0,
        "nakhchivan",
        "Əsaslandırılmış imtina",
        "Reasoned refusal",
        "Мотивированный отказ",
        "Nakhchivan AR Ombudsman law Art. 10.2; national term not found.",
    ),
    (
        "consideration",
        30,
        "days",
        True,
        30,
        1,
        "nakhchivan",
        "Müraciətə baxılması",
        "Consideration of an application",
        "Рассмотрение обращения",
        "Nakhchivan AR Ombudsman law Art. 12.5: 30 days, extendable by 30 when additional checks are needed.",
    ),
    (
        "consideration_access_to_information",
        10,
        "working_days",
        True,
        10,
        1,
        "verified",
        "İnformasiya əldə etmə ilə bağlı şikayətə baxılması",
        "Consideration of an access-to-information complaint",
        "Рассмотрение жалобы о доступе к информации",
        "Constitutional Law on the Commissioner, Art. 13-1.1: 10 working days, up to 10 more with written notice.",
    ),
    (
        "info_request_reply_access_to_information",
        5,
        "working_days",
        True,
        0,
        0,
        "verified",
        "İnformasiya sahibinin sorğuya cavabı",
        "Information holder's reply to the Ombudsman",
        "Ответ обладателя информации Омбудсмену",
        "Constitutional Law on the Commissioner as amended 9 June 2023 (No. 900-VIKQD): 5 working days.",
    ),
    (
        "info_request_reply",
        10,
        "working_days",
        True,
        0,
        0,
        "unverified",
        "Orqanın sorğuya cavabı",
        "Authority's reply to an information request",
        "Ответ органа на запрос",
        "General response term of authorities: not verified; default 10 working days, configurable.",
    ),
    (
        "applicant_notification",
        10,
        "working_days",
        True,
        0,
        0,
        "verified",
        "Ərizəçiyə nəticə barədə məlumat",
        "Informing the applicant of the result",
        "Уведомление заявителя о результате",
        "Constitutional Law on the Commissioner, Art. 13.1 as amended in 2023: 10 working days (5 before 2023).",
    ),
    (
        "acknowledgement",
        1,
        "working_days",
        True,
        0,
        0,
        "design",
        "Qəbul barədə bildiriş",
        "Acknowledgement of receipt",
        "Подтверждение получения",
        "ISO 10002:2018 practice: acknowledge immediately; next working day.",
    ),
    (
        "urgent_triage",
        24,
        "hours",
        False,
        0,
        0,
        "design",
        "Təcili müraciətə ilkin baxış",
        "Triage of an urgent application",
        "Первичное рассмотрение срочного обращения",
        "Design choice: life, torture or child-at-risk flags are triaged within 24 hours.",
    ),
    (
        "urgent_measure_response",
        24,
        "hours",
        False,
        0,
        0,
        "design",
        "Təcili tədbirə cavab",
        "Response to an urgent measure",
        "Ответ на срочную меру",
        "Design choice: the authority's response to an urgent measure is tracked in hours (24 h by default).",
    ),
    (
        "reprisal_first_contact",
        72,
        "hours",
        False,
        0,
        0,
        "design",
        "Təqib riski: ilk əlaqə",
        "Reprisal risk: first contact",
        "Риск репрессалий: первый контакт",
        "Design choice under the SPT reprisals policy: first contact within 72 hours.",
    ),
    (
        "visit_report_draft",
        30,
        "days",
        True,
        0,
        0,
        "design",
        "Baş çəkmə hesabatının layihəsi",
        "Draft visit report",
        "Проект отчёта о посещении",
        "Design choice (APT practice): draft report within 30 days of the visit.",
    ),
    (
        "factual_check",
        14,
        "days",
        True,
        0,
        0,
        "design",
        "Faktların dəqiqləşdirilməsi",
        "Factual check by the authority",
        "Проверка фактов органом",
        "Design choice (APT practice): 14 days for the authority's factual corrections.",
    ),
    (
        "follow_up_visit",
        6,
        "months",
        True,
        0,
        0,
        "design",
        "Təkrar baş çəkmə",
        "Follow-up visit",
        "Повторное посещение",
        "Design choice: follow-up within six months.",
    ),
    (
        "recommendation_response",
        30,
        "days",
        True,
        0,
        0,
        "design",
        "Orqanın tövsiyəyə cavabı",
        "Authority's response to a recommendation",
        "Ответ органа на рекомендацию",
        "OPCAT Art. 22 (authorities examine recommendations and enter into dialogue); no national term found: "
        "design default 30 days, configurable.",
    ),
    (
        "recommendation_response_urgent",
        5,
        "working_days",
        True,
        0,
        0,
        "design",
        "Orqanın təcili tövsiyəyə cavabı",
        "Authority's response to an urgent recommendation",
        "Ответ органа на срочную рекомендацию",
        "Design choice: an urgent recommendation is answered in the term of the Ombudsman's requests (5 working days).",
    ),
    (
        "recommendation_implementation",
        6,
        "months",
        True,
        0,
        0,
        "design",
        "Tövsiyənin icrası",
        "Implementation of a recommendation",
        "Выполнение рекомендации",
        "Design choice (APT follow-up practice): implementation due six months after issue, when the follow-up "
        "visit checks it; the drafter may set another date with a reason.",
    ),
    (
        "annual_report",
        2,
        "months",
        False,
        0,
        0,
        "verified",
        "İllik məruzə",
        "Annual report",
        "Ежегодный доклад",
        "Constitutional Law on the Commissioner, Art. 14: within two months after the end of the year.",
    ),
]


def load_deadline_rules(DeadlineRule) -> None:  # noqa: N803 - historical model class
    for code, term, unit, roll, ext, max_ext, certainty, n_az, n_en, n_ru, basis in DEADLINE_RULES:
        DeadlineRule.objects.get_or_create(
            code=code,
            defaults=dict(
                term=term,
                unit=unit,
                roll_to_working_day=roll,
                extension_term=ext,
                max_extensions=max_ext,
                certainty=certainty,
                name_az=n_az,
                name_en=n_en,
                name_ru=n_ru,
                legal_basis=basis,
            ),
        )


def fill_missing_russian_names(Model, rows, key: str) -> None:  # noqa: N803 - historical model class
    """Give rows without a Russian name the one from the sourced file (matched by `key`); a name
    someone already entered in the admin is kept."""
    for row in rows:
        Model.objects.filter(**{key: row[key]}, name_ru="").update(name_ru=row["name_ru"])


def load_authorities(Authority) -> None:  # noqa: N803 - historical model class
    rows = read_csv("az-authorities.csv")
    for row in rows:
        Authority.objects.update_or_create(
            code=row["code"],
            defaults=dict(
                name_az=row["name_az"],
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                kind=row["kind"],
                excluded_from_mandate=row["excluded_from_mandate"] == "true",
                source=row["source"],
                note=row["note"],
            ),
        )
    by_code = {a.code: a for a in Authority.objects.all()}
    for row in rows:
        if row["parent"] in by_code:
            Authority.objects.filter(code=row["code"]).update(parent=by_code[row["parent"]])
