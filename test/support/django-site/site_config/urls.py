"""Every URL of the site is under /django/, so the test server's proxy forwards paths as they are."""
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import test_hooks

hook_patterns = [
    path('users', test_hooks.create_user),
    path('end-sessions', test_hooks.end_sessions),
    path('messages', test_hooks.messages),
    path('maintenance', test_hooks.switch_maintenance),
    path('posts', test_hooks.posts),
]

site_patterns = [
    path('accounts/login/', auth_views.LoginView.as_view(), name='login'),
    path('accounts/logout/', auth_views.LogoutView.as_view(), name='logout'),
    path('contact/', include('contact.urls')),
    path('test-hooks/', include(hook_patterns)),
]

urlpatterns = [
    path('django/', include(site_patterns)),
]
