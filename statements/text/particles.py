"""Name particles: the small words that join the parts of Arabic, Dutch,
Spanish ... names and belong to the surname ("Бен Тарек Аль Саид",
"von der Leyen", "bin Zayed", "del Rosario")."""

from __future__ import annotations

NAME_PARTICLES = frozenset(
    """
    аль ал эль аш ас ад ан ат ар аз бен бин ибн абу ульд ди де да ду дос дель фон ван дер ле ла
    al el ash as ad an at ar az bin ben ibn abu ould de da do das dos del della di du van von der den ter
    le la mac
    """.split()
)

# Particles written with a hyphen before the name ("аш-Шараа", "al-Sharaa").
HYPHEN_PARTICLES = frozenset("аль ал эль аш ас ад ан ат ар аз al el ash as ad an at ar az".split())

# Particles that are also a name on their own: the Chinese surname Ван ("Ван И"),
# the given names Ben and Mac ("Ben Wallace"). parse/names.py reads them as
# particles, having taken East Asian surnames first ("Ван И" -> "Ван");
# extract/people.py does not, so that "Ben Wallace" stays B. Wallace.
ALSO_NAMES = frozenset({"ван", "ben", "mac"})
