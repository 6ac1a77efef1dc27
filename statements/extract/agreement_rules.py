"""Trigger and exclusion tables for agreements (shared/gold/GUIDELINES.md, "Agreements").

Each trigger row is (name, pattern, kind, needs). `needs` says what else the
sentence must show before the trigger counts:

- ""        the trigger is reciprocal by itself (договорились, условлено, agreed to);
- "joint"   the subject must name both sides (решили, продолжат, will continue);
- "mutual"  an impersonal or passive report must carry a mutual marker and no
            single holder ("Подтверждён настрой на развитие российско-саудовского
            сотрудничества", not "Подтверждена готовность российской стороны");
- "plural"  an English verb without number: the subject must not be one side
            ("The Sides reaffirmed", not "The Russian Side reaffirmed");
- "shared"  a shared state ("общее видение") must be the speaker's side's:
            "у нас", "мы", both sides named, or an impersonal opening
            ("В наличии общая решимость").

Patterns are matched case-insensitively against one sentence.
"""

from __future__ import annotations

import re

# One regular expression per line reads better than a wrapped one.
# fmt: off
FLAGS = re.IGNORECASE

# --- Russian building blocks -------------------------------------------------

# Objects that make a confirmation a shared commitment, not a mere remark.
RU_COMMITMENT = (
    r"(?:приверженност|готовност|нацеленност|намерени|заинтересованност|настро[йяюе]"
    r"|решимост|стремлени|желани|курс|договор[её]нност|актуальност|позици|принцип"
    r"|взаимопонимани)\w*"
)
RU_DOCUMENT = (
    r"(?:совместн\w*+\s+(?:решени|заявлени|декларац|коммюнике|документ|план|программ)"
    r"|заявлени|декларац|документ|план|программ|резолюц|коммюнике|меморандум"
    r"|дорожн\w*+\s+карт|пакет|итогов\w*+\s+документ|соглашени|договор\b|договор[аы]|конвенц"
    r"|устав|концепц|стратеги|протокол|положени)\w*+"
)
# Nouns of a view or approach, and adjectives saying two of them are the same.
RU_VIEW = r"(?:позици|подход|взгляд|оценк|оценок|точк\w*\s+зрения|точек\s+зрения|мнени|видени|иде[яиюей]\b|понимани)\w*+"
RU_SAME = r"(?:схож|близк|общ|един|одинаков|совпадающ|идентичн|сходн)"
RU_CONSENSUS = r"(?:договор[её]нност|соглашени|понимани|консенсус|компромисс|согласи[ея])\w*"

# --- English building blocks -------------------------------------------------

EN_COMMITMENT = (
    r"(?:commitment|readiness|intention|interest|resolve|determination|desire|position"
    r"|course|aspiration|willingness|support for|adherence|dedication|common course"
    r"|mutual \w+|shared \w+)"
)
EN_DOCUMENT = (
    # Not again from inside a run of "joint final ..." (each start would reread the run).
    r"(?:(?<!joint )(?<!final )(?<!outcome )(?<!bilateral )(?:a |an |the )?(?:joint |final |outcome |bilateral )*+"
    r"(?:statement|declaration|document|plan|programme|program|resolution|communiqu[eé]"
    r"|memorandum|roadmap|road map|agreement|treaty|protocol|package|decision|concept|charter))"
)

