"""Initial organisational units of the institution (loaded by a data migration).

The regional centres, the Reception Centre, the 916 Call Centre, the National Preventive Group
and the Nakhchivan partner are named in the institution's publications (domain.md §1.1–1.2).
Head-office department names are a working structure [design choice], editable in the admin.
"""

from __future__ import annotations

# code, kind, region code, order, name az / en / ru, address
UNITS = [
    (
        "office",
        "hq_department",
        "hq",
        0,
        "Müvəkkilin katibliyi",
        "Office of the Commissioner",
        "Секретариат Уполномоченного",
        "",
    ),
    (
        "dept_complaints",
        "hq_department",
        "hq",
        10,
        "Müraciətlərlə iş şöbəsi",
        "Applications Department",
        "Отдел по работе с обращениями",
        "",
    ),
    (
        "dept_child",
        "hq_department",
        "hq",
        11,
        "Uşaq hüquqlarının müdafiəsi şöbəsi",
        "Child Rights Department",
        "Отдел защиты прав ребёнка",
        "",
    ),
    (
        "dept_information",
        "hq_department",
        "hq",
        12,
        "İnformasiya əldə etmək hüququnun müdafiəsi şöbəsi",
        "Access to Information Department",
        "Отдел защиты права на получение информации",
        "",
    ),
    (
        "dept_awareness",
        "hq_department",
        "hq",
        13,
        "İctimaiyyətlə əlaqələr və maarifləndirmə şöbəsi",
        "Public Relations and Awareness Department",
        "Отдел по связям с общественностью и просвещению",
        "",
    ),
    (
        "dept_analysis",
        "hq_department",
        "hq",
        14,
        "Analitik-informasiya şöbəsi",
        "Analysis and Information Department",
        "Информационно-аналитический отдел",
        "",
    ),
    (
        "dept_administration",
        "hq_department",
        "hq",
        15,
        "İnzibati və informasiya texnologiyaları şöbəsi",
        "Administration and IT Department",
        "Отдел администрации и информационных технологий",
        "",
    ),
    (
        "reception",
        "reception_centre",
        "hq",
        20,
        "Vətəndaşların Qəbul Mərkəzi",
        "Citizens Reception Centre",
        "Центр приёма граждан",
        "Hökumət evi, Üzeyir Hacıbəyli küç. 80, Bakı",
    ),
    ("call916", "call_centre_916", "hq", 21, "916 Çağrı Mərkəzi", "916 Call Centre", "Колл-центр 916", ""),
    (
        "npg",
        "npg",
        "hq",
        30,
        "Milli Preventiv Qrup",
        "National Preventive Group",
        "Национальная превентивная группа",
        "",
    ),
    (
        "rc_north",
        "regional_centre",
        "north",
        40,
        "Şimal regional mərkəzi (Quba)",
        "Northern Regional Centre (Guba)",
        "Северный региональный центр (Губа)",
        "",
    ),
    (
        "rc_south",
        "regional_centre",
        "south",
        41,
        "Cənub regional mərkəzi (Cəlilabad / Masallı)",
        "Southern Regional Centre (Jalilabad / Masalli)",
        "Южный региональный центр (Джалилабад / Масаллы)",
        'Masallı, "ASAN Həyat" kompleksi',
    ),
    (
        "rc_west",
        "regional_centre",
        "west",
        42,
        "Qərb regional mərkəzi (Gəncə)",
        "Western Regional Centre (Ganja)",
        "Западный региональный центр (Гянджа)",
        "",
    ),
    (
        "rc_northwest",
        "regional_centre",
        "northwest",
        43,
        "Şimal-Qərb regional mərkəzi (Şəki)",
        "North-Western Regional Centre (Sheki)",
        "Северо-Западный региональный центр (Шеки)",
        "",
    ),
    (
        "nakhchivan_ombudsman",
        "partner_institution",
        "nakhchivan",
        50,
        "Naxçıvan Muxtar Respublikasının Ombudsmanı",
        "Ombudsman of the Nakhchivan Autonomous Republic",
        "Омбудсмен Нахчыванской Автономной Республики",
        "Naxçıvan",
    ),
]


PREFIXES = {
    "office": "KAT",
    "dept_complaints": "MUR",
    "dept_child": "UH",
    "dept_information": "IEH",
    "dept_awareness": "ICT",
    "dept_analysis": "ANL",
    "dept_administration": "INZ",
    "reception": "VQM",
    "call916": "916",
    "npg": "MPQ",
    "rc_north": "SRM",
    "rc_south": "CRM",
    "rc_west": "QRM",
    "rc_northwest": "SQRM",
    "nakhchivan_ombudsman": "NMR",
}


def set_number_prefixes(OrgUnit) -> None:  # noqa: N803 - historical model class
    for code, prefix in PREFIXES.items():
        OrgUnit.objects.filter(code=code, number_prefix="").update(number_prefix=prefix)


def load_units(OrgUnit, Region) -> None:  # noqa: N803 - historical model classes
    regions = {r.code: r for r in Region.objects.all()}
    for code, kind, region, order, n_az, n_en, n_ru, address in UNITS:
        OrgUnit.objects.update_or_create(
            code=code,
            defaults=dict(
                kind=kind,
                region=regions[region],
                sort_order=order,
                name_az=n_az,
                name_en=n_en,
                name_ru=n_ru,
                address=address,
            ),
        )
