from django.contrib.admin.apps import AdminConfig


class MasaAdminConfig(AdminConfig):
    """The operators' admin, whose site asks for the second factor like every other page."""

    default_site = "masa.accounts.admin_site.MasaAdminSite"
