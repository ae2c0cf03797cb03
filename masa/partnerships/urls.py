from django.urls import path

from .views import edit, pages, structure

app_name = "partnerships"

urlpatterns = [
    path("", pages.partnership_list, name="list"),
    path("add/", pages.partnership_add, name="add"),
    path("<slug:slug>/", pages.overview, name="overview"),
    path("<slug:slug>/edit/", pages.partnership_edit, name="edit"),
    path("<slug:slug>/history/", pages.history, name="history"),
    path("<slug:slug>/areas/", structure.areas, name="areas"),
    path("<slug:slug>/areas/add/", edit.area_add, name="area-add"),
    path("<slug:slug>/areas/<int:pk>/end/", edit.area_end, name="area-end"),
    path("<slug:slug>/organisations/add/", edit.organisation_add, name="organisation-add"),
    path("<slug:slug>/partners/", structure.partners, name="partners"),
    path("<slug:slug>/partners/add/", edit.partner_add, name="partner-add"),
    path("<slug:slug>/partners/suggested/", edit.partner_suggestions, name="partner-suggestions"),
    path("<slug:slug>/partners/<int:pk>/end/", edit.partner_end, name="partner-end"),
    path("<slug:slug>/people/", structure.people, name="people"),
    path("<slug:slug>/people/add/", edit.role_add, name="role-add"),
    path("<slug:slug>/people/<int:pk>/end/", edit.role_end, name="role-end"),
    path("<slug:slug>/agencies/", structure.agencies, name="agencies"),
    path("<slug:slug>/agencies/add/", edit.agency_add, name="agency-add"),
    path("<slug:slug>/agencies/<int:pk>/edit/", edit.agency_edit, name="agency-edit"),
    path("<slug:slug>/agencies/<int:pk>/end/", edit.agency_end, name="agency-end"),
    path("<slug:slug>/boards/", structure.boards, name="boards"),
    path("<slug:slug>/boards/add/", edit.board_add, name="board-add"),
    path("<slug:slug>/boards/<int:pk>/edit/", edit.board_edit, name="board-edit"),
    path("<slug:slug>/priorities/", structure.priorities, name="priorities"),
    path("<slug:slug>/priorities/add/", edit.priority_add, name="priority-add"),
    path("<slug:slug>/priorities/<int:pk>/edit/", edit.priority_edit, name="priority-edit"),
    path("<slug:slug>/priorities/<int:pk>/end/", edit.priority_end, name="priority-end"),
]
