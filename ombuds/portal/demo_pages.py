"""The portal's five staff-edited pages in az, en and ru and the accessibility statement, written
by the awareness staff and published by a department head through the services. The facts are
those of docs domain.md §1 and reports-and-portal.md §1 and §3 (sources cited there); where a
fact was not verified (reception hours, the postal and e-mail addresses) the text sends the reader
to the 916 call centre instead of inventing one. Seeding twice adds nothing."""

from __future__ import annotations

from ombuds.accounts.models import User
from ombuds.portal.choices import Compliance, PageSlug
from ombuds.portal.models import AccessibilityStatement, Page
from ombuds.portal.services import pages as services

MANDATE = {
    "title_az": "Ombudsmanın səlahiyyətləri",
    "body_az": (
        "Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili (Ombudsman) 28 dekabr 2001-ci il tarixli "
        "“Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkili (Ombudsman) haqqında” Konstitusiya Qanunu "
        "əsasında fəaliyyət göstərir.\n\n"
        "## Ombudsman nə edir\n\n"
        "- dövlət orqanlarının, bələdiyyələrin, dövlət və bələdiyyə mülkiyyətində olan hüquqi şəxslərin, "
        "publik hüquqi şəxslərin, büdcə təşkilatlarının və vəzifəli şəxslərin pozduğu insan hüquq və "
        "azadlıqlarını bərpa edir;\n"
        "- insan hüquqlarının pozulmasının qarşısını alır;\n"
        "- Milli Preventiv Mexanizm kimi azadlıqdan məhrumetmə yerlərinə baş çəkir;\n"
        "- “İnformasiya əldə etmək haqqında” Qanunun icrasına nəzarət edir;\n"
        "- 2023-cü ildən əlilliyi olan şəxslərin və uşaq hüquqları haqqında konvensiyaların icrasına, "
        "bərabərliyə və ayrı-seçkiliyə yol verilməməsinə müstəqil nəzarət edir.\n\n"
        "## Ombudsman nəyə baxmır\n\n"
        "Ombudsman Prezidentin, Milli Məclis deputatlarının və hakimlərin fəaliyyətinə baxmır. İstisna: "
        "məhkəmə süründürməçiliyi, sənədlərin itməsi və ya gecikdirilməsi, məhkəmə qərarlarının icrasının "
        "ləngidilməsi.\n\n"
        "## Kim müraciət edə bilər\n\n"
        "Azərbaycan vətəndaşları, əcnəbilər, vətəndaşlığı olmayan şəxslər və hüquqi şəxslər. Başqasının adından "
        "onun razılığı ilə müraciət etmək olar.\n\n"
        "Ombudsman hər il fəaliyyəti haqqında məruzəni ilin sonundan iki ay ərzində Prezidentə təqdim edir və "
        "Milli Məclisdə çıxış edir."
    ),
    "title_en": "The Ombudsman's mandate",
    "body_en": (
        "The Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan works under the "
        "Constitutional Law “On the Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan” "
        "of 28 December 2001.\n\n"
        "## What the Ombudsman does\n\n"
        "- restores human rights and freedoms violated by state bodies, municipalities, state- and "
        "municipally-owned and public legal entities, budget organisations and officials;\n"
        "- works to prevent violations of human rights;\n"
        "- visits places of deprivation of liberty as the National Preventive Mechanism;\n"
        "- oversees the Law on Access to Information;\n"
        "- since 2023, independently monitors the conventions on the rights of persons with disabilities and "
        "of the child, equality and non-discrimination.\n\n"
        "## What the Ombudsman does not examine\n\n"
        "The Ombudsman does not examine the activity of the President, members of the Milli Majlis and judges, "
        "except judicial red tape, lost or delayed documents and delays in executing court judgments.\n\n"
        "## Who may apply\n\n"
        "Citizens of Azerbaijan, foreigners, stateless persons and legal entities. You may apply on someone "
        "else's behalf with their consent.\n\n"
        "Each year the Ombudsman submits a report on its work to the President within two months of the end of "
        "the year and presents it to the Milli Majlis."
    ),
    "title_ru": "Полномочия Омбудсмена",
    "body_ru": (
        "Уполномоченный по правам человека (Омбудсмен) Азербайджанской Республики действует на основании "
        "Конституционного закона «Об Уполномоченном по правам человека (Омбудсмене) Азербайджанской "
        "Республики» от 28 декабря 2001 года.\n\n"
        "## Чем занимается Омбудсмен\n\n"
        "- восстанавливает права и свободы человека, нарушенные государственными органами, муниципалитетами, "
        "юридическими лицами в государственной и муниципальной собственности, публичными юридическими лицами, "
        "бюджетными организациями и должностными лицами;\n"
        "- предупреждает нарушения прав человека;\n"
        "- как Национальный превентивный механизм посещает места лишения свободы;\n"
        "- осуществляет надзор за исполнением Закона о получении информации;\n"
        "- с 2023 года независимо наблюдает за исполнением конвенций о правах инвалидов и о правах ребёнка, "
        "за равенством и недопущением дискриминации.\n\n"
        "## Что Омбудсмен не рассматривает\n\n"
        "Омбудсмен не рассматривает деятельность Президента, депутатов Милли Меджлиса и судей, кроме судебной "
        "волокиты, утраты или задержки документов и затягивания исполнения судебных решений.\n\n"
        "## Кто может обратиться\n\n"
        "Граждане Азербайджана, иностранцы, лица без гражданства и юридические лица. Можно обратиться от имени "
        "другого человека с его согласия.\n\n"
        "Ежегодно, в течение двух месяцев после окончания года, Омбудсмен представляет доклад о своей "
        "деятельности Президенту и выступает с ним в Милли Меджлисе."
    ),
}

