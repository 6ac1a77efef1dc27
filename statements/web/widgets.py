"""Form widgets of the search page."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _labelled_choices(choices) -> list[tuple[str, str]]:
    """(value, label) pairs, a country's or topic's label its own name in the reader's language.

    Built here rather than through the template engine, one template per
    <option>, which for the archive's 250 countries was half the time of a
    search page (bench/RESULTS.md); and the rows of a model's choices read
    in one plain query rather than through a server-side cursor.
    """
    queryset = getattr(choices, "queryset", None)
    if queryset is None:
        return [(str(key), str(label)) for key, label in choices if str(key)]
    attr = choices.field.to_field_name or "pk"
    name = "name_ru" if get_language() == "ru" else "name_en"
    # Values, not model instances: 250 countries made into objects were a tenth of a search page's time.
    return [(str(key), label or fallback or str(key))
            for key, label, fallback in queryset.values_list(attr, name, "name_en")]


class AddOneSelect(forms.SelectMultiple):
    """The values chosen so far as hidden inputs, and a plain <select> that adds one more.

    A <select multiple> is a listbox of 17-pixel rows that a phone cannot
    use well; a single drop-down opens the phone's own picker. The chosen
    values are shown (and removed) as chips above the results, so the form
    only has to carry them along. Submits exactly what the FilterSet reads:
    the parameter repeated once per value.
    """

    blank_label = _("add…")

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        # The empty "add one" control submits name=; that is no choice, not a bad one.
        return [value for value in values if value and value.strip()]

    def _kept(self, name, chosen, attrs) -> str:
        return "".join(f'<input type="hidden" name="{escape(name)}" value="{escape(v)}">' for v in chosen)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = [str(v) for v in self.format_value(value)]
        final_attrs = self.build_attrs(self.attrs, attrs)
        options = "".join(f'<option value="{escape(key)}">{escape(label)}</option>'
                          for key, label in _labelled_choices(self.choices) if key not in chosen)
        return mark_safe(f'{self._kept(name, chosen, final_attrs)}<select name="{escape(name)}"{flatatt(final_attrs)}>'
                         f'<option value="">{escape(self.blank_label)}</option>{options}</select>')


class CountryInput(AddOneSelect):
    """A text box that suggests the archive's 250 countries by name (a <datalist>) and submits a code.

    Chosen from the list, the box holds the ISO code the FilterSet expects.
    (A whole name typed instead, "Japan" or "япония", the search page turns
    into its code: statements.web.views.statement_list.)
    """

    def render(self, name, value, attrs=None, renderer=None):
        given = [str(v) for v in self.format_value(value)]
        final_attrs = self.build_attrs(self.attrs, attrs)
        listing = f"{final_attrs.get('id', name)}-names"
        choices = _labelled_choices(self.choices)
        known = {key for key, _label in choices}
        options = "".join(f'<option value="{escape(key)}">{escape(label)}</option>'
                          for key, label in choices if key not in given)
        # A country the archive does not know stays in the box, to be corrected, rather than carried along.
        box = {**final_attrs, "type": "text", "list": listing, "autocomplete": "off", "spellcheck": "false",
               "value": next((v for v in given if v not in known), None)}
        chosen = [v for v in given if v in known]
        return mark_safe(f'{self._kept(name, chosen, final_attrs)}<input name="{escape(name)}"{flatatt(box)}>'
                         f'<datalist id="{escape(listing)}">{options}</datalist>')
