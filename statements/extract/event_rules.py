"""Tables for upcoming events (shared/gold/GUIDELINES.md, "Upcoming events").

An event sentence names a happening (EVENT_NOUNS or EVENT_VERBS), carries a
date that ends after the statement's date, and is not told in the past.
Patterns are matched case-insensitively against one sentence.
"""

from __future__ import annotations

# One regular expression per line reads better than a wrapped one.
# fmt: off
# Nouns naming something that happens on a date. "strong" ones make a
# diplomatic happening by themselves; "weak" ones (a parade, a celebration, a
# ceremony) are events only where the text ties leaders or foreign guests to
# them ("приедет на празднование", "у Вас на параде", "a parade that leaders
# attend"; GUIDELINES.md, settled calls).
EVENT_NOUNS_STRONG = {
    "ru": (
        r"\b(?:встреч(?:а|е|и|у|ей|ами|ах|ам)?\b|визит\w*|переговор\w*|консультаци\w*|саммит\w*|форум\w*|сесси[яиюей]\w*|заседани\w*"
        r"|бизнес-мисси\w*|мисси[яиюей]|подписани\w*|председательств(?:о|а|е|ом|у)\b|учени[яйе]\b|учениях|выбор(?:ы|ов|ах|ам)\b|выборн\w+\s+кампани\w*"
        r"|конференци\w*|пресс-конференци\w*|совещани\w*|брифинг\w*|обмен\w*\s+(?:\w+\s+)?(?:пленн|военнопленн|удерживаем)\w*"
        r"|перемири\w*|прекращени\w+\s+огня|съезд\w*|конгресс\w*|ассамбле\w*|раунд\w*|турне|поездк\w*|референдум\w*|инаугураци\w*"
        # International contests and festivals bring foreign guests; domestic ones are no diplomatic happening.
        r"|международн\w+\s+(?:[\w-]+\s+){0,2}(?:конкурс|фестивал|выставк)\w*|(?:конкурс|фестивал)\w*\s+«"
        r"|совет\w*\s+глав|дни\s+(?:\w+\s+)?(?:культуры|кино)|дней\s+(?:\w+\s+)?(?:культуры|кино)"
        r"|встрет(?:ится|ятся|имся|иться)|посет(?:ит|ят|им|ить)|прибуд(?:ет|ут)|приед(?:ет|ут)"
        r"|возглавит|буд(?:ет|ут)\s+(?:\w+\s+)?(?:возглавлять|председательствовать|председателем))"
    ),
    "en": (
        r"\b(?:meetings?|visits?|talks|consultations?|summits?|forums?|fora|sessions?|missions?|signing|presidency|chairmanship|chairship"
        r"|(?:military|joint|naval|command-staff|command\s+staff)\s+exercises?|exercises|drills|elections?|polls|conferences?|news\s+conference|press\s+conference|briefings?"
        r"|exchange\s+of\s+(?:\w+\s+)?(?:prisoners|detainees|bodies)|(?:prisoner|POW)\s+exchange|ceasefire|truce|congress|round\s+of\s+(?:talks|consultations|negotiations)"
        r"|tour|trip|negotiations|referendum|inauguration|plenary|international\s+(?:\w+\s+){0,2}(?:contest|festival|exhibition)"
        r"|will\s+(?:\w+\s+)?(?:meet|visit|travel|hold|host|chair|preside|assume\s+the\s+(?:presidency|chairmanship)))\b"
    ),
}
EVENT_NOUNS_WEAK = {
    "ru": r"\b(?:парад\w*|празднован\w*|участи\w*\s+в\s+(?:[\w-]+\s+){0,3}мероприяти\w*|торжеств\w*|торжественн\w+\s+мероприяти\w*|праздничн\w+\s+мероприяти\w*|юбилейн\w+\s+мероприяти\w*|церемони\w*"
    r"|мероприяти\w*\s+(?:[\w-]+\s+){0,3}с\s+участием)",
    "en": r"\b(?:parades?|celebrations?|festivities|commemorations?|ceremon(?:y|ies)|events?\s+(?:\w+\s+){0,3}(?:with\s+the\s+participation|attended\s+by))\b",
}

# The happening is what an anniversary counts from ("25 лет подписания
# декларации", "the anniversary of the signing"), not an event itself.
ANNIVERSARY_OF = {
    "ru": r"(?:\bлет|лети[яею]|годовщин(?:а|ы|у|е|ой)|юбиле(?:й|я|ю|ем|е))\s+(?:\w+\s+){0,2}$",
    "en": r"(?:anniversary|years)\s+(?:of|since)\s+(?:the\s+)?(?:\w+\s+){0,1}$",
}

# A period a plan or programme covers ("the Action Plan for 2026–2029",
# "план действий до 2030 года") is not the date of an event.
PLAN_PERIOD = {
    "ru": r"(?:\bплан(?:а|у|ом|е|ы|ов|ам|ами|ах)?|\bпрограмм\w*|\bстратеги\w*|\bбюджет\w*|\bконцепци\w*|\bкарт[аыу])\s+(?:[\w-]+\s+){0,3}(?:на|до|в)?\s*$",
    "en": r"(?:plan|programme|program|strategy|roadmap|budget|concept|agenda)\s+(?:[\w-]+\s+){0,3}(?:for|until|to|through)?\s*$",
}

