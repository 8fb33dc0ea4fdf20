"""Demo news, through the services: the 12 March 2024 NPM training (the institution's own news item
that this project started from, written anew from its facts; its earlier site had counted 1,576
reads), two later events of the 2024 action plan (one in Azerbaijani and English only, to show the
missing-language notice) and one draft. Seeding again adds nothing."""

from __future__ import annotations

from datetime import date

from ombuds.accounts.models import User
from ombuds.core.models import Region
from ombuds.outreach.models import Event, NewsDraft
from ombuds.portal.models import NewsItem, NewsTag
from ombuds.portal.services import news as services

TAGS = {
    "npm": ("Milli Preventiv Mexanizm", "National Preventive Mechanism", "Национальный превентивный механизм"),
    "training": ("Təlim", "Training", "Тренинг"),
    "disability": (
        "Əlilliyi olan şəxslərin hüquqları",
        "Rights of persons with disabilities",
        "Права лиц с инвалидностью",
    ),
    "children": ("Uşaq hüquqları", "Children's rights", "Права ребёнка"),
    "migrants": ("Miqrantların hüquqları", "Rights of migrants", "Права мигрантов"),
}

FOUNDING = {
    "slug": "npm-training-2024-03-12",
    "title_az": "Ombudsmanın Milli Preventiv Mexanizm kimi fəaliyyətinə dair təlim keçirilib",
    "title_en": "A training on the Ombudsman's work as the National Preventive Mechanism",
    "title_ru": "Проведён тренинг о деятельности Омбудсмена как Национального превентивного механизма",
    "summary_az": (
        "2024-cü il maarifləndirmə planının ilk tədbirində Bakı internat məktəblərinin rəhbər və əməkdaşları "
        "Ombudsmanın işgəncənin və pis rəftarın qarşısını alma fəaliyyəti ilə tanış olublar."
    ),
    "summary_en": (
        "The first event of the 2024 awareness-raising plan showed managers and staff of Baku boarding schools "
        "how the Ombudsman works to prevent torture and ill-treatment."
    ),
    "summary_ru": (
        "На первом мероприятии плана просвещения на 2024 год руководители и сотрудники бакинских школ-интернатов "
        "узнали, как Омбудсмен предупреждает пытки и жестокое обращение."
    ),
    "body_az": "\n\n".join(
        [
            "12 mart 2024-cü il tarixində Bakıda, Ombudsman Aparatında Ombudsmanın işgəncə və digər qəddar, "
            "qeyri-insani və ya ləyaqəti alçaldan rəftar və cəza növlərinin qarşısının alınması üzrə Milli "
            "Preventiv Mexanizm kimi fəaliyyətinə həsr olunmuş təlim keçirilib.",
            "Təlim Ombudsmanın təsdiq etdiyi “İnsan hüquq və azadlıqlarının müdafiəsi və təşviqinin "
            "səmərəliliyini artırmaq məqsədilə maarifləndirmə üzrə 2024-cü il Fəaliyyət Planı”nın ilk tədbiri "
            "olub. Plan Bakıda və regionlarda cəmiyyət, dövlət orqanları və vətəndaş cəmiyyəti təşkilatları "
            "üçün silsilə tədbirlər nəzərdə tutur.",
            "Tədbirdə Elm və Təhsil Nazirliyinin tabeliyindəki Bakı internat məktəblərinin rəhbər və "
            "əməkdaşları iştirak ediblər. Şimal, Cənub, Qərb və Şimal-Qərb regional mərkəzləri, eləcə də "
            "Naxçıvan Muxtar Respublikası Ombudsmanı Aparatının əməkdaşları təlimə onlayn qoşulublar.",
            "Təlimi açan Ombudsman Səbinə Əliyeva Milli Preventiv Mexanizmin mandatından danışıb. O bildirib "
            "ki, hüquq pozuntuları ilə bağlı müraciətlər araşdırılır, pozuntu aşkar edildikdə isə mandat "
            "çərçivəsində təcili tədbirlər görülür.",
            "Daha sonra Aparatın əməkdaşları insanların öz istəkləri ilə tərk edə bilmədikləri müəssisələrə və "
            "təhsil müəssisələrinə planlı və plandankənar monitorinq baş çəkmələri, verilən tövsiyələr və "
            "onların icrasının izlənilməsi barədə slaydlarla təqdimat ediblər. Təqdimatlardan sonra müzakirə "
            "aparılıb, iştirakçıların sualları cavablandırılıb.",
            "Planın növbəti təlimləri əlilliyi olan şəxslərin, yaşlıların, uşaqların, miqrantların və digər "
            "həssas qrupların hüquqlarına, hüquq bərabərliyinə və ayrı-seçkiliyə yol verilməməsinə, habelə "
            "informasiya əldə etmək hüququna həsr olunacaq.",
            "Hüquqları pozulan hər kəs gecə-gündüz Ombudsmanın 916 Çağrı Mərkəzinə zəng edə bilər.",
        ]
    ),
    "body_en": "\n\n".join(
        [
            "On 12 March 2024 the Ombudsman's Office in Baku held a training on the Ombudsman's work as the "
            "National Preventive Mechanism against torture and other cruel, inhuman or degrading treatment or "
            "punishment.",
            "The training was the first event of the 2024 Action Plan for Awareness Raising to Increase the "
            "Effectiveness of Protection and Promotion of Human Rights and Freedoms, approved by the Ombudsman. "
            "The plan sets out a series of events in Baku and the regions for the public, state bodies and civil "
            "society organisations.",
            "Managers and staff of Baku boarding schools under the Ministry of Science and Education took part. "
            "The North, South, West and Northwest regional centres and staff of the Ombudsman's office of the "
            "Nakhchivan Autonomous Republic joined online.",
            "Opening the training, the Ombudsman, Sabina Aliyeva, explained the mandate of the National "
            "Preventive Mechanism. Applications about violations are investigated, she said, and where a "
            "violation is found, urgent measures are taken within the mandate.",
            "Staff of the Office then presented, with slides, the scheduled and unscheduled monitoring visits to "
            "places people cannot leave at will and to education facilities, the recommendations made after "
            "them and how their implementation is followed up. A discussion followed in which the participants' "
            "questions were answered.",
            "The next trainings of the plan will cover the rights of persons with disabilities, older people, "
            "children, migrants and other vulnerable groups, legal equality and non-discrimination, and the "
            "right of access to information.",
            "Anyone whose rights have been violated can call the Ombudsman's 916 call centre, day and night.",
        ]
    ),
    "body_ru": "\n\n".join(
        [
            "12 марта 2024 года в Аппарате Омбудсмена в Баку прошёл тренинг о деятельности Омбудсмена как "
            "Национального превентивного механизма против пыток и других жестоких, бесчеловечных или "
            "унижающих достоинство видов обращения и наказания.",
            "Тренингом открылся утверждённый Омбудсменом План действий на 2024 год по просвещению в целях "
            "повышения эффективности защиты и поощрения прав и свобод человека. План предусматривает серию "
            "мероприятий в Баку и регионах для общества, государственных органов и организаций гражданского "
            "общества.",
            "В тренинге участвовали руководители и сотрудники бакинских школ-интернатов, подведомственных "
            "Министерству науки и образования. Северный, Южный, Западный и Северо-Западный региональные "
            "центры, а также сотрудники Аппарата Омбудсмена Нахчыванской Автономной Республики подключились "
            "онлайн.",
            "Открывая тренинг, Омбудсмен Сабина Алиева рассказала о мандате Национального превентивного "
            "механизма. По её словам, обращения о нарушениях расследуются, а при выявлении нарушения в рамках "
            "мандата принимаются неотложные меры.",
            "Затем сотрудники Аппарата представили слайды о плановых и внеплановых мониторинговых посещениях "
            "учреждений, которые люди не могут покинуть по своей воле, и учебных заведений, о рекомендациях по "
            "их итогам и о контроле за их выполнением. После презентаций состоялось обсуждение, участники "
            "получили ответы на свои вопросы.",
            "Следующие тренинги плана будут посвящены правам лиц с инвалидностью, пожилых людей, детей, "
            "мигрантов и других уязвимых групп, правовому равенству и недискриминации, а также праву на доступ "
            "к информации.",
            "Каждый, чьи права нарушены, может круглосуточно позвонить в колл-центр Омбудсмена 916.",
        ]
    ),
}

