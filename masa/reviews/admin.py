from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    PracticeReview,
    RapidReview,
    ReviewCheckpoint,
    ReviewerAppointment,
    ReviewSettings,
)

for model in (RapidReview, PracticeReview, ReviewerAppointment, ReviewCheckpoint, ReviewSettings):
    admin.site.register(model, SimpleHistoryAdmin)