# Verbs and participles that put a happening in the future.
FUTURE_MARKERS = {
    "ru": (
        r"\b(?:состо[ия]тся|пройд[её]т|пройдут|продолж(?:ится|атся)|возобнов(?:ится|ятся)|буд(?:ет|ут)\s+(?:\w+\s+)?(?:проведен\w*|организован\w*|осуществл[её]н\w*|открыт\w*|подписан\w*|принят\w*|возглавлять|председательствовать|проходить|работать|обсужден\w*)"
        r"|провед[её]т|проведут|провед[её]м|посетит|посетят|посетим|встретится|встретятся|встретимся|прибудет|прибудут|приедет|приедут"
        r"|прим(?:ет|ут)\s+участие|возглавит|откроется|откроются|начн[её]тся|стартует|стартуют|соберутся|собер[её]тся|отправится|направится"
        r"|запланирован\w*|намечен\w*|планиру\w+|предстоит|предстоящ\w+|ожида\w+|грядущ\w+|очередн\w+|будущ\w+|назначен\w*|перенес[её]н\w*"
        r"|(?:договорились|условились|условлено|решили|решено|согласовали|намерены|собираемся|собираются|хотим)\s+(?:\w+\s+){0,3}(?:провести|встретиться|посетить|организовать|созвать|подписать|обменяться|продолжить|проводить)"
        r"|объявля(?:ет|ют|ем)|вступ(?:ит|ят)\s+в\s+силу|подготовк\w+\s+к|станет|станут"
        # The compound future: "будет участвовать", "будут работать".
        r"|буд(?:ет|ут|ем)\s+(?:\w+\s+)?\w+(?:ть|ться))"
    ),
    "en": (
        r"\b(?:will\s+(?:\w+\s+)?(?:be\s+held|take\s+place|hold|host|visit|meet|attend|participate|chair|preside|travel|arrive|begin|open|start|convene"
        r"|sign|head|lead|assume|continue|resume|be\s+hosted|be\s+convened|be\s+broadcast|deliver|address|pay|make|come|go|be\s+in|be\s+on|mark|enter)"
        r"|(?:is|are|was|were)\s+(?:\w+\s+)?(?:scheduled|planned|expected|set|due|slated|to\s+be\s+held|going\s+to)"
        r"|scheduled\s+(?:for|to)|upcoming|forthcoming|next|planned\s+for|to\s+be\s+held"
        r"|(?:agreed|decided|plan|plans|intend|intends)\s+to\s+(?:\w+\s+)?(?:hold|meet|visit|convene|organi[sz]e|sign)"
        r"|preparations?\s+for|will\s+become)\b"
    ),
}

# Verbs of the past: a sentence told in the past is history unless a future
# marker is there too. Russian past verbs are found by morphology.
PAST_MARKERS = {
    "en": (
        r"\b(?:was|were|had|did|held|took|met|went|came|made|gave|said|told|saw|began|led|paid|sent|brought|found|became|won)\b"
        # Any other "-ed" word but the adjectives and participles that do not tell a past.
        r"|\b(?!(?:united|limited|advanced|concerned|interested|based|related|dedicated|armed|unprecedented|scheduled|planned|expected"
        r"|proposed|intended|shared|agreed|detailed|needed|supposed|used|required|called|so-called|red|bed|need|speed|seed|feed|indeed"
        r"|hundred|sacred|naked|wicked|beloved|learned|aged|renewed|continued|increased|reduced|enhanced|sustained|coordinated"
        r"|integrated|dedicated|accredited)\b)[a-z]{3,}ed\b"
    ),
}

# Holidays and anniversaries are not events by themselves.
HOLIDAY = {
    "ru": (
        r"\b(?:праздник\w*|годовщин\w*|юбиле\w*|\d+-лети\w*|[а-яё]+летие|[а-яё]+летию|[а-яё]+летия|лет\s+(?:со\s+дня|с\s+момента|установлени|подписани)"
        r"|дн[её]м?\s+победы|новым?\s+год\w*|рамадан\w*|ураза-байрам\w*|поздрав\w+|отмеча\w+|отметим|отметить|исполня\w+|исполнится)"
    ),
    "en": (
        r"\b(?:holidays?|anniversary|jubilee|day\s+of|new\s+year|christmas|ramadan|congratulat\w+|greetings|will\s+mark|marks|marking|commemorat\w+)\b|(?-i:\bDay\b)"
    ),
}
# Taking part, which turns a celebration into an event (leaders attend it).
PARTICIPATION = {
    "ru": (
        r"\b(?:участи[еяю]|участвовать|прим(?:ет|ут)\s+участие|приедет|приедут|посетит|посетят|прибудет|прибудут|направит|визит\w*|встрет\w+"
        r"|у\s+(?-i:Вас)\s+на|буд(?:ет|ут|у|ем|ете)\s+(?:\w+\s+)?(?:у\s+(?-i:Вас)|в\s+Москве)|лидер\w*|глав\w*\s+государств\w*|гост\w*|делегаци\w*)"
    ),
    "en": r"\b(?:attend|participate|participation|visit|will\s+come|will\s+arrive|meet|leaders?|heads\s+of\s+state|guests?|delegations?)\w*",
}