# (name, pattern, kind, needs)
TRIGGERS_RU: tuple[tuple[str, str, str, str], ...] = (
    # Reciprocal verbs in the plural: the verb itself says both sides acted.
    ("договорились", r"\bдоговорились\b", "agreed", ""),
    ("условились", r"\bусловились\b", "agreed", ""),
    # "согласились" alone is often one side accepting: the subject must name both.
    ("согласились", r"\bсогласились\b", "agreed", "joint"),
    ("согласовали", r"\bсогласовали\b", "agreed", ""),
    ("подписали", r"\bподписали\b", "agreed", ""),
    ("заключили", r"\bзаключили\b", "agreed", ""),
    ("достигли", rf"\bдостигли\s+(?:\w+\s+){{0,2}}{RU_CONSENSUS}", "agreed", ""),
    ("приняли документ", rf"\b(?:приняли|утвердили|одобрили)\s+(?:\w+\s+){{0,2}}{RU_DOCUMENT}", "agreed", ""),
    ("решили", r"\bрешили\b", "agreed", "joint"),
    ("приняли решение", r"\b(?:приняли|принимаем)\s+(?:\w+\s+)?решени\w*", "agreed", "joint"),
    ("принято решение", r"\b(?:принят[оаы]?|было\s+принято)\s+(?:\w+\s+)?решени\w*|\bрешени\w*\s+(?:\w+\s+){0,3}(?:было\s+|были\s+)?принят[оаы]?\b", "agreed", "mutual"),
    # Impersonal reports of kremlin.ru readouts: "Условлено о продолжении контактов".
    ("условлено", r"\b(?:условлено|договорено)\b", "agreed", ""),
    # "решено" as "it was decided", not "solved": an infinitive or a clause follows.
    ("решено", r"\b(?:было\s+)?решено\s+(?:\w+\s+)?(?:\w+ть(?:ся)?|что|о|об)\b", "agreed", ""),
    ("согласовано", r"\b(?:было\s+)?согласован[оаы]?\b", "agreed", ""),
    # Short passive participles: "подписан пакет документов", "принято Совместное заявление".
    ("подписано", r"\bподписан[аоы]?\b", "agreed", ""),
    ("заключено", r"\bзаключ[её]н[аоы]?\b\s+(?:\w+\s+){0,2}(?:соглашени|договор|контракт|меморандум)", "agreed", ""),
    ("принято", rf"\b(?:принят[аоы]?|утвержд[её]н[аоы]?|одобрен[аоы]?)\s+(?:\w+\s+){{0,3}}{RU_DOCUMENT}", "agreed", ""),
    ("принято после", rf"{RU_DOCUMENT}\s+(?:\w+\s+){{0,3}}(?:был[аио]?\s+)?(?:принят[аоы]?|утвержд[её]н[аоы]?)\b", "agreed", ""),
    ("достигнуто", rf"\bдостигнут[аоы]?\s+(?:\w+\s+){{0,2}}{RU_CONSENSUS}", "agreed", ""),
    ("есть понимание", r"\b(?:есть|имеется|сложилось|появилось)\s+(?:общее\s+|полное\s+|взаимное\s+|чёткое\s+|четкое\s+)?понимание\b", "agreed", ""),
    ("состоялось подписание", r"\bсостоял(?:ось|ась)\s+(?:\w+\s+){0,2}(?:подписани|церемони\w*\s+подписани)", "agreed", ""),
    # Joint confirmations of a shared position or readiness.
    ("подтвердили", rf"\b(?:подтвердили|вновь\s+подтвердили)\s+(?:\w+\s+){{0,3}}{RU_COMMITMENT}", "reaffirmed", ""),
    ("выразили", r"\b(?:выразили|заявили\s+о|высказались\s+за)\s+(?:\w+\s+){0,2}(?:готовност|заинтересованност|настро|решимост|намерени|стремлени|приверженност)\w*", "reaffirmed", ""),
    ("подтверждён", rf"\b(?:подтвержд[её]н[аоы]?|выражен[аоы]?|подч[её]ркнут[аоы]?|отмечен[аоы]?|констатирован[аоы]?|зафиксирован[аоы]?|акцентирован[аоы]?)\s+(?:\w+\s+){{0,3}}{RU_COMMITMENT}", "reaffirmed", "mutual"),
    ("подтверждён после", rf"\b{RU_COMMITMENT}\s+(?:\w+\s+){{0,4}}(?:был[аио]?\s+)?(?:подтвержд[её]н[аоы]?|выражен[аоы]?|подч[её]ркнут[аоы]?)\b", "reaffirmed", "mutual"),
    ("едины", r"\b(?:едины\s+в|едины\s+во|мы\s+едины|единодушны)\b", "reaffirmed", ""),
    ("сошлись", r"\b(?:сошлись|сходимся)\s+во?\s+(?:мнени|оценк|понимани|том)\w*", "reaffirmed", ""),
    ("позиции совпадают", r"\bпозиции\s+(?:[\w-]+\s+){0,8}(?:совпадают|близки|идентичны|схожи)\b", "reaffirmed", ""),
    ("совпадают позиции", r"\b(?:совпадают|близки|идентичны)\s+(?:\w+\s+){0,2}позиции\b", "reaffirmed", ""),
    ("единые позиции", r"\b(?:с|на|с\s+общих\s+и)\s+единых\s+позиций\b|\bединство\s+позиций\b|\bединую\s+позицию\b|\bобщность\s+(?:позиций|подходов|взглядов)\b|\bсовпадение\s+(?:позиций|подходов|взглядов|оценок)\b", "reaffirmed", ""),
    ("общее видение", r"(?<!\w)\bобщ(?:ее|ая|ий|ую|ей|его|ие|их)\s+(?:[\w-]+\s+)?(?:видение|понимание|решимость|желание|позици[яюи]|подход|взгляд|настрой|заинтересованность|стремление|нацеленность|готовность)\b", "reaffirmed", "shared"),
    ("обоюдный", r"\b(?:обоюдн|взаимн)\w*\s+(?:[\w-]+\s+)?(?:настро[йя]|готовност|заинтересованност|решимост|приверженност|нацеленност|стремлени|желани|намерени)\w*", "reaffirmed", "mutual"),
    # A joint future commitment stated as settled: "Стороны продолжат ...".
    ("стороны продолжат", r"\b(?:продолжат|будут\s+(?:и\s+далее|и\s+впредь|впредь|далее|продолжать|вместе|совместно|сообща|активно|тесно|находиться\s+в\s+(?:\w+\s+)?контакте|поддерживать|развивать|укреплять|координировать)|намерены)\b", "reaffirmed", "joint"),
    # Shared views in other words than "позиции совпадают": a verb of holding
    # a view with an adjective of sameness ("придерживаются схожих позиций",
    # "выступают с общих позиций"), or the adjective before a noun of view
    # ("у нас единая позиция", "идентичные подходы") when the view is the
    # speaker's side's or both sides'.
    ("придерживаются схожих позиций", rf"\b(?:придержива\w+|занима\w+|выступа\w+\s+с|исход\w+\s+из|стоим\s+на|стоят\s+на)\s+(?:\w+\s+){{0,2}}{RU_SAME}\w*\s+(?:\w+\s+)?{RU_VIEW}", "reaffirmed", "shared"),
    ("единая позиция", rf"\b(?:един|одинаков|схож|идентичн|сходн|совпадающ|близк)\w*\s+(?:[\w-]+\s+)?{RU_VIEW}", "reaffirmed", "shared"),
    ("позиция одинаковая", rf"{RU_VIEW}\s+(?:у\s+нас\s+|у\s+(?:наших|обеих|двух)\s+\w+\s+)?(?:абсолютно\s+|полностью\s+|во\s+многом\s+|очень\s+|практически\s+)?(?:един|одинаков|схож|идентичн|сходн|близк)(?:ая|ые|ое|ий|ый|ы|а|о|и)\b", "reaffirmed", "shared"),
    # A view named before by a pronoun: "она у нас единая", "они совпадают".
    ("она у нас единая", r"\b(?:она|они|оно)\s+(?:у\s+нас\s+)?(?:абсолютно\s+|полностью\s+)?(?:единая|едины|единое|одинаковая|одинаковые|совпадают|идентичны)\b", "reaffirmed", "shared"),
    # A joint state, when the subject names both sides: "Россия и Турция готовы
    # ...", "Два государства привержены ...", "солидарны в подходах".
    ("стороны подтверждают", r"\b(?:подтверждают|вновь\s+подтверждают|выражают|разделяют|констатируют)\b", "reaffirmed", "joint"),
    ("стороны готовы", r"\b(?:привержены|готовы|намерены|настроены|нацелены|заинтересованы|солидарны|полны\s+решимости)\b", "reaffirmed", "joint"),
    # Agreement with the person addressed or a named counterpart: "я согласен
    # с Вами", "согласился с Дональдом Трампом в том, что". To a journalist it
    # is no agreement between countries: see `press` in classify().
    ("согласен с Вами", r"\b(?:согласен|согласна|согласился|согласилась)\s+(?:\w+\s+){0,2}с\s+(?-i:(?:Вами|Вашей|Вашим|[А-ЯЁ]\w+))|\bс\s+(?-i:Вами)\s+(?:\w+\s+)?(?:согласен|согласна|согласны)\b", "reaffirmed", "counterpart"),
    # A signing told as a ceremony or an exchange of signed papers.
    ("церемония обмена", rf"\b(?:состоял\w*|прош(?:[её]л|ла|ло|ли)|провели|проведена?)\s+(?:\w+\s+){{0,3}}(?:обмен\w*|подписани\w*)\s+(?:\w+\s+){{0,2}}(?:{RU_DOCUMENT}|грамот\w*|нот(?:ами|ы)\b|подписанн\w+)", "agreed", ""),
    ("обменялись документами", r"\bобменял(?:ись|ся)\s+(?:\w+\s+){0,2}(?:документ\w*|грамот\w*|нотами|соглашени\w*|меморандум\w*|подписанн\w+)", "agreed", ""),
    # The end of agreeing on a text: "завершено согласование текста договора".
    ("завершено согласование", r"\b(?:заверш\w+|заверш[её]н\w*)\s+(?:\w+\s+)?согласовани\w*", "agreed", ""),
    # A past agreement of the two speaking: "Мы с Вами договаривались об этом".
    ("договаривались", r"\b(?:договаривались|условливались|уславливались)\b", "agreed", "joint"),
    # A confirmed or agreed schedule of meetings: "подтверждён график встреч".
    ("подтверждён график", r"\b(?:подтвержд[её]н\w*|согласован\w*|утвержд[её]н\w*)\s+(?:\w+\s+)?(?:график|сроки|даты|дата|календар|программ\w*\s+визит)\w*", "reaffirmed", ""),
    # Coming to a shared result: "пришли к договорённости", "нашли компромисс".
    # ("У нас есть договорённости по ..." tells of what exists, not of what the talks reached.)
    ("пришли к договорённости", rf"\bпришли\s+к\s+(?:\w+\s+)?{RU_CONSENSUS}", "agreed", ""),
    ("пришли к общему мнению", r"\bпришли\s+к\s+(?:общему|единому|совместному)\s+(?:мнению|выводу|пониманию)", "reaffirmed", ""),
    ("нашли компромисс", r"\b(?:нашли|найден[аоы]?)\s+(?:\w+\s+)?(?:компромисс\w*|общий\s+язык|взаимоприемлем\w+\s+(?:решени|формул|вариант)\w*|развязк\w*)", "agreed", ""),
    # Positions that are alike, named as such: "отметили близость позиций".
    ("близость позиций", r"\b(?:близост|схожест|сходств|идентичност|созвучност|совпадени|общност|единств)\w*\s+(?:\w+\s+){0,2}(?:позиций|подходов|взглядов|оценок)\b", "reaffirmed", ""),
    # A resolve stressed as mutual: "подчеркнули обоюдную заинтересованность".
    ("подчеркнули обоюдную", r"\b(?:подчеркнули|отметили|констатировали|зафиксировали)\s+(?:\w+\s+)?(?:обоюдн|взаимн|общ)\w*\s+(?:готовност|заинтересованност|настро|решимост|приверженност|нацеленност|стремлени|желани|намерени)\w*", "reaffirmed", ""),
    ("будет поддерживаться", r"^\W*(?:\w+\s+){0,3}(?:будет|будут)\s+(?:\w+\s+)?(?:поддерживаться|продолжен[аоы]?|продолжаться|предприняты|укрепляться|развиваться|наращиваться|активизирован[аоы]?|интенсифицирован[аоы]?)\s+(?:\w+\s+){0,3}(?:координаци|совместн|взаимодейств|контакт|диалог|сотрудничеств|консультаци)\w*", "reaffirmed", ""),
)

