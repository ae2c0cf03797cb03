"""A Django email backend that sends through GOV.UK Notify. Select it with
MASA_EMAIL_BACKEND=masa.clocks.notify.NotifyEmailBackend and set MASA_NOTIFY_API_KEY and
MASA_NOTIFY_TEMPLATE_ID. The template is an email template whose subject is `((subject))` and
whose body is `((body))`: MASA writes the whole text, Notify delivers it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend


class NotifyEmailBackend(BaseEmailBackend):
    """One Notify email per recipient of each message. `client` is anything with
    `send_email_notification(email_address=, template_id=, personalisation=)`; by default a
    `NotificationsAPIClient` made from the settings when the first message is sent."""

    def __init__(self, fail_silently: bool = False, *, client: Any = None, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.client = client
        self.template_id = getattr(settings, "MASA_NOTIFY_TEMPLATE_ID", "")

    def open(self) -> bool:
        if self.client is not None:
            return False
        api_key = getattr(settings, "MASA_NOTIFY_API_KEY", "")
        if not api_key or not self.template_id:
            raise ImproperlyConfigured(
                "NotifyEmailBackend needs MASA_NOTIFY_API_KEY and MASA_NOTIFY_TEMPLATE_ID"
            )
        from notifications_python_client.notifications import (  # type: ignore[import-untyped]
            NotificationsAPIClient,
        )

        self.client = NotificationsAPIClient(api_key)
        return True

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        self.open()
        sent = 0
        for message in email_messages:
            try:
                for address in message.recipients():
                    self.client.send_email_notification(
                        email_address=address,
                        template_id=self.template_id,
                        personalisation={"subject": message.subject, "body": message.body},
                    )
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                sent += 1
        return sent