HOW_TO_APPLY = {
    "title_az": "Necə müraciət etməli",
    "body_az": (
        "Hüququnuzun pozulduğu gündən və ya bunu öyrəndiyiniz gündən bir il ərzində müraciət edin.\n\n"
        "## Müraciətdə nə yazmalı\n\n"
        "- adınız, atanızın adı, soyadınız və ünvanınız;\n"
        "- hansı qərar, hərəkət və ya hərəkətsizlikdən şikayət etdiyiniz;\n"
        "- bunun harada və nə vaxt baş verdiyi;\n"
        "- əlinizdə olan sənədlərin surətləri.\n\n"
        "Anonim müraciətlərə, kifayət qədər sübutla əsaslandırılmadıqda, baxılmır. Şəxsiyyət vəsiqəsinin "
        "nömrəsi tələb olunmur: əcnəbilər, vətəndaşlığı olmayan şəxslər, saxlanılan şəxslər və uşaqlar da "
        "müraciət edə bilər.\n\n"
        "Ombudsmanın sizə kömək edə biləcəyindən əmin deyilsinizsə, əvvəlcə “Ombudsman kömək edə bilərmi?” "
        "suallarına cavab verin. Aşağıda müraciət yolları və regional mərkəzlər göstərilib."
    ),
    "title_en": "How to apply",
    "body_en": (
        "Apply within one year of the day your right was violated or the day you learned of it.\n\n"
        "## What to write\n\n"
        "- your name, patronymic, surname and address;\n"
        "- which decision, action or failure to act you complain about;\n"
        "- where and when it happened;\n"
        "- copies of the documents you have.\n\n"
        "Anonymous applications are not examined unless they are supported by sufficient evidence. No identity "
        "number is required: foreigners, stateless persons, detainees and children can apply too.\n\n"
        "Not sure the Ombudsman can help? Answer the questions of “Can the Ombudsman help?” first. The ways to "
        "apply and the regional centres are below."
    ),
    "title_ru": "Как обратиться",
    "body_ru": (
        "Обратитесь в течение одного года со дня нарушения вашего права или со дня, когда вы о нём узнали.\n\n"
        "## Что написать\n\n"
        "- ваши имя, отчество, фамилию и адрес;\n"
        "- на какое решение, действие или бездействие вы жалуетесь;\n"
        "- где и когда это произошло;\n"
        "- копии имеющихся у вас документов.\n\n"
        "Анонимные обращения не рассматриваются, если они не подкреплены достаточными доказательствами. Номер "
        "удостоверения личности не нужен: обратиться могут и иностранцы, лица без гражданства, задержанные и "
        "дети.\n\n"
        "Не уверены, что Омбудсмен может помочь? Сначала ответьте на вопросы «Может ли Омбудсмен помочь?». "
        "Способы обращения и региональные центры указаны ниже."
    ),
}

