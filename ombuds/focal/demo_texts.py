"""Texts of the authority portal's demo: what the Commissioner asked and recommended, and what the
Ministry of Internal Affairs and the Penitentiary Service answered. Letters to the authorities are
written in Azerbaijani; recommendations carry their English and Russian versions as well."""

from __future__ import annotations

REPORT_TITLE = {
    "mia": "Polis şöbələrində saxlanılan şəxslərin hüquqlarına dair tematik məruzə (2025)",
    "penitentiary_service": "Penitensiar müəssisələrdə tibbi xidmət və saxlanma şəraitinə dair tematik məruzə (2025)",
}

# Complaints behind the information requests (summaries as an officer types them).
SUMMARIES = {
    "mia": [
        "Oğlum rayon polis şöbəsinə aparılıb, iki gün ərzində ailəyə məlumat verilməyib.",
        "Polis əməkdaşları saxlanılma zamanı müdafiəçi ilə görüşə icazə verməyib.",
        "Şikayətimin qeydə alınmasından polis şöbəsində imtina olunub.",
        "Müvəqqəti saxlama yerində həkimə müraciət cavabsız qalıb.",
        "Saxlanılma protokolunda vaxt düzgün göstərilməyib.",
        "Şəxsiyyət vəsiqəsi iki aydır verilmir, müraciət cavabsızdır.",
    ],
    "penitentiary_service": [
        "Məhkumun həkimə müraciətləri cavabsız qalır.",
        "Cəzaçəkmə müəssisəsində görüşlərin sayı əsassız məhdudlaşdırılıb.",
        "Təcridxanada kamerada həddindən artıq sıxlıq var.",
        "Məhkuma göndərilən bağlamalar ona çatdırılmır.",
        "Məhkumun başqa müəssisəyə köçürülməsi barədə ərizəsinə cavab verilməyib.",
        "Məhkumun pəhriz yeməyi ilə təmin olunmadığı bildirilir.",
    ],
}

QUESTIONS = {
    "mia": [
        "Şəxsin polis şöbəsinə gətirildiyi vaxt, ailəsinə nə vaxt və kim tərəfindən məlumat verildiyi barədə "
        "məlumat və saxlanılanların qeydiyyat kitabından çıxarış təqdim etməyinizi xahiş edirik.",
        "Saxlanılan şəxsin müdafiəçi ilə görüşü hansı tarixdə və saatda təmin edilib? Görüşə icazə verilməməsi "
        "halı araşdırılıbmı?",
        "Şikayətin qeydə alınmasından imtinanın səbəbi və bu barədə görülmüş tədbirlər barədə məlumat verin.",
        "Müvəqqəti saxlama yerində tibbi yardım üçün müraciətlərin qeydiyyatı və göstərilmiş yardım barədə "
        "məlumat təqdim edin.",
        "Saxlanılma protokolunun və növbətçi hissənin jurnalının surətlərini təqdim etməyinizi xahiş edirik.",
        "Şəxsiyyət vəsiqəsinin verilməsinin gecikməsinin səbəbi və vəsiqənin veriləcəyi tarix barədə məlumat verin.",
    ],
    "penitentiary_service": [
        "Məhkumun son üç ayda tibbi hissəyə müraciətləri, aparılmış müayinələr və təyin edilmiş müalicə barədə "
        "məlumat təqdim edin.",
        "Görüşlərin məhdudlaşdırılmasının hüquqi əsası və bu barədə qərarın surəti barədə məlumat verin.",
        "Təcridxanada hazırkı tutum və faktiki saxlanılanların sayı, kameralar üzrə bölgü barədə məlumat verin.",
        "Məhkumun adına daxil olmuş bağlamaların qeydiyyatı və təhvil verilməsi barədə məlumat təqdim edin.",
        "Köçürülmə barədə ərizəyə baxılmasının nəticəsi və verilmiş cavabın surəti barədə məlumat verin.",
        "Həkimin pəhriz yeməyi barədə təyinatı və onun icrası barədə məlumat təqdim edin.",
    ],
}

