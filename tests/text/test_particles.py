"""The one table of name particles."""

from statements.text.particles import ALSO_NAMES, HYPHEN_PARTICLES, NAME_PARTICLES


def test_hyphenated_particles_and_those_that_are_also_names_are_particles():
    assert HYPHEN_PARTICLES <= NAME_PARTICLES
    assert ALSO_NAMES <= NAME_PARTICLES