NPM = {
    "title_az": "Milli Preventiv Mexanizm",
    "body_az": (
        "Ombudsman 2009-cu ildən İşgəncələrə qarşı Konvensiyanın Fakültativ Protokolu (OPCAT) əsasında Milli "
        "Preventiv Mexanizm (MPM) funksiyasını həyata keçirir.\n\n"
        "## MPM nə edir\n\n"
        "- insanların öz istəyi ilə tərk edə bilmədiyi yerlərə — cəzaçəkmə müəssisələrinə, istintaq "
        "təcridxanalarına, polis şöbələrinə, psixiatriya müəssisələrinə və digər yerlərə — müntəzəm olaraq və "
        "zərurət olduqda baş çəkir;\n"
        "- bu yerlərə maneəsiz və əvvəlcədən xəbərdarlıq etmədən daxil olur;\n"
        "- saxlanılan şəxslərlə şahidsiz, təkbətək söhbət edir;\n"
        "- aidiyyəti orqanlara tövsiyələr verir və onların icrasını izləyir;\n"
        "- hər il MPM-in fəaliyyəti haqqında məruzə dərc edir.\n\n"
        "MPM-ə məlumat verən heç kəs buna görə cəzalandırıla bilməz. Şəxsi məlumatlar razılıq olmadan dərc "
        "edilmir.\n\n"
        "2025-ci ildə MPM 355 baş çəkmə həyata keçirib, onlardan 93-ü plandankənar olub."
    ),
    "title_en": "National Preventive Mechanism",
    "body_en": (
        "Since 2009 the Ombudsman has acted as the National Preventive Mechanism (NPM) under the Optional "
        "Protocol to the Convention against Torture (OPCAT).\n\n"
        "## What the NPM does\n\n"
        "- visits, regularly and whenever needed, places that people cannot leave at will: prisons, pre-trial "
        "detention centres, police stations, psychiatric institutions and others;\n"
        "- enters them without hindrance and without prior notice;\n"
        "- talks to detained people in private, without witnesses;\n"
        "- makes recommendations to the authorities concerned and follows them up;\n"
        "- publishes a report on the NPM's work every year.\n\n"
        "Nobody may be punished for informing the NPM. Personal data are not published without consent.\n\n"
        "In 2025 the NPM made 355 visits, 93 of them unscheduled."
    ),
    "title_ru": "Национальный превентивный механизм",
    "body_ru": (
        "С 2009 года Омбудсмен выполняет функции Национального превентивного механизма (НПМ) в соответствии с "
        "Факультативным протоколом к Конвенции против пыток (ФПКПП).\n\n"
        "## Что делает НПМ\n\n"
        "- регулярно и при необходимости посещает места, которые люди не могут покинуть по своей воле: "
        "учреждения исполнения наказаний, следственные изоляторы, отделения полиции, психиатрические "
        "учреждения и другие;\n"
        "- входит в них беспрепятственно и без предварительного уведомления;\n"
        "- беседует с содержащимися лицами наедине, без свидетелей;\n"
        "- даёт рекомендации соответствующим органам и следит за их выполнением;\n"
        "- ежегодно публикует доклад о деятельности НПМ.\n\n"
        "Никто не может быть наказан за то, что сообщил информацию НПМ. Персональные данные без согласия не "
        "публикуются.\n\n"
        "В 2025 году НПМ провёл 355 посещений, из них 93 — внеплановых."
    ),
}