TRIGGERS_EN: tuple[tuple[str, str, str, str], ...] = (
    ("agreed", r"\b(?:have\s+|has\s+|had\s+|also\s+|both\s+|jointly\s+|further\s+|then\s+)?agreed\s+(?:\w+\s+)?(?:to|that|in\s+principle|with\s+each\s+other)\b", "agreed", "plural"),
    ("agreed on", r"\b(?:have|has|had|also|both|we|they|sides|parties|leaders|presidents|ministers|countries)\s+agreed\s+(?:on|upon)\b", "agreed", "plural"),
    ("it was agreed", r"\b(?:it\s+)?(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:agreed|decided|settled)\b", "agreed", ""),
    ("reached", r"\b(?:reached|achieved|struck)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:agreement|understanding|consensus|accord|deal|compromise)\b", "agreed", "plural"),
    ("agreement to", r"\b(?:with|concluded\s+with|came\s+to)\s+an\s+agreement\s+(?:to|that|on)\b", "agreed", ""),
    ("signed", r"\bsigned\s+(?!up\b|off\b|a\s+decree|an?\s+executive|the\s+decree|into\s+law|by\b|in\b|on\b|with\b)", "agreed", "plural"),
    ("was signed", r"\b(?:was|were|have\s+been|has\s+been)\s+signed\b", "agreed", ""),
    ("concluded", rf"\bconcluded\s+{EN_DOCUMENT}", "agreed", "plural"),
    ("adopted", rf"\b(?:adopted|approved|endorsed)\s+{EN_DOCUMENT}", "agreed", "plural"),
    ("was adopted", rf"{EN_DOCUMENT}\s+(?:\w+\s+){{0,6}}(?:was|were)\s+(?:\w+\s+)?(?:adopted|approved|endorsed)\b", "agreed", ""),
    ("decided", r"\bdecided\s+(?:to|that|on)\b", "agreed", "joint"),
    ("reaffirmed", rf"\b(?:reaffirmed|confirmed|reiterated|expressed)\s+(?:once\s+again\s+)?(?:[\w'’-]+\s+){{0,4}}{EN_COMMITMENT}", "reaffirmed", "plural"),
    ("expressed mutual", r"\b(?:expressed|voiced|declared)\s+(?:\w+\s+)?(?:mutual|shared|common|joint|unanimous|identical|similar)\s+\w+", "reaffirmed", "plural"),
    # A participle after the sides' own verb: "The Leaders discussed ..., confirming their mutual commitment".
    ("confirming", rf"\b(?:reaffirming|confirming|reiterating|expressing)\s+(?:once\s+again\s+)?(?:[\w'’-]+\s+){{0,3}}{EN_COMMITMENT}", "reaffirmed", "plural_clause"),
    ("reaffirmed that", r"\b(?:reaffirmed|confirmed)\s+(?:once\s+again\s+)?that\b", "reaffirmed", "plural"),
    ("was reaffirmed", rf"\b{EN_COMMITMENT}\s+(?:\w+\s+){{0,14}}(?:was|were)\s+(?:once\s+again\s+|also\s+)?(?:reaffirmed|confirmed|reiterated|expressed|noted|emphasi[sz]ed|underlined|underscored|stressed|highlighted)\b", "reaffirmed", "mutual"),
    ("was reaffirmed before", rf"^\W*(?:\w+\s+){{0,2}}{EN_COMMITMENT}\s+(?:was|were)\s+(?:once\s+again\s+|also\s+)?(?:reaffirmed|confirmed|reiterated|expressed|noted|emphasi[sz]ed|underlined|underscored|stressed|highlighted)\b", "reaffirmed", "mutual"),
    # A long subject: "The mutual commitment of Moscow and Kigali to ... was reaffirmed."
    ("subject was reaffirmed", rf"^\W*(?:the\s+)?(?:\w+\s+){{0,2}}{EN_COMMITMENT}\b[^.;:]*?\b(?:was|were)\s+(?:once\s+again\s+|also\s+)?(?:reaffirmed|confirmed|reiterated|expressed|noted|emphasi[sz]ed|underlined|underscored|stressed|highlighted)\b", "reaffirmed", "mutual"),
    # "share" as a verb: a word comes between it and the noun ("share aligned
    # positions"), unlike the adjective of "a shared commitment to ...";
    # "shared our assessment" is telling it, not holding it in common.
    ("share the view", r"\b(?:share|shared|sharing)\s+(?!(?:our|their|his|her|its|my|your)\s)(?:[\w-]+\s+){1,3}(?:view|views|understanding|position|positions|approach|approaches|assessment|assessments|vision|stance|stances|commitment|perspective)\b", "reaffirmed", "plural"),
    ("mutual understanding", r"\b(?:mutual|common|shared)\s+understanding\s+(?:of|that|on|regarding)\b", "reaffirmed", ""),
    ("positions coincide", r"\bpositions\s+(?:\w+\s+){0,4}(?:coincide|are\s+(?:very\s+)?close|are\s+identical|are\s+similar|converge)\b|\b(?:identical|coinciding|common|close|similar)\s+positions\b", "reaffirmed", ""),
    # Coming to a shared result: "came to an understanding", "an agreement was reached", "found a compromise".
    ("came to an understanding", r"\bcame\s+to\s+(?:a\s+|an\s+|the\s+)?(?:common\s+|shared\s+|mutual\s+)?(?:understanding|agreement|consensus|compromise)\b", "agreed", "plural"),
    ("agreement was reached", r"\b(?:agreement|understanding|consensus|deal|accord|arrangement|compromise)s?\s+(?:\w+\s+){0,6}?(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:reached|achieved|struck|found)\b", "agreed", ""),
    ("found common ground", r"\bfound\s+(?:a\s+)?(?:\w+\s+)?(?:compromise|common\s+ground|mutually\s+acceptable\s+solution)\b", "agreed", "plural"),
    # Positions that are alike, named as such: "noted the closeness of positions".
    ("closeness of positions", r"\b(?:similarity|closeness|convergence|coincidence|identity|proximity|commonality|alignment)\s+of\s+(?:[\w'’-]+\s+){0,3}(?:positions|views|approaches|assessments|stances)\b", "reaffirmed", ""),
    # The sides' resolve stressed as mutual: "The leaders stressed their mutual interest in ...".
    ("stressed mutual", r"\b(?:stressed|emphasi[sz]ed|underlined|underscored|noted|highlighted)\s+(?:their\s+|the\s+)?(?:mutual|shared|common)\s+(?:interest|commitment|desire|resolve|determination|readiness|intention|willingness)\b", "reaffirmed", "plural"),
    ("sides intend", r"\b(?:intend|intends|are\s+determined|are\s+committed|remain\s+committed|are\s+ready|stand\s+ready)\s+to\b", "reaffirmed", "joint"),
    ("will continue", r"\bwill\s+(?:continue|further|maintain|keep|strengthen|expand|coordinate|intensify|deepen|work\s+together|jointly)\b", "reaffirmed", "joint"),
    ("contacts will continue", r"^\W*(?:\w+\s+){0,2}(?:contacts?|coordination|cooperation|dialogue|consultations|interaction)\s+will\s+(?:continue|be\s+maintained|be\s+intensified|be\s+stepped\s+up)\b", "reaffirmed", ""),
)

