"""Texts of the demo recommendations in az, en and ru, and what the authorities answered (in
Azerbaijani, the language they write in). Kept apart from demo.py, which tells the story."""

from __future__ import annotations

RECOMMENDATIONS: dict[str, dict[str, str]] = {
    # In-depth visit to the Shuvalan pre-trial isolator (Penitentiary Service), domain.md §9 scenarios 9-10.
    "shower": {
        "az": "Duş blokunu üç ay ərzində təmir edin, isti suyu bərpa edin və hər saxlanılana həftədə ən azı "
        "iki dəfə çimmək imkanı yaradın.",
        "en": "Repair the shower block within three months, restore the hot water and let every detainee "
        "shower at least twice a week.",
        "ru": "В течение трёх месяцев отремонтировать душевой блок, восстановить горячее водоснабжение и "
        "обеспечить каждому содержащемуся возможность мыться не реже двух раз в неделю.",
    },
    "admission_exam": {
        "az": "Qəbul zamanı tibbi müayinəni feldşer deyil, həkim aparsın; hər xəsarət İstanbul Protokoluna "
        "uyğun qeydə alınsın və prokurora bildirilsin.",
        "en": "Have admission medical examinations carried out by a physician, not a paramedic; record every "
        "injury in line with the Istanbul Protocol and report it to the prosecutor.",
        "ru": "Обеспечить, чтобы медицинский осмотр при поступлении проводил врач, а не фельдшер; каждое "
        "телесное повреждение фиксировать согласно Стамбульскому протоколу и сообщать о нём прокурору.",
    },
    "admission_exam_repeat": {
        "az": "Təkrar tövsiyə: qəbul zamanı tibbi müayinəni həkim aparsın; bunun üçün tibb hissəsində "
        "növbətçi həkim ştatı 2025-ci ilin büdcəsində nəzərdə tutulsun.",
        "en": "Repeated: have admission examinations carried out by a physician, and provide for a duty "
        "physician's post in the medical unit in the 2025 budget.",
        "ru": "Повторно: медицинский осмотр при поступлении должен проводить врач; предусмотреть в бюджете "
        "на 2025 год ставку дежурного врача медицинской части.",
    },
    "overcrowding": {
        "az": "Saxlanılanların sayını layihə tutumuna (1 050 nəfər) endirmək üçün köçürmə planı hazırlayın və "
        "hər saxlanılana ən azı 4 m² yaşayış sahəsi təmin edin.",
        "en": "Draw up a transfer plan that brings the number held down to the design capacity of 1,050 and "
        "gives every detainee at least 4 m² of living space.",
        "ru": "Разработать план перевода, сокращающий число содержащихся до проектной вместимости в 1 050 "
        "человек, и обеспечить каждому не менее 4 м² жилой площади.",
    },
    "counsel_room": {
        "az": "Müdafiəçi ilə görüşlər üçün nəzarətçilərin görə bildiyi, lakin eşitmədiyi ayrıca otaq ayırın.",
        "en": "Set aside a separate room for meetings with counsel, within sight but out of hearing of the guards.",
        "ru": "Выделить отдельное помещение для встреч с защитником — в пределах видимости, но вне "
        "слышимости надзирателей.",
    },
    # Thematic visit to the educational institution for juveniles (Penitentiary Service).
    "schooling": {
        "az": "Yetkinlik yaşına çatmayanlar üçün həftədə beş gün tam həcmli məktəb təhsili təşkil edin.",
        "en": "Organise full-time schooling five days a week for the juveniles.",
        "ru": "Организовать для несовершеннолетних полноценное школьное обучение пять дней в неделю.",
    },
    "solitary": {
        "az": "Yetkinlik yaşına çatmayanlara intizam tənbehi kimi təkadamlıq kameraya salınmanı qadağan edin "
        "və daxili intizam qaydalarını buna uyğunlaşdırın.",
        "en": "Prohibit solitary confinement as a disciplinary punishment for juveniles and amend the internal "
        "disciplinary rules accordingly.",
        "ru": "Запретить одиночное помещение несовершеннолетних в качестве дисциплинарного взыскания и "
        "привести правила внутреннего распорядка в соответствие с этим.",
    },
    "psychologist": {
        "az": "Boş qalan psixoloq vəzifəsini üç ay ərzində tutun və hər yeni gələnlə psixoloji söhbət aparılsın.",
        "en": "Fill the vacant psychologist's post within three months and have the psychologist talk with "
        "every newcomer.",
        "ru": "В течение трёх месяцев заполнить вакантную должность психолога и обеспечить беседу психолога "
        "с каждым вновь прибывшим.",
    },
    # In-depth visit to a police temporary detention place (Ministry of Internal Affairs).
    "custody_register": {
        "az": "Saxlanılanların qeydiyyat jurnalında hər şəxsin gətirilmə saatı və dəqiqəsi qeyd edilsin; "
        "jurnalı hər növbədə şöbə rəisi yoxlasın.",
        "en": "Record the hour and minute each person is brought in; the head of the station checks the "
        "custody register every shift.",
        "ru": "Фиксировать в журнале учёта час и минуту доставления каждого лица; начальник отдела проверяет "
        "журнал каждую смену.",
    },
    "phone_call": {
        "az": "Hər saxlanılan şəxsə tutulduğu andan ən geci üç saat ərzində yaxınına zəng etmək imkanı "
        "verilsin və zəng jurnalda qeyd edilsin.",
        "en": "Let every detainee call a relative within three hours of arrest at the latest, and log the call.",
        "ru": "Предоставлять каждому задержанному возможность позвонить родственнику не позднее трёх часов с "
        "момента задержания и регистрировать звонок в журнале.",
    },
    "daylight": {
        "az": "Saxlama kameralarına təbii işığın düşməsini təmin edin və köhnəlmiş döşəkləri dəyişin.",
        "en": "Let daylight into the holding cells and replace the worn-out mattresses.",
        "ru": "Обеспечить естественное освещение камер и заменить изношенные матрасы.",
    },
    # Thematic visit to a boarding school (Ministry of Science and Education).
    "complaints_box": {
        "az": "Uşaqların məxfi şikayət edə bilməsi üçün şikayət qutusu qoyun və etibarlı şəxs təyin edin; "
        "qutunu yalnız rəhbərlikdən kənar şəxs açsın.",
        "en": "Put up a confidential complaints box and appoint a trusted person; the box is opened only by "
        "someone outside the management.",
        "ru": "Установить ящик для конфиденциальных жалоб и назначить доверенное лицо; ящик открывает только "
        "лицо, не входящее в руководство.",
    },
    "parents_calls": {
        "az": "Uşaqların valideynləri ilə telefon əlaqəsini həftədə bir dəfə ilə məhdudlaşdıran qaydanı ləğv edin.",
        "en": "Abolish the rule that limits children's phone calls with their parents to once a week.",
        "ru": "Отменить правило, ограничивающее телефонные звонки детей родителям одним разом в неделю.",
    },
    # Visit to a children's home (Ministry of Labour and Social Protection): still drafts.
    "educators_training": {
        "az": "Tərbiyəçilər üçün uşaq hüquqları və zorakılığın əlamətlərinin tanınması üzrə hər il təlim keçirin.",
        "en": "Give the educators yearly training on children's rights and on recognising the signs of abuse.",
        "ru": "Ежегодно проводить для воспитателей обучение по правам ребёнка и распознаванию признаков насилия.",
    },
    # Thematic report on social care homes (Ministry of Labour and Social Protection).
    "night_staff": {
        "az": "Ştat cədvəlini elə dəyişin ki, gecə növbəsində hər 30 sakinə ən azı bir baxıcı düşsün.",
        "en": "Change the staffing table so that at night there is at least one carer for every 30 residents.",
        "ru": "Изменить штатное расписание так, чтобы ночью на каждые 30 проживающих приходилось не менее "
        "одного сотрудника по уходу.",
    },
    "mattresses": {
        "az": "Bütün yataq xəstələri üçün yataq yaralarının qarşısını alan döşəklər alın.",
        "en": "Buy pressure-relief mattresses for every bedridden resident.",
        "ru": "Закупить противопролежневые матрасы для всех лежачих проживающих.",
    },
    "pensions": {
        "az": "Hər sakinə pensiyasının necə xərcləndiyi barədə hər ay yazılı hesabat verin.",
        "en": "Give every resident a written monthly account of how their pension is spent.",
        "ru": "Ежемесячно выдавать каждому проживающему письменный отчёт о расходовании его пенсии.",
    },
    "ramps": {
        "az": "Sosial xidmət müəssisələrinin binalarında pandus və əlçatan sanitar qovşaqlar quraşdırın.",
        "en": "Build ramps and accessible toilets in the buildings of the social care homes.",
        "ru": "Оборудовать здания учреждений социального обслуживания пандусами и доступными санузлами.",
    },
    # An application in which a violation was found.
    "appeal_handling": {
        "az": "Ərizəçinin müraciətinə qanunla müəyyən edilmiş müddətdə cavab verilməməsi ilə bağlı xidməti "
        "araşdırma aparın və vətəndaş müraciətlərinə baxılma qaydasına əməl olunmasını təmin edin.",
        "en": "Hold an internal inquiry into why the applicant's appeal was not answered within the statutory "
        "term, and make sure the rules on handling citizens' appeals are followed.",
        "ru": "Провести служебное расследование по факту того, что обращение заявителя не было рассмотрено в "
        "установленный законом срок, и обеспечить соблюдение порядка рассмотрения обращений граждан.",
    },
}