NAKHCHIVAN = {
    "title_az": "Naxçıvan Muxtar Respublikası",
    "body_az": (
        "Naxçıvan Muxtar Respublikasının öz İnsan hüquqları üzrə müvəkkili (Ombudsmanı) var. O, Muxtar "
        "Respublikanın qanunu əsasında fəaliyyət göstərir və Muxtar Respublikanın orqanlarının və vəzifəli "
        "şəxslərinin pozduğu hüquqlarla bağlı müraciətlərə baxır.\n\n"
        "Naxçıvan Muxtar Respublikasında yaşayırsınızsa və ya şikayətiniz oradakı orqanlarla bağlıdırsa, "
        "Naxçıvan Muxtar Respublikasının Ombudsmanına müraciət edin (ombudsman.nakhchivan.az).\n\n"
        "Azərbaycan Respublikasının Ombudsmanı Naxçıvan Muxtar Respublikasının Ombudsmanı ilə əməkdaşlıq edir: "
        "tədbirlər birgə keçirilir, müraciətlər aidiyyəti üzrə göndərilir."
    ),
    "title_en": "Nakhchivan Autonomous Republic",
    "body_en": (
        "The Nakhchivan Autonomous Republic has its own Commissioner for Human Rights (Ombudsman). The "
        "Commissioner works under the Autonomous Republic's own law and examines applications about rights "
        "violated by the Autonomous Republic's bodies and officials.\n\n"
        "If you live in the Nakhchivan Autonomous Republic or your complaint concerns its bodies, apply to the "
        "Ombudsman of the Nakhchivan Autonomous Republic (ombudsman.nakhchivan.az).\n\n"
        "The Ombudsman of the Republic of Azerbaijan works with the Ombudsman of the Nakhchivan Autonomous "
        "Republic: events are held together and applications are forwarded to whichever office can deal with "
        "them."
    ),
    "title_ru": "Нахчыванская Автономная Республика",
    "body_ru": (
        "В Нахчыванской Автономной Республике есть свой Уполномоченный по правам человека (Омбудсмен). Он "
        "действует на основании закона Автономной Республики и рассматривает обращения о правах, нарушенных "
        "органами и должностными лицами Автономной Республики.\n\n"
        "Если вы живёте в Нахчыванской Автономной Республике или ваша жалоба касается её органов, обращайтесь "
        "к Омбудсмену Нахчыванской Автономной Республики (ombudsman.nakhchivan.az).\n\n"
        "Омбудсмен Азербайджанской Республики сотрудничает с Омбудсменом Нахчыванской Автономной Республики: "
        "мероприятия проводятся совместно, обращения пересылаются по принадлежности."
    ),
}

ACCESSIBILITY = {
    "title_az": "Əlçatanlıq bəyanatı",
    "body_az": (
        "Biz bu saytın hər kəs üçün, o cümlədən əlilliyi olan şəxslər üçün əlçatan olmasına çalışırıq. Sayt "
        "WCAG 2.2 AA standartına uyğunlaşdırılır.\n\n"
        "- sayt Azərbaycan, ingilis və rus dillərindədir;\n"
        "- yalnız klaviatura ilə və ekran oxuyucuları ilə istifadə oluna bilər;\n"
        "- 320 piksel enində ekranda işləyir;\n"
        "- yoxlayıcı, müraciət forması və vəziyyətin yoxlanılması JavaScript olmadan işləyir;\n"
        "- saytda əlçatanlıq “overlay” vidjeti və üçüncü tərəf skriptləri yoxdur."
    ),
    "title_en": "Accessibility statement",
    "body_en": (
        "We want everyone, including people with disabilities, to be able to use this site. The site is being "
        "made to meet WCAG 2.2 AA.\n\n"
        "- the site is in Azerbaijani, English and Russian;\n"
        "- it can be used with a keyboard alone and with screen readers;\n"
        "- it works on a screen 320 pixels wide;\n"
        "- the checker, the application form and the status lookup work without JavaScript;\n"
        "- the site has no accessibility overlay widget and no third-party scripts."
    ),
    "title_ru": "Заявление о доступности",
    "body_ru": (
        "Мы стремимся, чтобы этим сайтом могли пользоваться все, в том числе люди с инвалидностью. Сайт "
        "приводится в соответствие со стандартом WCAG 2.2 AA.\n\n"
        "- сайт работает на азербайджанском, английском и русском языках;\n"
        "- им можно пользоваться только с клавиатуры и с программами экранного доступа;\n"
        "- он работает на экране шириной 320 пикселей;\n"
        "- проверка, форма обращения и проверка статуса работают без JavaScript;\n"
        "- на сайте нет «оверлей»-виджетов доступности и сторонних скриптов."
    ),
}

