"""Rights and issues seen in the institution's reporting (domain.md §6), editable in the admin."""

from __future__ import annotations

# code, az, en, ru
RIGHT_TOPICS = [
    ("identity_card", "Şəxsiyyət vəsiqəsi", "Identity card", "Удостоверение личности"),
    (
        "residence_registration",
        "Yaşayış yeri üzrə qeydiyyat",
        "Residence registration",
        "Регистрация по месту жительства",
    ),
    ("deactivated_id_number", "Deaktiv edilmiş FİN", "Deactivated personal ID number", "Деактивированный ФИН"),
    ("travel_ban", "Ölkədən çıxış qadağası", "Travel ban", "Запрет на выезд"),
    ("property", "Mülkiyyət hüququ", "Property", "Право собственности"),
    ("execution_of_judgments", "Məhkəmə qərarlarının icrası", "Execution of judgments", "Исполнение судебных решений"),
    ("court_red_tape", "Məhkəmə süründürməçiliyi", "Court red tape", "Судебная волокита"),
    ("police", "Polis (yol polisi daxil)", "Police (including traffic police)", "Полиция (включая дорожную)"),
    ("prosecutor_supervision", "Prokuror nəzarəti", "Prosecutor's supervision", "Прокурорский надзор"),
    ("labour", "Əmək hüquqları", "Labour rights", "Трудовые права"),
    ("social_protection", "Sosial müdafiə", "Social protection", "Социальная защита"),
    (
        "child_rights",
        "Uşaq hüquqları (təhsildən yayınma, erkən nikah, zorakılıq)",
        "Child rights (dropout, early marriage, violence)",
        "Права ребёнка (отсев, ранний брак, насилие)",
    ),
    (
        "disability",
        "Əlilliyi olan şəxslərin hüquqları",
        "Rights of persons with disabilities",
        "Права лиц с инвалидностью",
    ),
    (
        "detention_conditions",
        "Saxlanılma şəraiti və rəftar",
        "Detention conditions and treatment",
        "Условия содержания и обращение",
    ),
    ("access_to_lawyer", "Vəkildən istifadə hüququ", "Access to a lawyer", "Доступ к адвокату"),
    ("access_to_information", "İnformasiya əldə etmək hüququ", "Access to information", "Доступ к информации"),
    (
        "equality",
        "Bərabərlik və ayrı-seçkiliyə yol verilməməsi",
        "Equality and non-discrimination",
        "Равенство и недискриминация",
    ),
    ("other", "Digər", "Other", "Другое"),
]


def load_right_topics(RightTopic) -> None:  # noqa: N803 - historical model class
    for order, (code, n_az, n_en, n_ru) in enumerate(RIGHT_TOPICS):
        RightTopic.objects.get_or_create(
            code=code, defaults=dict(name_az=n_az, name_en=n_en, name_ru=n_ru, sort_order=order)
        )
