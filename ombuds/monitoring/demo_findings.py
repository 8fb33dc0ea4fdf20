"""Demo findings that fit the kind of place visited: what a team might write after a visit to a
prison is not what it writes after a children's home. Each text is given in az, en and ru; the demo
records it in the language the demo is seeded in (Azerbaijani, the working language, by default)."""

from __future__ import annotations

from ombuds.core.i18n import CONTENT_LANGUAGES, FALLBACK_LANGUAGE
from ombuds.monitoring.choices import PlaceType as P
from ombuds.monitoring.choices import ThematicArea as A

# group -> [(area, severity, {language: text})]
FINDINGS: dict[str, list[tuple[str, str, dict[str, str]]]] = {
    "prison": [
        (
            A.MATERIAL_CONDITIONS,
            "serious",
            {
                "az": "Yataqxana tipli otaqlarda nəzərdə tutulduğundan çox məhkum saxlanılır, havalandırma zəifdir.",
                "en": "Dormitories hold more prisoners than planned and are poorly ventilated.",
                "ru": "В спальных помещениях содержится больше осуждённых, чем предусмотрено; вентиляция слабая.",
            },
        ),
        (
            A.HEALTH_CARE,
            "concern",
            {
                "az": "Vərəm xəstəliyinə görə müayinələr gecikir, tibb hissəsində həkim yalnız həftədə iki gün olur.",
                "en": "Tuberculosis screening is late; a doctor is at the medical unit only two days a week.",
                "ru": "Обследование на туберкулёз запаздывает; врач бывает в медчасти лишь два дня в неделю.",
            },
        ),
        (
            A.REGIME,
            "concern",
            {
                "az": "Məhkumların ailə ilə uzunmüddətli görüşləri növbəyə görə aylarla gecikir.",
                "en": "Prisoners' long family visits are delayed for months by the waiting list.",
                "ru": "Длительные свидания осуждённых с семьёй откладываются на месяцы из-за очереди.",
            },
        ),
    ],
    "pretrial": [
        (
            A.MATERIAL_CONDITIONS,
            "serious",
            {
                "az": "Kameralarda nəzərdə tutulduğundan iki dəfə çox adam saxlanılır.",
                "en": "Cells hold twice as many detainees as they were built for.",
                "ru": "В камерах содержится вдвое больше людей, чем предусмотрено.",
            },
        ),
        (
            A.PROTECTION,
            "concern",
            {
                "az": "Müdafiəçi ilə görüş üçün ayrıca otaq yoxdur, söhbətlər nəzarətçinin yanında aparılır.",
                "en": "There is no room for meetings with counsel; talks take place in front of a guard.",
                "ru": "Отдельного помещения для встреч с защитником нет; беседы проходят при надзирателе.",
            },
        ),
        (
            A.HEALTH_CARE,
            "concern",
            {
                "az": "Qəbul zamanı tibbi müayinəni yalnız feldşer aparır, xəsarətlər qeydə alınmır.",
                "en": "On admission only a paramedic examines detainees, and injuries are not recorded.",
                "ru": "При поступлении осмотр проводит только фельдшер, телесные повреждения не фиксируются.",
            },
        ),
    ],
    "police": [
        (
            A.PROTECTION,
            "serious",
            {
                "az": "Saxlanılanların qeydiyyat jurnalında gətirilmə vaxtı göstərilməyən qeydlər var.",
                "en": "The custody register has entries without the time the person was brought in.",
                "ru": "В журнале учёта задержанных есть записи без времени доставления.",
            },
        ),
        (
            A.TREATMENT,
            "concern",
            {
                "az": "Saxlanılanlar ilk saatlarda yaxınlarına zəng etmək imkanı verilmədiyini bildirir.",
                "en": "Detainees say they were not allowed to call their family in the first hours.",
                "ru": "Задержанные сообщают, что в первые часы им не дали позвонить родственникам.",
            },
        ),
        (
            A.MATERIAL_CONDITIONS,
            "concern",
            {
                "az": "Saxlama kameralarında təbii işıq yoxdur, döşəklər köhnədir.",
                "en": "The holding cells have no daylight and the mattresses are worn out.",
                "ru": "В камерах ИВС нет естественного освещения, матрасы изношены.",
            },
        ),
    ],
    "military": [
        (
            A.PROTECTION,
            "concern",
            {
                "az": "Hauptvaxtaya salınma barədə qərarların surəti hərbi qulluqçulara verilmir.",
                "en": "Servicemen are not given a copy of the order placing them in the guardhouse.",
                "ru": "Военнослужащим не выдают копию решения о помещении на гауптвахту.",
            },
        ),
        (
            A.TREATMENT,
            "serious",
            {
                "az": "Hərbi qulluqçular gecə saatlarında fiziki məşqlərə məcbur edildiklərini bildirir.",
                "en": "Servicemen say they are made to do physical drills at night.",
                "ru": "Военнослужащие сообщают, что их принуждают к физическим упражнениям в ночное время.",
            },
        ),
        (
            A.MATERIAL_CONDITIONS,
            "info",
            {
                "az": "Otaqlar təmizdir, lakin qış aylarında isitmə kifayət etmir.",
                "en": "The rooms are clean, but the heating is insufficient in winter.",
                "ru": "Помещения чистые, но зимой отопления недостаточно.",
            },
        ),
    ],
    "psychiatric": [
        (
            A.TREATMENT,
            "serious",
            {
                "az": "Fiksasiya tətbiqi ayrıca jurnalda qeydə alınmır, müddəti və səbəbi bilinmir.",
                "en": "Physical restraint is not logged; its duration and reason are unknown.",
                "ru": "Применение фиксации не регистрируется в журнале; его длительность и причина неизвестны.",
            },
        ),
        (
            A.PROTECTION,
            "concern",
            {
                "az": "Pasiyentlərin qeyri-iradi yerləşdirilməsi barədə məhkəmə qərarları vaxtında yenilənmir.",
                "en": "Court orders for involuntary placement of patients are not renewed on time.",
                "ru": "Судебные решения о недобровольной госпитализации пациентов своевременно не продлеваются.",
            },
        ),
        (
            A.REGIME,
            "concern",
            {
                "az": "Pasiyentlərin gün ərzində açıq havaya çıxmaq imkanı yoxdur, məşğuliyyət təşkil edilmir.",
                "en": "Patients cannot go outdoors during the day and no activities are organised.",
                "ru": "Пациенты не имеют возможности выходить на свежий воздух, занятия не организованы.",
            },
        ),
    ],
    "social_care": [
        (
            A.PERSONNEL,
            "concern",
            {
                "az": "Gecə növbəsində 90 sakinə bir baxıcı düşür.",
                "en": "At night one carer looks after 90 residents.",
                "ru": "В ночную смену на 90 проживающих приходится один сотрудник по уходу.",
            },
        ),
        (
            A.MATERIAL_CONDITIONS,
            "concern",
            {
                "az": "Yataq xəstəsi olan sakinlər üçün yataq yaralarının qarşısını alan döşəklər yoxdur.",
                "en": "There are no pressure-relief mattresses for bedridden residents.",
                "ru": "Для лежачих проживающих нет противопролежневых матрасов.",
            },
        ),
        (
            A.PROTECTION,
            "info",
            {
                "az": "Sakinlərin pensiyalarının xərclənməsi barədə hesabat onlara təqdim edilmir.",
                "en": "Residents are not shown how their pensions are spent.",
                "ru": "Проживающим не отчитываются о расходовании их пенсий.",
            },
        ),
    ],
    "children": [
        (
            A.PROTECTION,
            "serious",
            {
                "az": "Uşaqların şikayət etməsi üçün məxfi qutu və ya etibarlı şəxs yoxdur.",
                "en": "Children have no confidential complaints box or trusted person to turn to.",
                "ru": "У детей нет ни ящика для конфиденциальных жалоб, ни доверенного лица.",
            },
        ),
        (
            A.REGIME,
            "concern",
            {
                "az": "Uşaqların valideynləri ilə telefon əlaqəsi həftədə bir dəfə ilə məhdudlaşdırılır.",
                "en": "Children's phone contact with their parents is limited to once a week.",
                "ru": "Телефонная связь детей с родителями ограничена одним разом в неделю.",
            },
        ),
        (
            A.PERSONNEL,
            "concern",
            {
                "az": "Tərbiyəçilərin uşaq hüquqları və zorakılığın tanınması üzrə təlimi keçirilməyib.",
                "en": "Educators have had no training on children's rights or on recognising abuse.",
                "ru": "Воспитатели не проходили обучения правам ребёнка и выявлению насилия.",
            },
        ),
    ],
    "juvenile": [
        (
            A.REGIME,
            "concern",
            {
                "az": "Yetkinlik yaşına çatmayanlar üçün ümumi təhsil dərsləri həftədə cəmi üç gün keçirilir.",
                "en": "Schooling for the juveniles takes place only three days a week.",
                "ru": "Общеобразовательные занятия для несовершеннолетних проводятся лишь три дня в неделю.",
            },
        ),
        (
            A.TREATMENT,
            "serious",
            {
                "az": "İntizam tənbehi kimi tək saxlama tətbiq edilir.",
                "en": "Solitary confinement is used as a disciplinary punishment.",
                "ru": "В качестве дисциплинарного взыскания применяется одиночное содержание.",
            },
        ),
        (
            A.HEALTH_CARE,
            "info",
            {
                "az": "Psixoloq ştatı boşdur.",
                "en": "The psychologist's post is vacant.",
                "ru": "Должность психолога вакантна.",
            },
        ),
    ],
    "migrants": [
        (
            A.PROTECTION,
            "serious",
            {
                "az": "Saxlanılan əcnəbilərə hüquqları onların başa düşdüyü dildə izah edilmir, tərcüməçi yoxdur.",
                "en": "Detained foreigners are not told their rights in a language they know; there is no interpreter.",
                "ru": "Задержанным иностранцам не разъясняют права на понятном им языке; переводчика нет.",
            },
        ),
        (
            A.REGIME,
            "concern",
            {
                "az": "Konsulluqla və vəkil ilə əlaqə saxlamaq üçün telefon imkanı məhduddur.",
                "en": "Access to a telephone to contact the consulate or a lawyer is limited.",
                "ru": "Возможность позвонить в консульство или адвокату ограничена.",
            },
        ),
        (
            A.MATERIAL_CONDITIONS,
            "concern",
            {
                "az": "Ailələr ayrı saxlanılır, uşaqlı qadınlar üçün ayrıca otaq yoxdur.",
                "en": "Families are separated; there is no room for women with children.",
                "ru": "Семьи содержатся раздельно; отдельного помещения для женщин с детьми нет.",
            },
        ),
    ],
    "other": [
        (
            A.PROTECTION,
            "concern",
            {
                "az": "Yerləşdirilən şəxslərin qeydiyyatı aparılmır.",
                "en": "No register of the people placed here is kept.",
                "ru": "Учёт помещённых лиц не ведётся.",
            },
        ),
        (
            A.MATERIAL_CONDITIONS,
            "info",
            {
                "az": "Binada əlilliyi olan şəxslər üçün pandus yoxdur.",
                "en": "The building has no ramp for people with disabilities.",
                "ru": "В здании нет пандуса для людей с инвалидностью.",
            },
        ),
    ],
}

GROUP_OF = {
    P.PENITENTIARY: "prison",
    P.PRETRIAL_ISOLATOR: "pretrial",
    P.TEMPORARY_DETENTION: "police",
    P.POLICE_DIVISION: "police",
    P.MILITARY_GUARDHOUSE: "military",
    P.PSYCHIATRIC_HOSPITAL: "psychiatric",
    P.PSYCHONEUROLOGICAL_HOME: "psychiatric",
    P.SOCIAL_CARE_HOME: "social_care",
    P.CHILDREN_HOME: "children",
    P.BOARDING_SCHOOL: "children",
    P.JUVENILE_FACILITY: "juvenile",
    P.MIGRANT_CENTRE: "migrants",
    P.OTHER: "other",
}


def findings_for(place_type: str, language: str = FALLBACK_LANGUAGE) -> list[tuple[str, str, str]]:
    """(area, severity, text) for a place of this type, in one content language."""
    lang = language if language in CONTENT_LANGUAGES else FALLBACK_LANGUAGE
    return [(area, severity, texts[lang]) for area, severity, texts in FINDINGS[GROUP_OF[place_type]]]