STATEMENT = {
    "compliance": Compliance.PARTIAL,
    "standard": "WCAG 2.2 AA",
    "non_accessible_az": (
        "- Əvvəlki illərin məruzələri teqsiz PDF fayllarıdır və ekran oxuyucuları ilə çətin oxunur. Alternativ: "
        "yeni məruzələrin HTML xülasəsi var; əvvəlki məruzənin əlçatan nüsxəsini 916 vasitəsilə istəyin.\n"
        "- Yoxlayıcı və müraciət yolu üçün Azərbaycan işarət dilində videolar və asan oxunan bələdçilər hələ "
        "hazır deyil. Alternativ: 916 Çağrı Mərkəzi gecə-gündüz kömək edir.\n"
        "- Regional mərkəzlərin sxematik xəritəsi ekran oxuyucularından gizlədilib. Alternativ: eyni məlumat "
        "xəritənin altındakı siyahıdadır."
    ),
    "non_accessible_en": (
        "- Reports of earlier years are untagged PDF files that screen readers read poorly. Alternative: new "
        "reports have an HTML summary; ask for an accessible copy of an earlier report through 916.\n"
        "- Azerbaijani Sign Language videos and easy-read guides for the checker and the application journey "
        "are not ready yet. Alternative: the 916 call centre helps day and night.\n"
        "- The schematic map of the regional centres is hidden from screen readers. Alternative: the list "
        "under the map gives the same information."
    ),
    "non_accessible_ru": (
        "- Доклады прошлых лет — PDF-файлы без тегов, которые плохо читаются программами экранного доступа. "
        "Альтернатива: у новых докладов есть HTML-резюме; доступную копию прежнего доклада можно запросить "
        "через 916.\n"
        "- Видео на азербайджанском жестовом языке и руководства в лёгком для чтения формате для проверки и "
        "подачи обращения ещё не готовы. Альтернатива: колл-центр 916 помогает круглосуточно.\n"
        "- Схематическая карта региональных центров скрыта от программ экранного доступа. Альтернатива: те же "
        "сведения даны в списке под картой."
    ),
    "method_az": (
        "Hər ictimai səhifə Azərbaycan, ingilis və rus dillərində axe-core ilə avtomatik yoxlanılır (WCAG 2.0, "
        "2.1 və 2.2, A və AA səviyyələri) və yalnız klaviatura ilə əl ilə nəzərdən keçirilir."
    ),
    "method_en": (
        "Every public page is checked automatically with axe-core in Azerbaijani, English and Russian (WCAG 2.0, "
        "2.1 and 2.2, levels A and AA) and reviewed by hand with a keyboard only."
    ),
    "method_ru": (
        "Каждая публичная страница автоматически проверяется с помощью axe-core на азербайджанском, английском "
        "и русском языках (WCAG 2.0, 2.1 и 2.2, уровни A и AA) и вручную — только с клавиатуры."
    ),
    "feedback_phone": "916",
    "enforcement_az": (
        "Əvvəlcə bizə yazın və ya 916-ya zəng edin: cavab verəcək və bacardığımızı düzəldəcəyik. Cavabımız sizi "
        "qane etmirsə, Ombudsmana adi qaydada müraciət edə bilərsiniz (“Necə müraciət etməli” səhifəsinə baxın): "
        "müraciətiniz qeydə alınacaq və cavablandırılacaq."
    ),
    "enforcement_en": (
        "Write to us or call 916 first: we will answer and fix what we can. If our answer does not satisfy you, "
        "you can apply to the Ombudsman in the usual way (see “How to apply”): your application will be "
        "registered and answered."
    ),
    "enforcement_ru": (
        "Сначала напишите нам или позвоните по номеру 916: мы ответим и исправим то, что сможем. Если ответ вас "
        "не удовлетворит, вы можете обратиться к Омбудсмену в обычном порядке (см. «Как обратиться»): ваше "
        "обращение будет зарегистрировано и рассмотрено."
    ),
}

PAGES = {
    PageSlug.MANDATE: MANDATE,
    PageSlug.HOW_TO_APPLY: HOW_TO_APPLY,
    PageSlug.NPM: NPM,
    PageSlug.NAKHCHIVAN: NAKHCHIVAN,
    PageSlug.ACCESSIBILITY: ACCESSIBILITY,
}


def seed(stdout) -> int:
    """Write and publish the pages that are not there yet; returns how many were published."""
    writer = User.objects.get(username="awareness")
    publisher = User.objects.get(username="head.complaints")
    if not AccessibilityStatement.objects.exists():
        services.edit_statement(writer, **STATEMENT)
    published = 0
    for slug, texts in PAGES.items():
        if Page.objects.filter(slug=slug).exists():
            continue
        page = services.edit_page(writer, slug, **texts)
        services.publish_page(publisher, page)
        published += 1
    if published:
        stdout.write(f"  portal: {published} pages published")
    return published