# A joint document speaks for all its signatories in the present tense: "We
# reaffirm our commitment ...", "Мы подтверждаем ...". Only there is "we" both sides.
JOINT_DOCUMENT_TRIGGERS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "ru": (
        ("мы подтверждаем", r"\bмы\s+(?:(?:вновь|также|ещё\s+раз|еще\s+раз|твёрдо|твердо|полностью|решительно)\s+)?(?:подтверждаем|заявляем\s+о|выражаем\s+(?:\w+\s+)?(?:готовност|приверженност|решимост|намерени|поддержк)\w*|договорились|согласились|согласны|привержены|готовы|намерены|едины|разделяем|выступаем\s+за)", "reaffirmed", "joint_document"),
    ),
    "en": (
        ("we reaffirm", r"\bwe\s+(?:(?:once\s+again|again|also|further|fully|firmly|strongly|jointly|collectively)\s+)?(?:reaffirm|reiterate|confirm|agree|share|are\s+(?:committed|determined|ready|united|resolved))\b", "reaffirmed", "joint_document"),
    ),
}

TRIGGERS = {"ru": TRIGGERS_RU + JOINT_DOCUMENT_TRIGGERS["ru"], "en": TRIGGERS_EN + JOINT_DOCUMENT_TRIGGERS["en"]}