PORTAL_REPLY = {
    "mia": (
        "Şəxs 14:20-də polis şöbəsinə gətirilib, ailəsinə 15:05-də növbətçi tərəfindən telefonla məlumat verilib. "
        "Qeydiyyat kitabından çıxarış əlavə olunur."
    ),
    "penitentiary_service": (
        "Məhkum son üç ayda tibbi hissəyə dörd dəfə müraciət edib, hər dəfə həkim tərəfindən müayinə olunub; "
        "tibbi kartdan çıxarış əlavə olunur."
    ),
}
LATE_REPLY = {
    "mia": "Protokol və növbətçi hissənin jurnalının surətləri əlavə olunur; vaxtın göstərilməsində texniki səhv olub.",
    "penitentiary_service": "Köçürülmə barədə ərizəyə baxılıb, məhkum 2 saylı Cəzaçəkmə Müəssisəsinə köçürülüb.",
}
ESCALATION_REASON = {
    "mia": "İki xatırlatmadan sonra cavab verilməyib; Daxili İşlər Nazirliyinin rəhbərliyinə məktub göndərilib.",
    "penitentiary_service": "Xatırlatmadan sonra cavab verilməyib; Ədliyyə Nazirliyinə məktub göndərilib.",
}
ATTACHMENT_TEXT = {
    "mia": "Saxlanılanların qeydiyyat kitabından çıxarış",
    "penitentiary_service": "Tibbi kartdan çıxarış",
}

# Recommendations by the state the demo leaves them in: (az, en, ru).
RECOMMENDATIONS = {
    "mia": {
        "issued": (
            "Polis şöbələrində saxlanılan şəxslərə hüquqları barədə yazılı məlumat üç dildə verilsin.",
            "Give people held in police stations written information on their rights in three languages.",
            "Выдавать задержанным в отделах полиции письменную информацию об их правах на трёх языках.",
        ),
        "no_response": (
            "Hər saxlanılan şəxsin gətirilmə və buraxılma vaxtı elektron qeydiyyat sistemində qeyd olunsun.",
            "Record the time of arrival and release of every detained person in an electronic register.",
            "Фиксировать время доставления и освобождения каждого задержанного в электронном журнале.",
        ),
        "accepted": (
            "Saxlanılan şəxsin ailəsinə saxlanılma barədə üç saat ərzində məlumat verilsin və bu qeyd olunsun.",
            "Inform the family of a detained person within three hours and record that it was done.",
            "Сообщать семье задержанного о задержании в течение трёх часов и фиксировать это.",
        ),
        "rejected": (
            "Müvəqqəti saxlama yerlərində dindirmə otaqlarında video yazı aparılsın.",
            "Record interviews on video in the interview rooms of temporary detention places.",
            "Вести видеозапись допросов в комнатах для допросов изоляторов временного содержания.",
        ),
        "in_progress": (
            "Müvəqqəti saxlama yerlərinin kameralarında təbii işıq və havalandırma təmin edilsin.",
            "Provide daylight and ventilation in the cells of temporary detention places.",
            "Обеспечить естественное освещение и вентиляцию в камерах изоляторов временного содержания.",
        ),
        "reported_implemented": (
            "Saxlanılan şəxslərin müdafiəçi ilə görüşü üçün dəhlizdən eşidilməyən ayrıca otaq ayrılsın.",
            "Set aside a separate room, not heard from the corridor, for detained people to meet their lawyers.",
            "Выделить для встреч задержанных с защитниками отдельную комнату, не прослушиваемую из коридора.",
        ),
        "implemented": (
            "Polis şöbələrinin növbətçi hissələrində Ombudsmanın qaynar xəttinin nömrəsi görünən yerdə asılsın.",
            "Display the Ombudsman's hotline number where it can be seen in the duty rooms of police stations.",
            "Разместить номер горячей линии Омбудсмена на видном месте в дежурных частях отделов полиции.",
        ),
        "partially_implemented": (
            "Müvəqqəti saxlama yerlərinə qəbul zamanı hər şəxs tibb işçisi tərəfindən müayinə olunsun.",
            "Have every person admitted to a temporary detention place examined by a health worker.",
            "Обеспечить медицинский осмотр каждого поступающего в изолятор временного содержания.",
        ),
    },
    "penitentiary_service": {
        "issued": (
            "Məhkumların həkimə müraciətləri vahid jurnalda qeydə alınsın və 24 saat ərzində cavablandırılsın.",
            "Register prisoners' requests to see a doctor in one log and answer them within 24 hours.",
            "Регистрировать обращения осуждённых к врачу в едином журнале и отвечать на них в течение 24 часов.",
        ),
        "no_response": (
            "Uzunmüddətli görüşlər üçün otaqların sayı məhkumların sayına uyğun artırılsın.",
            "Increase the number of rooms for long visits in line with the number of prisoners.",
            "Увеличить число комнат для длительных свиданий соразмерно числу осуждённых.",
        ),
        "accepted": (
            "Təcridxanada hər saxlanılan şəxsə gündə ən azı bir saat açıq havada gəzinti təmin edilsin.",
            "Give every detainee in the isolator at least one hour of outdoor exercise a day.",
            "Обеспечить каждому содержащемуся в изоляторе не менее часа прогулки на свежем воздухе в день.",
        ),
        "rejected": (
            "Məhkumlara ailələri ilə həftədə bir dəfə video zəng imkanı yaradılsın.",
            "Allow prisoners a weekly video call with their families.",
            "Предоставить осуждённым возможность еженедельного видеозвонка с семьёй.",
        ),
        "in_progress": (
            "Təcridxananın tibbi hissəsində diş həkimi vəzifəsi yaradılsın və tutulsun.",
            "Create and fill a dentist's post in the isolator's medical unit.",
            "Создать и заполнить должность стоматолога в медицинской части изолятора.",
        ),
        "reported_implemented": (
            "Təcridxananın qəbul bölməsində gözləmə kameraları oturacaq və içməli su ilə təchiz edilsin.",
            "Equip the holding cells of the isolator's admission unit with seating and drinking water.",
            "Оборудовать камеры ожидания приёмного отделения изолятора сиденьями и питьевой водой.",
        ),
        "implemented": (
            "Şikayət qutuları müəssisə əməkdaşlarının nəzarəti olmadan açılsın, açılış Ombudsmana bildirilsin.",
            "Have complaint boxes opened without the staff's control and report each opening to the Ombudsman.",
            "Вскрывать ящики для жалоб без контроля персонала учреждения и сообщать о вскрытии Омбудсмену.",
        ),
        "partially_implemented": (
            "Bütün kameralarda isti su və işlək tualet təmin edilsin.",
            "Provide hot water and a working toilet in every cell.",
            "Обеспечить горячую воду и исправный туалет в каждой камере.",
        ),
    },
}

