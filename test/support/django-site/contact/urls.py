"""The contact page and its thanks page, under /django/contact/ (site_config/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path('', views.contact, name='contact'),
    path('thanks/', views.thanks, name='contact-thanks'),
]
