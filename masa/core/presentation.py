"""One mapping from MASA's status words to GOV.UK tag colours and labels (STYLE.md habit 9)."""

STATUS_TAGS: dict[str, tuple[str, str]] = {
    # compliance statuses (DESIGN.md: fixed words)
    "met": ("govuk-tag--green", "Met"),
    "partly_met": ("govuk-tag--yellow", "Partly met"),
    "not_met": ("govuk-tag--red", "Not met"),
    "not_applicable": ("govuk-tag--grey", "Not applicable"),
    "not_assessed": ("govuk-tag--blue", "Not assessed"),
    # clock states
    "met_late": ("govuk-tag--orange", "Met late"),
    "running": ("govuk-tag--blue", "Running"),
    "overdue": ("govuk-tag--red", "Overdue"),
    "no_timescale": ("govuk-tag--grey", "No timescale in the guidance"),
    # clock bases other than statutory (masa.core.clocks.rules.Basis)
    "masa_default": ("govuk-tag--yellow", "MASA default, not statutory"),
    "local_default": ("govuk-tag--yellow", "Local default, not statutory"),
    "agreed": ("govuk-tag--yellow", "Agreed date, not statutory"),
    # a provision enacted but not yet commenced (masa.statute.schema.COMMENCEMENT_STATUSES)
    "awaiting_regulations": ("govuk-tag--grey", "Not yet in force"),
    # requirement levels
    "must": ("govuk-tag--purple", "Must"),
    "should": ("govuk-tag--turquoise", "Should"),
    "may": ("govuk-tag--grey", "May"),
    # finding severities
    "error": ("govuk-tag--red", "Problem"),
    "warning": ("govuk-tag--yellow", "Check"),
    "info": ("govuk-tag--blue", "Note"),
}


def status_tag_class(status: str) -> str:
    return STATUS_TAGS.get(status, ("govuk-tag--grey", ""))[0]


def status_label(status: str) -> str:
    return STATUS_TAGS.get(status, ("", status.replace("_", " ").capitalize()))[1]