# An invitation made or accepted, or attendance confirmed: the guest's coming
# is the happening ("ждём Вас в Москве 9 мая", "подтвердил своё участие в
# праздновании", "was invited to the summit in November"). It stands even in a
# wish ("был бы рад видеть Вас ...").
INVITATION = {
    "ru": (
        r"\b(?:жд[её]м\s+(?:\w+\s+)?(?-i:(?:Вас|вас|тебя|Ваш\w*|[А-ЯЁ]\w+))|(?:будем\s+|был\s+бы\s+|были\s+бы\s+)?рад\w*\s+(?:\w+\s+)?(?:видеть|принять|приветствовать)\s+(?:Вас|вас|тебя)"
        r"|рассчитыва\w+\s+(?:\w+\s+)?(?:видеть|увидеть|принять)\s+(?:Вас|вас|тебя)|пригла(?:сил|сила|сили|шает|шаем|шают|ш[её]н|шена|шено|шены)\b|приглашени\w*\s+(?:\w+\s+){0,2}(?:принял\w*|принято|посетить|приехать|принять\s+участие)"
        r"|принял\w*\s+(?:\w+\s+)?приглашени\w*|подтвердил\w*\s+(?:сво[её]\s+|его\s+|их\s+)?(?:участие|приезд|визит|присутствие))"
    ),
    "en": (
        r"\b(?:look(?:s|ing)?\s+forward\s+to\s+(?:seeing|welcoming|receiving|hosting)|(?:was|were|has\s+been|have\s+been)\s+invited\s+to|invit(?:ed|es)\s+(?:\w+\s+){1,4}to\s+(?:attend|visit|take\s+part|participate|the)"
        r"|accepted\s+(?:\w+\s+)?invitation|confirmed\s+(?:his|her|their|its)?\s*(?:participation|attendance|visit))\b"
    ),
}
# What an invitation with no noun of its own is titled.
INVITATION_TITLE = {"ru": "визит", "en": "visit"}

# No event: negated ("не состоится"), hoped for, or a question.
NEGATED = {
    "ru": r"\b(?:не|нет)\s+(?:\w+\s+)?(?:состо|пройд|будет|будут|планиру|намечен|запланирован|проведет|проведёт)",
    "en": r"\b(?:not|never|no\s+longer|cancel\w*|postpone\w*|called\s+off)\b",
}
HOPE = {
    "ru": r"\b(?:надеемся|надеюсь|надеется|рассчитыва\w+|хотелось\s+бы|было\s+бы|если|возможно|может\s+быть|не\s+исключ\w+|предлага\w+|призыва\w+)",
    "en": r"\b(?:hope|hopes|hoped|would|could|might|if|possibly|perhaps|propose\w*|suggest\w*|call\w*\s+for)\b",
}
# Scheduling words strong enough to stand even inside a hope.
SCHEDULED = {
    "ru": r"\b(?:состо[ия]тся|пройд[её]т|пройдут|намечен\w*|запланирован\w*|назначен\w*)",
    "en": r"\b(?:will\s+be\s+held|will\s+take\s+place|scheduled|planned\s+for)\b",
}

# Cheap test before the date finder runs: something that may be a date.
DATE_HINT = {
    "ru": (
        r"\d|январ|феврал|март|апрел|ма[йяею]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|\bгод|\bгг?\.|недел|весн|лет(?:ом|а)\b"
        r"|осен|зим|квартал|полугоди|декад|месяц|завтра|понедельник|вторник|сред[уа]|четверг|пятниц|суббот|воскресень"
    ),
    "en": (
        r"\d|January|February|March|April|May|June|July|August|September|October|November|December|\byear|\bweek|\bmonth"
        r"|spring|summer|autumn|\bfall\b|winter|quarter|half|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    ),
}

# Words that end a title phrase.
TITLE_STOP = {
    "ru": r"(?:[,;:.!?()«»\"–—]|\s(?:который|которая|которое|которые|где|когда|чтобы|что|а\s+также|и\s+примет|в\s+связи|в\s+ходе|в\s+рамках|по\s+итогам|с\s+целью|с\s+тем)\b)",
    "en": r"(?:[,;:.!?()\"–—]|\s(?:which|who|where|when|that|will|is|are|was|were|to\s+be|in\s+order|on\s+(?:the\s+)?(?:\w+day|\d))\b)",
}
TITLE_MAX_WORDS = 14

# Prepositions before a venue.
PLACE_PREPOSITIONS = {"ru": ("в", "во", "на"), "en": ("in", "at")}
# Capitalised words after "in"/"at" that are not places.
NOT_PLACES_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "The", "This", "That", "Russian", "English", "French", "Spanish", "Arabic", "Chinese", "Russia's",
)
# fmt: on