# What the authority answered (the portal's answers are typed by the focal point).
RESPONSES = {
    "accepted": "Tövsiyə qəbul edilir; müvafiq əmr layihəsi hazırlanır və ay ərzində qüvvəyə minəcək.",
    "rejected": "Tövsiyə qəbul edilmir: maliyyə vəsaiti ayrılmayıb və qanunvericilik dəyişikliyi tələb olunur.",
    "in_progress": "İşlərə başlanılıb: müəssisələrin yarısında podrat müqaviləsi bağlanıb, qalanları ilin sonunadək.",
    "reported_implemented_before": "Tövsiyə qəbul edilir, icrası üçün tədbirlər planı təsdiq olunub.",
    "reported_implemented": "Tövsiyə icra olunub: işlər başa çatıb, təhvil-təslim aktı və şəkillər əlavə olunur.",
    "implemented": "Tövsiyə icra olunub; rəhbərin əmri və görülmüş işlərin şəkilləri əlavə olunur.",
    "partially_implemented": "İşlər davam edir: müəssisələrin bir hissəsində tamamlanıb, qalanları gələn il.",
}
# How each body numbers its outgoing letters (the reference staff type in with a letter).
LETTER_PREFIX = {"mia": "DİN", "penitentiary_service": "PX"}
EVIDENCE_TITLE = "Təhvil-təslim aktı"
VERIFIED_NOTE = "Əmrin surəti və şəkillər yoxlanılıb; yerində yoxlama tələb olunmur."
PARTLY_NOTE = "Cavaba görə işlər müəssisələrin yalnız bir hissəsində görülüb."
