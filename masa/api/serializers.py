"""What the API reads and writes. Input serializers only parse types; the rules (dates, at most four
children, areas) stay in masa.incidents.services, which the pages call too."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from masa.geography.models import LocalAuthority
from masa.incidents.models import (
    AbuseOrNeglect,
    IncidentChild,
    Outcome,
    SeriousIncident,
    Sex,
    Where,
)


class ChildInSerializer(serializers.Serializer):
    pseudonymous_ref = serializers.CharField(help_text="A reference, never a name: NS-24-0007-A")
    age_years = serializers.IntegerField(required=False, allow_null=True)
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)


class NotificationInSerializer(serializers.Serializer):
    local_authority = serializers.CharField(help_text="GSS code of the notifying local authority")
    incident_date = serializers.DateField()
    became_aware_on = serializers.DateField()
    abuse_or_neglect = serializers.ChoiceField(choices=AbuseOrNeglect.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    where = serializers.ChoiceField(choices=Where.choices)
    looked_after_child = serializers.BooleanField(default=False)
    care_leaver = serializers.BooleanField(default=False)
    panel_notified_on = serializers.DateField(required=False, allow_null=True)
    partners_notified_on = serializers.DateField(required=False, allow_null=True)
    sos_ofsted_notified_on = serializers.DateField(required=False, allow_null=True)
    other_areas_informed = serializers.CharField(required=False, allow_blank=True, default="")
    summary = serializers.CharField(help_text="A short summary, with no names")
    children = ChildInSerializer(many=True, help_text="One to four children")

    def validate_local_authority(self, value: str) -> LocalAuthority:
        found = LocalAuthority.objects.filter(code=value.strip().upper()).first()
        if found is None:
            raise serializers.ValidationError(f"No local authority has the GSS code {value}")
        return found


class NotificationChangeSerializer(NotificationInSerializer):
    """A change to a notification's own fields (children are recorded with it): send only the
    fields that change, and the version you read as `If-Match` or `version` (ADR 0018)."""

    children = None  # type: ignore[assignment]
    version = serializers.IntegerField(
        required=False, min_value=1, help_text="The version you read, if not sent as If-Match"
    )


class ChildSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentChild
        fields = ["position", "pseudonymous_ref", "age_years", "sex"]


class NotificationSerializer(serializers.ModelSerializer):
    local_authority = serializers.CharField(source="local_authority_id", read_only=True)
    children = ChildSerializer(many=True, read_only=True)

    class Meta:
        model = SeriousIncident
        fields = [
            "reference",
            "status",
            "local_authority",
            "incident_date",
            "became_aware_on",
            "abuse_or_neglect",
            "outcome",
            "where",
            "looked_after_child",
            "care_leaver",
            "panel_notified_on",
            "partners_notified_on",
            "sos_ofsted_notified_on",
            "other_areas_informed",
            "summary",
            "children",
            "created_at",
            "version",
        ]
        read_only_fields = fields


class NotificationPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = NotificationSerializer(many=True)


class ClockSerializer(serializers.Serializer):
    subject = serializers.CharField()
    rule = serializers.CharField()
    start = serializers.DateField()
    due = serializers.DateField(allow_null=True, help_text="null: no timescale in the guidance")
    done = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(
        choices=["met", "met_late", "running", "overdue", "no_timescale"]
    )
    explanation = serializers.CharField()
    statutory = serializers.BooleanField(help_text="false for MASA's own default periods")


def clock_rows(incident: SeriousIncident, clocks: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "subject": f"{incident.reference}: {clock.what}",
            "rule": clock.rule,
            "start": clock.due.start if clock.due else incident.became_aware_on,
            "due": clock.due.due if clock.due else None,
            "done": clock.done,
            "status": str(clock.status),
            "explanation": clock.explanation,
            "statutory": clock.due.statutory if clock.due else True,
        }
        for clock in clocks
    ]