# Later events of the demo plan (ombuds/outreach/demo.py); their facts are the demo's own.
LATER = [
    {
        "event_en": "The Ombudsman's monitoring mandate under the CRPD",
        "on": date(2024, 4, 18),
        "tags": ["disability", "training"],
        "fields": {
            "slug": "crpd-monitoring-seminar-2024-04-18",
            "title_az": "Əlilliyi olan şəxslərin hüquqları üzrə Konvensiyanın monitorinqinə dair seminar",
            "title_en": "A seminar on monitoring the Convention on the Rights of Persons with Disabilities",
            "title_ru": "Семинар о мониторинге Конвенции о правах инвалидов",
            "summary_az": (
                "Dövlət orqanlarının nümayəndələri Ombudsmanın CRPD üzrə monitorinq mandatı ilə tanış olublar."
            ),
            "summary_en": "Representatives of state bodies learnt about the Ombudsman's CRPD monitoring mandate.",
            "summary_ru": "Представители госорганов познакомились с мандатом Омбудсмена по мониторингу КПИ.",
            "body_az": "18 aprel 2024-cü il tarixində Ombudsman Aparatında dövlət orqanlarının nümayəndələri üçün "
            "Ombudsmanın Əlilliyi olan şəxslərin hüquqları haqqında Konvensiyanın icrasının monitorinqi üzrə "
            "mandatına dair seminar keçirilib. Regional mərkəzlər seminara onlayn qoşulub.\n\n"
            "Çıxışlarda əlilliyi olan şəxslərin müraciətlərinə necə baxıldığı və baş çəkmələr zamanı "
            "əlçatanlığın necə yoxlanıldığı izah olunub.",
            "body_en": "On 18 April 2024 the Ombudsman's Office held a seminar for representatives of state bodies "
            "on the Ombudsman's mandate to monitor the Convention on the Rights of Persons with Disabilities. The "
            "regional centres joined online.\n\n"
            "The speakers explained how applications from persons with disabilities are examined and how "
            "accessibility is checked during visits.",
            "body_ru": "18 апреля 2024 года в Аппарате Омбудсмена прошёл семинар для представителей "
            "государственных органов о мандате Омбудсмена по мониторингу выполнения Конвенции о правах "
            "инвалидов. Региональные центры подключились онлайн.\n\n"
            "Выступающие рассказали, как рассматриваются обращения лиц с инвалидностью и как во время "
            "посещений проверяется доступность.",
        },
    },
    {
        "event_en": "Children's rights: a training for school heads",
        "on": date(2024, 6, 12),
        "tags": ["children", "training"],
        "fields": {  # no Russian text yet: the Russian page says so and links the others
            "slug": "childrens-rights-training-ganja-2024-06-12",
            "title_az": "Gəncədə məktəb rəhbərləri üçün uşaq hüquqlarına dair təlim",
            "title_en": "A training on children's rights for school heads in Ganja",
            "summary_az": "Qərb regional mərkəzi Gəncə məktəblərinin rəhbərləri üçün təlim təşkil edib.",
            "summary_en": "The West regional centre held a training for the heads of Ganja schools.",
            "body_az": "12 iyun 2024-cü il tarixində Ombudsmanın Qərb regional mərkəzi Gəncə şəhər məktəblərinin "
            "rəhbərləri üçün uşaq hüquqlarına dair təlim keçirib.\n\n"
            "İştirakçılar uşaqların müraciət hüququ və Ombudsmana necə müraciət edilməsi barədə məlumat alıblar.",
            "body_en": "On 12 June 2024 the Ombudsman's West regional centre held a training on children's rights "
            "for the heads of Ganja schools.\n\n"
            "The participants learnt about children's right to complain and how to reach the Ombudsman.",
        },
    },
]
DRAFT = {
    "event_en": "Rights of migrants: a round table",
    "tags": ["migrants"],
    "fields": {
        "slug": "migrants-round-table-2024-07-09",
        "title_az": "Miqrantların hüquqlarına dair dəyirmi masa",
        "body_az": "9 iyul 2024-cü il tarixində Cənub regional mərkəzində miqrantların hüquqlarına dair dəyirmi "
        "masa keçiriləcək.",
    },
}


