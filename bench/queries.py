"""The judged researcher queries: what each asks about, written down before any ranking was tuned.

Each query names its subject as groups of patterns over the raw text (title
and body, either language); a statement is about the query when every group
occurs in it. The grade follows how much of the statement is about it
(bench.relevance.grade):

  3  its title names every group, or it returns to the subject six times or more;
  2  three mentions or more of each group, or all of them in the lead;
  1  mentioned (each group at least once);
  0  not about it.

`python -m bench.relevance judge` applies this to a database holding the
shared corpus and writes the grades to bench/judgments.json, which nDCG@10 is
computed from. The patterns are deliberately independent of the search code
(regular expressions over surface text, not lemmas or lexemes), so the
judgments do not simply echo the ranking they measure.
"""

from __future__ import annotations

CHINA = r"Кита[йяюе]|Китаем|КНР|китайск|\bChina\b|Chinese|\bPRC\b"
UN = r"\bООН\b|Организаци\w+ Объединённых Наций|Объединенных Наций|United Nations|\bUN\b|\bUNSC\b"
SECURITY_COUNCIL = r"Security Council|\bUNSC\b|СБ ООН|Совет\w* Безопасности ООН"
SANCTIONS = r"санкци|sanction|restrictive measure|односторонн\w+ ограничительн"
BRICS = r"БРИКС|BRICS"
SCO = r"\bШОС\b|Шанхайск\w+ организаци|\bSCO\b|Shanghai Cooperation"
UKRAINE = r"Украин|Ukrain|Kiev|Kyiv|Киев"
PEACE = r"урегулир|settlement|\bpeace|мирн\w+ (?:план|процесс|переговор|соглашени|урегулир)"
TALKS = r"переговор|negotiat|\btalks\b"
JAPAN = r"Япони|японск|Japan"
PEACE_TREATY = r"мирн\w+ договор|peace treaty"
KURILS = r"Курил|Kuril"
IRAN = r"\bИран|иранск|\bIran"
NUCLEAR = r"ядерн|nuclear|атомн"
VENEZUELA = r"Венесуэл|Venezuel"
CUBA = r"\bКуб(?:а|ы|е|у|ой)\b|кубинск|\bCuba"
AFRICA = r"Африк|африканск|Africa"
BELARUS = r"Белорус|Беларус|белорусск|Belarus"
UNION_STATE = r"Союзн\w+ государств|Union State"
TURKEY = r"Турци|турецк|Turkey|Türkiye|Turkiye|Turkish"
ERDOGAN = r"Эрдоган|Erdogan|Erdoğan"
ZAKHAROVA = r"Zakharova|Захаров(?:а|ой|у)\b|Марии? Захаров"
BRIEFING = r"briefing|брифинг"
TERRORISM = r"террор|terror"
NUCLEAR_WEAPONS = r"ядерн\w+ оружи|ядерн\w+ вооружени|nuclear weapon|nuclear arms|nuclear arsenal"
ARCTIC = r"Арктик|арктическ|Arctic"
MIDDLE_EAST = r"Ближн\w+ Восток|Middle East|ближневосточн"
PALESTINE = r"Palestin|Палестин|палестинск|Gaza|\bГаз[аеуы]\b|сектор\w* Газа"
VIETNAM = r"Вьетнам|вьетнамск|Viet ?[Nn]am"
MONGOLIA = r"Монгол|монгольск|Mongol"
WAR_MEMORY = (r"Great Patriotic War|Великой? Отечественной? войн|World War II|Второй мировой|Second World War|WWII"
              r"|Victory Day|День Победы|Дня Победы|Победы над нацизмом|victory over Nazism")
ENERGY = r"энергет|\benergy|energy\b|нефт|\boil\b|\bLNG\b|\bСПГ\b|природн\w+ газ|natural gas|gas supplies"
HUMANITARIAN = r"гуманитарн|humanitarian"
VISA = r"\bвиз(?:а|ы|у|ой|ам|ами|ах|овый|ового|ового|ов)\b|безвиз|визов\w+ режим|\bvisas?\b|visa-free"
PARALYMPIC = r"Paralymp|Паралимп|паралимп"
LATIN_AMERICA = r"Латинск\w+ Америк|латиноамерик|Latin America|Карибск|Caribbean|\bCELAC\b|\bСЕЛАК\b"
PUTIN = r"Путин|Putin"
LAVROV = r"Лавров|Lavrov"
INDIA = r"\bИнди[яиюей]\b|индийск|\bIndia\b|Indian\b"
CIS = r"\bСНГ\b|Содружеств\w+ Независимых Государств|\bCIS\b|Commonwealth of Independent States"
EAEU = r"\bЕАЭС\b|Евразийск\w+ экономическ\w+ союз|\bEAEU\b|Eurasian Economic Union"
SYRIA = r"Сири[яиюей]|сирийск|\bSyria"
CLIMATE = r"климат|climate"

# (query as a researcher types it, the subject as groups that must all occur)
QUERIES: list[tuple[str, list[str]]] = [
    ("санкции", [SANCTIONS]),
    ("sanctions", [SANCTIONS]),
    ("Китай", [CHINA]),
    ("China", [CHINA]),
    ("ООН", [UN]),
    ("United Nations Security Council", [SECURITY_COUNCIL]),
    ("Совет Безопасности ООН", [SECURITY_COUNCIL]),
    ("БРИКС", [BRICS]),
    ("BRICS summit", [BRICS]),
    ("ШОС", [SCO]),
    ("Украина урегулирование", [UKRAINE, PEACE]),
    ("Ukraine peace talks", [UKRAINE, PEACE]),
    ("Япония мирный договор", [JAPAN, PEACE_TREATY]),
    ("Курильские острова", [KURILS]),
    ("Iran nuclear programme", [IRAN, NUCLEAR]),
    ("Венесуэла", [VENEZUELA]),
    ("Cuba", [CUBA]),
    ("Африка", [AFRICA]),
    ("Союзное государство Беларусь", [BELARUS, UNION_STATE]),
    ("Turkey", [TURKEY]),
    ("Эрдоган", [ERDOGAN]),
    ("Zakharova briefing", [ZAKHAROVA, BRIEFING]),
    ("терроризм", [TERRORISM]),
    ("terrorism", [TERRORISM]),
    ("ядерное оружие", [NUCLEAR_WEAPONS]),
    ("Arctic", [ARCTIC]),
    ("Ближний Восток", [MIDDLE_EAST]),
    ("Palestine Gaza", [PALESTINE]),
    ("Вьетнам", [VIETNAM]),
    ("Путин Монголия", [PUTIN, MONGOLIA]),
    ("Great Patriotic War victory", [WAR_MEMORY]),
    ("energy cooperation", [ENERGY]),
    ("гуманитарная помощь", [HUMANITARIAN]),
    ("visa", [VISA]),
    ("Paralympic", [PARALYMPIC]),
    ("Латинская Америка", [LATIN_AMERICA]),
    ("Lavrov India", [LAVROV, INDIA]),
    ("СНГ", [CIS]),
    ("Eurasian Economic Union", [EAEU]),
    ("Сирия", [SYRIA]),
    ("climate", [CLIMATE]),
]
