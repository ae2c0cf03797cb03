from django import forms

from masa.core.forms import ServiceForm


class ApiTokenForm(ServiceForm):
    name = forms.CharField(
        label="Name of the case system",
        help_text="For example, Northshire children's case system",
        max_length=100,
    )
