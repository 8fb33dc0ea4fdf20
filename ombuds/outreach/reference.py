"""Topics of the 2024 Action Plan (domain.md §5, [V S1]) and common audiences, editable in the admin."""

TOPICS = [
    (
        "npm_activity",
        "Ombudsmanın Milli Preventiv Mexanizm fəaliyyəti",
        "Ombudsman's National Preventive Mechanism activity",
        "Деятельность Омбудсмена как Национального превентивного механизма",
    ),
    (
        "disability",
        "Əlilliyi olan şəxslərin hüquqları (CRPD mandatı)",
        "Rights of persons with disabilities (CRPD mandate)",
        "Права лиц с инвалидностью (мандат по КПИ)",
    ),
    ("elderly", "Yaşlı şəxslərin hüquqları", "Rights of the elderly", "Права пожилых людей"),
    ("children", "Uşaq hüquqları", "Rights of the child", "Права ребёнка"),
    ("migrants", "Miqrantların hüquqları", "Rights of migrants", "Права мигрантов"),
    (
        "vulnerable_groups",
        "Digər həssas qrupların hüquqları",
        "Rights of other vulnerable groups",
        "Права других уязвимых групп",
    ),
    (
        "equality",
        "Bərabərlik və ayrı-seçkiliyə yol verilməməsi",
        "Equality and non-discrimination",
        "Равенство и недискриминация",
    ),
    ("access_to_information", "İnformasiya əldə etmək hüququ", "Access to information", "Доступ к информации"),
]
AUDIENCES = [
    (
        "boarding_school_staff",
        "İnternat məktəblərinin rəhbər heyəti və əməkdaşları",
        "Managers and staff of boarding schools",
        "Руководство и сотрудники школ-интернатов",
    ),
    ("state_bodies", "Dövlət orqanlarının əməkdaşları", "Staff of state bodies", "Сотрудники государственных органов"),
    ("civil_society", "Vətəndaş cəmiyyəti", "Civil society", "Гражданское общество"),
    ("students", "Tələbələr", "Students", "Студенты"),
    ("police", "Polis əməkdaşları", "Police officers", "Сотрудники полиции"),
    (
        "penitentiary_staff",
        "Penitensiar müəssisələrin əməkdaşları",
        "Penitentiary staff",
        "Сотрудники пенитенциарных учреждений",
    ),
    (
        "social_care_staff",
        "Sosial xidmət müəssisələrinin əməkdaşları",
        "Social care staff",
        "Сотрудники учреждений социального обслуживания",
    ),
    ("general_public", "Geniş ictimaiyyət", "General public", "Широкая общественность"),
]


def load(Topic, Audience) -> None:  # noqa: N803 - historical model classes
    for order, (code, az, en, ru) in enumerate(TOPICS):
        Topic.objects.get_or_create(code=code, defaults=dict(name_az=az, name_en=en, name_ru=ru, sort_order=order))
    for code, az, en, ru in AUDIENCES:
        Audience.objects.get_or_create(code=code, defaults=dict(name_az=az, name_en=en, name_ru=ru))
