"""GOV.UK Design System rendering for Django forms and statuses.

`{% govuk_field form.name %}` renders a bound field as the matching GOV.UK component (text input,
textarea, select, radios, checkboxes, date input) with its label, hint and error message, so every
form in MASA shows errors the same way. `{{ status|status_tag_class }}` maps a status word to a tag.
"""

from __future__ import annotations

from django import forms, template
from django.template.loader import render_to_string
from django.utils.html import format_html

from masa.core import presentation
from masa.core.forms import DateInputWidget

register = template.Library()

register.filter("status_tag_class", presentation.status_tag_class)
register.filter("status_label", presentation.status_label)


def _component(field: forms.BoundField) -> str:
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, DateInputWidget):
        return "date"
    # CheckboxSelectMultiple is a subclass of RadioSelect in Django: ask about it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    if isinstance(widget, forms.FileInput):
        return "file"
    return "input"


@register.simple_tag
def govuk_field(
    field: forms.BoundField, label_size: str = "s", is_page_heading: bool = False, width: str = ""
) -> str:
    component = _component(field)
    input_type = getattr(field.field.widget, "input_type", "text")
    if component == "input" and input_type not in {
        "text",
        "email",
        "url",
        "number",
        "date",
        "search",
    }:
        input_type = "text"
    return render_to_string(
        f"components/fields/{component}.html",
        {
            "field": field,
            "label_size": label_size,
            "is_page_heading": is_page_heading,
            "width": width,
            "input_type": input_type,
            "value": field.value() if field.value() is not None else "",
            "choices": [
                (str(value), label)
                for value, label in getattr(field.field, "choices", [])
                if value != "" or component == "select"
            ],
            "selected": _selected(field),
        },
    )


def _selected(field: forms.BoundField) -> set[str]:
    value = field.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return {str(value)}


class _ScrollRegion(template.Node):
    def __init__(self, label: template.base.FilterExpression, nodelist: template.NodeList):
        self.label = label
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return format_html(
            '<div class="masa-table-wrapper" role="region" aria-label="{}" tabindex="0">{}</div>',
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def scroll_region(parser: template.base.Parser, token: template.base.Token) -> _ScrollRegion:
    """`{% scroll_region "Actions" %}<table …>{% endscroll_region %}`: a wide table scrolls sideways
    inside its own labelled region on a narrow screen instead of the whole page (WCAG 1.4.10
    reflow); the region takes keyboard focus so it can be scrolled without a mouse."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("scroll_region takes one argument: the region's label")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return _ScrollRegion(parser.compile_filter(bits[1]), nodelist)