# Lower-case stems one of which every trigger contains: a sentence with none
# of them is skipped before any pattern runs (most sentences are).
TRIGGER_HINTS = {
    "ru": (
        "договор", "условил", "условлен", "соглас", "подпис", "заключ", "достиг", "принял", "принят", "утверд",
        "утвержд", "одобр", "решил", "решено", "понимани", "подтвер", "выразил", "выражен", "высказал", "заявили о",
        "подчеркн", "подчёркн", "отмечен", "акцентир", "констатир", "зафиксир", "едины", "единодуш", "единых", "единств",
        "единую", "сошлись", "сходимся", "совпада", "близки", "идентичн", "схожи", "общее", "общая", "общий",
        "общую", "общей", "общего", "общие", "общих", "общност", "обоюдн", "взаимн", "продолжат", "намерены",
        # "будут и далее ...", "Будет поддерживаться ...".
        "будут и", "будут впредь", "будут наход", "будут разв", "будут укреп", "будут коорд", "будут далее", "будут вместе", "будут совместно", "будут сообща",
        "позиц", "подход", "взгляд", "оценк", "оценок", "зрения", "мнени", "видени", "идея", "идеи", "идею", "идеей", "единая", "единое", "одинаков", "привержен", "готовы", "намерены", "настроены", "нацелены", "заинтересованы", "солидарн", "решимости", "согласен", "согласна", "обмен", "церемони", "заверш", "договарив", "условлив", "уславлив", "график", "сроки", "даты", "дата",
        "подтверждают", "выражают", "выступают за", "выступаем за", "разделяют", "разделяем", "констатируют", "заявляем", "выражаем",
        "пришли к", "нашли", "найден", "близост", "схожест", "сходств", "созвучн", "подчеркнули", "отметили",
        "будут активно", "будут тесно", "будет поддерж", "будут поддерж", "будет продолж", "будут продолж",
        "будут предпр", "будет предпр", "будет укреп", "будут укреп", "будет разв", "будут разв", "будет нара",
        "будут нара", "будет актив", "будут актив", "будет интенс", "будут интенс",
    ),
    "en": (
        "agree", "decided", "settled", "reached", "achieved", "struck", "signed", "conclu", "adopt", "approv",
        "endors", "reaffirm", "confirm", "reiterat", "express", "voiced", "declared", "shar", "understanding",
        "position", "will ", "stance", "commitment", "unanimous", "committed", "determined", "are ready", "are united", "are resolved",
        "came to", "found", "similarity", "closeness", "convergence", "coincidence", "identity", "proximity", "commonality",
        "alignment", "stressed", "emphasi", "underline", "underscore", "noted", "highlight", "intend", "stand ready",
    ),
}

# --- Who is speaking ---------------------------------------------------------

# A subject that names both sides, or the speaker with a counterpart.
# A word holding a capital at a word boundary that is not its last character, read
# from the word's start: matches where "\\b[А-ЯЁ][\\w-]+" would, without trying again
# from every capital of one long hyphenated word.
FIRST_CAPITALISED_WORD_RU = r"(?<![\w-])(?>[\w-]*?\b(?-i:[А-ЯЁ])[\w-]++)"
FIRST_CAPITALISED_WORD_EN = r"(?<![\w-])(?>[\w-]*?\b(?-i:[A-Z])[\w-]++)"
JOINT_SUBJECT = {
    "ru": (
        r"\b(?:(?<!со\s)(?<!с\s)стороны|(?<!со\s)(?<!с\s)сторонам|обе\s+стороны|обеих\s+сторон|лидеры|президенты|главы\s+(?:государств|двух|МИД|внешнеполитических|правительств)"
        r"|министры|премьер-министры|руководители|делегации|партн[её]ры\s+по\s+переговорам|наши\s+страны|обе\s+страны|две\s+страны|двух\s+стран|обеих\s+стран"
        r"|(?:два|оба|обоих|двух)\s+(?:государств\w*|президент\w*|лидер\w*|министр\w*|правительств\w*|народ\w*)|(?:две|обе)\s+(?:страны|державы|республики)"
        r"|мы\s+с\s+(?:вами|(?-i:[А-ЯЁ])\w+|коллег|президент|премьер|министр|господин)\w*|наши\s+государства"
        r"|(?:Россия|Москва|РФ|Российская\s+Федерация)\s+и\s+(?-i:[А-ЯЁ]))"
        # "Россия и Китай будут", "Лаос и Россия": a capitalised word (or a part of one
        # after a hyphen) and another. Tried once a word, from its start, to the first
        # capital: from each capital of "А-А-А-..." the engine would read the rest again.
        rf"|{FIRST_CAPITALISED_WORD_RU}\s+и\s+(?-i:[А-ЯЁ])[\w-]++\s+(?:продолжат|будут|намерены|решили|договорились|условились|готовы|привержены|солидарны|едины|настроены|нацелены|заинтересованы|придерживаются|выступают)"
        rf"|{FIRST_CAPITALISED_WORD_RU}\s+и\s+(?:Россия|Москва|РФ)"
    ),
    "en": (
        r"\b(?:the\s+sides|the\s+parties|both\s+sides|both\s+parties|both\s+countries|both\s+nations|both\s+leaders|both\s+presidents|the\s+two\s+(?:countries|sides|nations|states|leaders|presidents|ministers|governments|delegations)"
        r"|the\s+leaders|the\s+presidents|the\s+ministers|the\s+heads\s+of\s+state|the\s+foreign\s+ministers|our\s+countries|our\s+two|our\s+nations"
        r"|(?:Russia|Moscow|the\s+Russian\s+Federation)\s+and\s+(?:the\s+)?(?-i:[A-Z]))\b"
        rf"|{FIRST_CAPITALISED_WORD_EN}\s+and\s+(?:Russia|Moscow)\b"
    ),
}

