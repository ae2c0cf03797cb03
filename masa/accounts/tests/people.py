"""People for page tests: a member of a partnership in a role, and a client signed in as them."""

from django.test import Client

from masa.partnerships.tests.factories import MembershipFactory, UserFactory


def member_of(partnership, username: str, role: str, **kwargs):
    """A user with one membership of `partnership`."""
    user = UserFactory(username=username)
    MembershipFactory(user=user, partnership=partnership, role=role, **kwargs)
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def password_signed_in(client: Client, username: str, password: str) -> Client:
    """Sign `client` in through the sign-in page, as a person does. (`Client.login` calls
    `authenticate` without a request, which django-axes refuses: it counts failures by address.)"""
    response = client.post("/account/sign-in/", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not sign in"
    return client


def lead_partners_of(partnership) -> dict:
    """Partner type → a user who may sign for that partner (masa.accounts.signing): a lead partner
    membership tied to the partner's organisation, linked to the partner's lead role."""
    from masa.accounts.models import Role
    from masa.partnerships.models import RoleAssignment, RoleKind, StatutoryPartner

    users = {}
    for partner in StatutoryPartner.objects.filter(partnership=partnership):
        user = member_of(
            partnership,
            f"lsp-{partner.partner_type}",
            Role.LEAD_PARTNER,
            organisation=partner.organisation,
        )
        RoleAssignment.objects.filter(
            partnership=partnership, role=RoleKind.LEAD_PARTNER, partner_type=partner.partner_type
        ).update(user=user)
        users[partner.partner_type] = user
    return users