def _tags(writer) -> dict[str, NewsTag]:
    found = {tag.code: tag for tag in NewsTag.objects.filter(code__in=TAGS)}
    for code, (az, en, ru) in TAGS.items():
        if code not in found:
            found[code] = services.create_tag(writer, code=code, name_az=az, name_en=en, name_ru=ru)
    return found


def _publish(writer, publisher, item: NewsItem, on: date) -> NewsItem:
    services.submit_item(writer, item)
    return services.publish_item(publisher, item, on=on)


def _founding(writer, publisher, tags) -> None:
    """Made from the founding event's outreach news draft (which it marks published), rewritten."""
    event = Event.objects.filter(starts_at__date=date(2024, 3, 12), plan_item__plan__year=2024).first()
    links = {"event": event, "region": Region.objects.get(code="hq"), "reads_before": 1576}
    tagged = [tags["npm"], tags["training"]]
    draft = NewsDraft.objects.filter(event=event).first() if event else None
    if draft is not None:
        item = services.item_from_draft(writer, draft)
        services.update_item(writer, item, tags=tagged, **links, **FOUNDING)
    else:
        item = services.create_item(writer, tags=tagged, **links, **FOUNDING)
    _publish(writer, publisher, item, date(2024, 3, 12))


def seed(stdout) -> int:
    if NewsItem.objects.filter(slug=FOUNDING["slug"]).exists():
        return 0
    writer = User.objects.get(username="awareness")
    publisher = User.objects.get(username="commissioner")
    tags = _tags(writer)
    _founding(writer, publisher, tags)
    for spec in [*LATER, DRAFT]:
        event = Event.objects.filter(title_en=spec["event_en"]).first()
        item = services.create_item(
            writer,
            event=event,
            region=event.region if event else None,
            tags=[tags[code] for code in spec["tags"]],
            **spec["fields"],
        )
        if "on" in spec:
            _publish(writer, publisher, item, spec["on"])
    stdout.write("  portal news: the 12 March 2024 NPM training and three more items (one a draft)")
    return 1