# Markers that make an impersonal report mutual ("Подчёркнут обоюдный настрой").
MUTUAL = {
    "ru": (
        r"(?:\bобоюдн|\bвзаимн|\bобщ(?:ий|ая|ее|ую|ей|его|ие|их)\b|\bсовместн|\bдвусторонн|\bобеих\b|\bобоих\b|\bобе\s+стороны|\bдвух\s+(?:стран|государств|сторон|лидеров)"
        r"|\bсторон\b|\bлидеров\b|\bпрезидентов\b|\bроссийско-[а-яё]+|\b[а-яё]+-российск|\bмежду\s+(?:нашими|двумя)\b|\bстратегическ\w+\s+партн[её]рств)"
    ),
    "en": (
        r"(?:\bmutual|\bjoint|\bshared\b|\bcommon\b|\bboth\b|\bbilateral|\btwo\s+countries|\bthe\s+sides\b|\bthe\s+parties\b|\bRussia[-–](?-i:[A-Z])\w+|\b(?-i:[A-Z])\w+[-–]Russia"
        r"|\bof\s+(?:Moscow|Russia)\s+and\s+(?-i:[A-Z])|\b(?:Moscow|Russia)['’]s\s+and\s+(?-i:[A-Z])\w+['’]s|\bour\s+(?:two\s+)?countries)"
    ),
}

# One side alone holds the commitment: the report is not joint.
SINGLE_HOLDER = {
    "ru": (
        r"(?:\b(?:готовност|настро|заинтересованност|решимост|приверженност|намерени|стремлени|позици)\w*\s+(?:\w+\s+)?(?:российской|[а-яё]+ской|[а-яё]+ской\s+и\s+[а-яё]+ской)\s+стороны"
        r"|\b(?:готовност|настро|заинтересованност|решимост|приверженност|намерени|стремлени|позици)\w*\s+(?:\w+\s+)?(?:России|Москвы|РФ)\b(?!\s+и\s)"
        r"|^\W*(?:\w+\s+){0,3}с\s+(?:российской|[а-яё]+ской)\s+стороны)"
    ),
    "en": (
        r"(?:\b(?:the\s+)?Russian\s+(?:Side|side|party)\b(?!\s+and)|\bRussia['’]s\s+(?:readiness|commitment|position|interest|intention)\b(?!\s+and))"
    ),
}

# English subjects that are plural: "The Sides reaffirmed", "They agreed",
# "Sergey Lavrov and his counterpart signed". Without one the verb is one side's.
EN_PLURAL_SUBJECT = (
    r"\b(?:we|they)\b"
    r"|\b(?:the|both|all|two|three|these|our|their)\s+(?:[\w'’-]+\s+){0,2}(?:sides|parties|leaders|presidents|ministers|heads|countries"
    r"|nations|states|delegations|allies|participants|governments|partners|members|counterparts|negotiators|foreign\s+ministers)\b"
    r"|^\W*(?:sides|parties|leaders|presidents|ministers)\b"
    # The talks themselves as the subject: "The meeting reaffirmed both Sides' readiness".
    r"|\b(?:the|this|today['’]s|their|our)\s+(?:[\w-]+\s+){0,2}(?:meeting|talks|conversation|negotiations|consultations|summit|discussion)\b"
    # "Russia and China": from a word's start, as FIRST_CAPITALISED_WORD_EN.
    r"|(?<![\w'’-])(?>[\w'’-]*?(?-i:\b[A-Z])[\w'’-]*+)\s+and\s+(?:the\s+|his\s+|her\s+|their\s+)?(?-i:[A-Z])"
)

# A commitment toward the partner alone ("readiness to continue assisting our
# Namibian friends") is one side's promise, not a shared one.
UNILATERAL_OBJECT = {
    "ru": r"(?:готовност|намерени|настро)\w*\s+(?:\w+\s+){0,3}(?:оказ\w+|предостав\w+|помога\w+|помочь|поставля\w+)",
    "en": r"\b(?:readiness|commitment|intention|willingness)\s+(?:\w+\s+){0,2}to\s+(?:continue\s+)?(?:assist|provid|help|support|supply|offer)\w*",
}

# --- Exclusions --------------------------------------------------------------