# Findings the demo adds to the isolator visit besides the ones every pre-trial isolator gets.
SHOWER_FINDING = {
    "az": "Duş blokunda isti su yoxdur, kranların yarısı işləmir; saxlanılanlar iki həftədə bir dəfə çimir.",
    "en": "The shower block has no hot water and half the taps are broken; detainees shower once a fortnight.",
    "ru": "В душевом блоке нет горячей воды, половина кранов не работает; содержащиеся моются раз в две недели.",
}
STILL_PARAMEDIC_FINDING = {
    "az": "Qəbul zamanı tibbi müayinəni yenə də yalnız feldşer aparır; həkim ştatı açılmayıb.",
    "en": "Admission examinations are still done by a paramedic alone; no physician's post has been opened.",
    "ru": "Медицинский осмотр при поступлении по-прежнему проводит только фельдшер; ставка врача не открыта.",
}

THEMATIC_REPORT = "Sosial xidmət müəssisələrində yaşlıların və əlilliyi olan şəxslərin hüquqları: tematik məruzə (2024)"

RESPONSES: dict[str, str] = {
    "shower": "Duş blokunun təmiri 2024-cü ilin III rübünün təmir planına daxil edilib.",
    "admission_exam": "Tövsiyə qəbul edilir; həkim ştatının ayrılması Nazirliyə təqdim olunub.",
    "overcrowding": "Saxlanılanların bir hissəsinin digər təcridxanalara köçürülməsi davam edir.",
    "counsel_room": "Müdafiəçi ilə görüşlər üçün ikinci mərtəbədə ayrıca otaq ayrılıb və təchiz olunub.",
    "admission_exam_repeat": "Ştat cədvəlində əlavə həkim vəzifəsi üçün vəsait nəzərdə tutulmayıb; müayinələri "
    "təcrübəli feldşerlər aparır.",
    "schooling": "Tövsiyə qəbul edilir; 2025-2026-cı tədris ilindən dərslər həftədə beş gün keçiriləcək.",
    "solitary": "Daxili intizam qaydalarına dəyişiklik layihəsi Ədliyyə Nazirliyinə göndərilib.",
    "psychologist": "2025-ci il 1 mart tarixindən psixoloq vəzifəsinə işçi təyin edilib.",
    "phone_call": "Qanunvericilik saxlanılanlara zəng etmək hüququnu artıq təmin edir; əlavə tədbirə ehtiyac yoxdur.",
    "daylight": "Kameraların təmiri 2024-cü ilin təmir planına daxil edilib.",
    "daylight_later": "Vəsait ayrılmadığı üçün kameraların təmiri 2026-cı ilə keçirilib.",
    "complaints_box": "Şikayət qutusu quraşdırılıb, etibarlı şəxs kimi məktəbin psixoloqu təyin edilib.",
    "night_staff": "Ştat cədvəlinə dəyişiklik hazırlanır.",
    "night_staff_later": "Gecə növbəsində baxıcıların sayı 30 müəssisədən 12-sində artırılıb.",
    "mattresses": "Bütün yataq xəstələri üçün 140 ədəd xüsusi döşək alınıb və müəssisələrə paylanıb.",
    "pensions": "Bütün müəssisələrdə sakinlərə aylıq xərc hesabatı verilməsinə başlanılıb.",
    "ramps": "Tövsiyə qəbul edilir; işlər binaların əsaslı təmiri ilə birlikdə aparılacaq.",
}