# Checked on the text just before the trigger.
NEGATED_BEFORE = {
    "ru": r"(?:\bне|\bни|\bнет|\bникогда\s+не|\bтак\s+и\s+не)\s+(?:\w+\s+){0,2}$",
    "en": r"(?:\bnot|\bnever|\bno\s+longer|\bfailed\s+to|n['’]t|\bneither|\bnor)\s+(?:\w+\s+){0,2}$",
}
NOT_ONLY = {"ru": r"\bне\s+только\b", "en": r"\bnot\s+only\b"}
MODAL_BEFORE = {
    "ru": (
        r"(?:\bбы\b|\bесли\b|\bнадеемся|\bнадеюсь|\bрассчитыва\w+|\bхотелось|\bхотим|\bхотели|\bпредлага\w+|\bпризыва\w+|\bпланиру\w+"
        r"|\bможно|\bнужно|\bнадо|\bдолжны|\bсможем|\bудастся|\bожида\w+|\bесли\s+бы|\bкогда|\bчтобы|\bпосле\s+того\s+как|\bкак\s+(?:мы\s+|и\s+|уже\s+|ранее\s+)*$"
        r"|\bгде\b|\bуверен\w*|\bубежд[её]н\w*|\bпредполага\w+)"
        # The modal's reach ends at a contrast: "не хотим, но твёрдо условились".
        r"(?:(?!,\s*(?:но|а|однако)\b)[^.;:!?]){0,60}$"
    ),
    "en": (
        r"(?:\bwould\b|\bcould\b|\bshould\b|\bmight\b|\bmay\b|\bmust\b|\bif\b|\bunless\b|\bhope|\bexpect|\bwish|\bpropos|\burg|\bcall\s+on|\bonce\b|\bwhen\b|\bafter\b"
        r"|\bas\s+(?:was\s+|we\s+|they\s+|had\s+been\s+)?(?:previously\s+|earlier\s+|already\s+)?$|\bwhere\b|\bin\s+order\s+to|\bso\s+as\s+to|\bseek\w*\s+to|\bstriv\w+|\btry\w*\s+to|\bconfident|\bbelieve|\bsure\b|\bconvinced|\btrust\b)"
        r"(?:(?!,\s*(?:but|yet|however)\b)[^.;:!?]){0,50}$"
    ),
}
# A future or a plan right before a participle: "будет подписано", "to be signed".
FUTURE_BEFORE = {
    "ru": r"\b(?:будет|будут|должн\w*\s+быть|может\s+быть|могут\s+быть|планируется|предстоит|предполагается)\s+(?:\w+\s+){0,2}$",
    "en": r"\b(?:(?:will|shall|would|could|should|may|might|must)\s+(?:\w+\s+)?(?:be\s+)?|to\s+be\s+|be\s+)(?:\w+\s+)?$",
}
# The trigger inside a relative clause describes a thing, not the talks:
# "договор, который мы подписали", "a treaty which was signed".
RELATIVE_BEFORE = {
    "ru": r"\b(?:котор\w+)\b[^,;:.!?–—]{0,60}$",
    "en": r"\b(?:which|who|whom|whose|that)\s+(?:(?:was|were|is|are|has|have|had|been|we|they|he|she|it|the\s+\w+)\s+){0,2}$",
}
# A relative pronoun after a preposition starts an adverbial clause, which may
# well report the agreement: "церемония, в ходе которой министры подписали",
# "a ceremony during which the Ministers signed".
RELATIVE_ADVERBIAL = {
    "ru": r"\b(?:в\s+ходе|по\s+итогам|во\s+время|в\s+рамках|при|после|на|в)\s+$",
    "en": r"\b(?:during|at|after|following|in|under|through|by)\s+$",
}
# Checked on the text just after the trigger: "as agreed earlier", "договорились ранее".
AFTER_TRIGGER_EXCLUSIONS = {
    "ru": r"^\s*(?:ранее|раньше|прежде|в\s+прошлом)\b",
    "en": r"^\s*(?:earlier|previously|before|in\s+the\s+past)\b",
}
# Checked on the whole sentence.
SENTENCE_EXCLUSIONS = {
    "ru": (
        # One side's domestic act, not an agreement between countries.
        r"\b(?:указ(?:а|ом|е|ы|ов)?|закон(?:а|ом|е|ы|ов|опроект\w*)?|распоряжени\w*|указани\w*)\b",
        # The speaker alone ("мною подписано").
        r"\bмно(?:ю|й)\b",
        # Domestic partners of "мы договорились с ...".
        r"\bс\s+(?:\w+\s+)?(?:губернатор|правительств|министерств|(?-i:Мин)[а-яё]+|регион|работодател|руководством\s+(?:области|края|региона|республики|компании)|депутат|бизнес|предпринимател|коллегами\s+из\s+правительства|вуз|компани|застройщик|банк)\w*",
        # A single agent of a passive ("Правительством утверждён план").
        r"\b(?:правительством|министерством|ведомством|генштабом|думой|парламентом|комиссией|губернатором|администрацией|судом|судами|инвестором)\b",
        # Someone else's quoted document title ("Декларация ..., принятая").
        r"^\W*(?:список\s+документов|перечень\s+документов)",
    ),
    "en": (
        # A country's own law, not international law.
        r"\b(?:decree|executive\s+order|bill|ordinance)\b|(?<!international\s)(?<!humanitarian\s)\blaw\b",
        r"^\W*(?:list\s+of\s+documents)",
    ),
}

# History: agreements of earlier years cited as background.
HISTORY = {
    "ru": (
        r"\b(?:\w+\s+)?(?:лет|год|года|месяц\w*|недел\w*|дн(?:я|ей)|день|десятилети\w*|век\w*)\s+назад\b",
        r"\bв\s+сво[её]\s+время\b",
        r"\bв\s+прошлом\s+(?:году|веке|столетии|десятилетии)\b",
        r"\bв\s+(?:советское|те|то)\s+время\b|\bв\s+те\s+годы\b|\bещ[её]\s+в\s+(?:\d|советск)",
        r"\bв\s+\d{2}-[хе]\s+годах\b|\bв\s+(?:середине|конце|начале)\s+\d{2}-[хе]\b",
        # An accord known by its place's name, told as signed: "Минские соглашения были подписаны".
        # A capitalised adjective ("Минские соглашения"), read once a word from its start.
        r"(?<![а-яё])(?>[а-яё]*?(?-i:[А-ЯЁ])[а-яё]{3,}+)(?<=ие|ое|ий|ая)\s+(?:соглашени[яе]|договор[её]нности|договор|акт|декларация)\s+(?:\w+\s+)?(?:был[аио]?\s+)?(?:подписан[аоы]?|заключ[её]н[аоы]?|достигнут[аоы]?|приняты?)\b",
    ),
    "en": (
        r"\b(?:\d+|a\s+few|several|many|a|two|three|four|five|ten)\s+(?:\w+\s+)?(?:years?|months?|weeks?|decades?)\s+ago\b",
        r"\b(?:back\s+)?in\s+the\s+(?:mid-|early\s+|late\s+)?\d{2,4}['’]?s\b",
        r"\bat\s+(?:that|the)\s+time\b|\bback\s+then\b|\blast\s+(?:year|century|decade)\b",
        r"\bas\s+early\s+as\b",
        r"(?-i:\b[A-Z])\w+\s+(?:agreements?|accords?|declaration|act|treaty)\s+(?:\w+\s+)?(?:was|were|had\s+been)\s+(?:signed|concluded|reached|adopted)\b",
    ),
}
# An explicit year; history when it is earlier than the statement's year and
# not the far end of a plan ("до 2030 года", "for 2024-2026").
YEAR = re.compile(r"(?<![\d.,/-])(1[89]\d\d|20\d\d)(?![\d.,]\d)")
YEAR_NOT_HISTORY_BEFORE = r"(?:\bдо|\bк|\bна|\bпо|\bс|\buntil|\bby|\bthrough|\bfor|\bfrom|\bbeyond|[-–—])\s*(?:\d{1,2}\s+\w+\s+|конца\s+|end\s+of\s+)?$"
# A year in a document's date ("Договор от 6 декабря 2024 года", "подписанного
# ... 2024 года", "dated June 20, 2024") dates the document, not the report.
# Participles only: "It was signed on 5 December 1994" is history.
YEAR_OF_DOCUMENT_BEFORE = (
    r"(?:\bот|\bподписанн\w*|\bзаключ[её]нн\w*|\bпринят(?:ого|ой|ых|ый|ая|ое|ым|ому|ую)|\bутвержд[её]нн\w*|\bdated)"
    r"\s+(?:on\s+|в\s+)?(?:\w+\s+\d{1,2},?\s+|\d{1,2}\s+\w+\s+)?$"
)
YEAR_NOT_HISTORY_AFTER = r"^\s*+(?:г\.|гг\.|годы|годов|годах|-й|-го)?\s*+[-–—]\s*(?:20\d\d|\d\d)\b"
# A range of years: history when it ended before the statement's year.
YEAR_RANGE = re.compile(r"(?<![\d.,/-])(1[89]\d\d|20\d\d)\s*[-–—]\s*(1[89]\d\d|20\d\d|\d\d)(?![\d.,]\d)")

# A sentence that sets an earlier year as the frame ("In 2025, ...") passes it
# to the next sentence of the paragraph when that one refers back to it.
FRAME_START = {
    "ru": r"^\W*(?:в|во|с)\s+(?:\w+\s+){0,2}(1[89]\d\d|20\d\d)\b",
    "en": r"^\W*(?:in|on|back\s+in|during)\s+(?:\w+\s+){0,2}(1[89]\d\d|20\d\d)\b",
}
ANAPHORIC_START = {
    "ru": r"^\W*(?:тогда|там|в\s+ходе\s+(?:той|этой|неё|нее|них|этих)|на\s+(?:той|этой)\s+встрече|в\s+(?:своих|этих|тех)\s+(?:посланиях|письмах|документах))\b",
    "en": r"^\W*(?:then|there|in\s+(?:their|these|those|this|that)|at\s+(?:that|the)\s+(?:time|meeting)|during\s+(?:that|the|those|this)\b)",
}

# An impersonal opening that reports the sides' shared state ("В наличии общая решимость").
SHARED_START = {
    "ru": r"^\W*(?:в\s+наличии|есть|имеем|имеется|налицо|у\s+нас|отмечен\w*|констатирован\w*|подтвержд\w+)\b",
    "en": r"^\W*(?:there\s+is|we\s+have|there\s+was)\b",
}

# First person plural: the speaker's side is among the agreeing parties.
FIRST_PERSON = {
    "ru": r"\b(?:мы|нас|нам|нами|наш\w*)\b",
    "en": r"\b(?:we|us|our|ours)\b",
}

# Organisations that may be parties, by their common acronym.
ORGANISATIONS = {
    "ru": (
        (r"\bШОС\b|Шанхайск\w+\s+организаци", "SCO"),
        (r"\bБРИКС\b", "BRICS"),
        (r"\bЕАЭС\b|Евразийск\w+\s+экономическ\w+\s+союз", "EAEU"),
        (r"\bОДКБ\b", "CSTO"),
        (r"\bСНГ\b|Содружеств\w+\s+Независимых", "CIS"),
        (r"\bАСЕАН\b", "ASEAN"),
        (r"\bЛАГ\b|Лиг\w+\s+арабских\s+государств", "LAS"),
        (r"\bОПЕК\b", "OPEC"),
        (r"\bАфриканск\w+\s+союз", "AU"),
        (r"\bЕС\b|Евросоюз|Европейск\w+\s+союз", "EU"),
        (r"\bООН\b|Организаци\w+\s+Объедин[её]нных\s+Наций", "UN"),
        (r"\bНАТО\b", "NATO"),
        (r"\bОБСЕ\b", "OSCE"),
        (r"\bЭКОВАС\b", "ECOWAS"),
        (r"\bОИС\b|Организаци\w+\s+исламского\s+сотрудничества", "OIC"),
        (r"\bССАГПЗ\b|Совет\w*\s+сотрудничества\s+арабских\s+государств\s+Залива", "GCC"),
        (r"\bСЕЛАК\b", "CELAC"),
        (r"\bАТЭС\b", "APEC"),
        (r"\bАГС\b|Альянс\w*\s+государств\s+Сахеля", "AES"),
        (r"«Группы\s+двадцати»|\bG20\b|«Группа\s+двадцати»|\bГ20\b", "G20"),
    ),
    "en": (
        (r"\bSCO\b|Shanghai\s+Cooperation\s+Organi[sz]ation", "SCO"),
        (r"\bBRICS\b", "BRICS"),
        (r"\bEAEU\b|Eurasian\s+Economic\s+Union", "EAEU"),
        (r"\bCSTO\b", "CSTO"),
        (r"\bCIS\b|Commonwealth\s+of\s+Independent\s+States", "CIS"),
        (r"\bASEAN\b", "ASEAN"),
        (r"\bLAS\b|League\s+of\s+Arab\s+States|Arab\s+League", "LAS"),
        (r"\bOPEC\b", "OPEC"),
        (r"\bAfrican\s+Union\b", "AU"),
        (r"\bEU\b|European\s+Union", "EU"),
        (r"\bUN\b|United\s+Nations", "UN"),
        (r"\bNATO\b", "NATO"),
        (r"\bOSCE\b", "OSCE"),
        (r"\bECOWAS\b", "ECOWAS"),
        (r"\bOIC\b|Organi[sz]ation\s+of\s+Islamic\s+Cooperation", "OIC"),
        (r"\bGCC\b|Gulf\s+Cooperation\s+Council", "GCC"),
        (r"\bCELAC\b", "CELAC"),
        (r"\bAPEC\b", "APEC"),
        (r"\bAES\b|Alliance\s+of\s+Sahel\s+States", "AES"),
        (r"\bG20\b|Group\s+of\s+Twenty", "G20"),
    ),
}
# fmt: on
