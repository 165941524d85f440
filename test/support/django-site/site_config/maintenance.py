"""
Maintenance, as while a site is deployed: every POST under /django/contact/ is answered 503 with
Retry-After: 1, before any view or CSRF check. Switched by the test hook, for the whole site or
for one user's requests only: three browsers share the site, and a test's maintenance must not
refuse another browser's messages.
"""
import threading

from django.http import HttpResponse

CONTACT_PREFIX = '/django/contact/'

_lock = threading.Lock()
_whole_site = False
_usernames = set()


def switch(on, username=''):
    global _whole_site
    with _lock:
        if not username:
            _whole_site = on
        elif on:
            _usernames.add(username)
        else:
            _usernames.discard(username)


def _under_maintenance(request):
    with _lock:
        if _whole_site:
            return True
        if not _usernames:
            return False
        usernames = set(_usernames)
    return request.user.is_authenticated and request.user.get_username() in usernames


class MaintenanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == 'POST' and request.path.startswith(CONTACT_PREFIX) and _under_maintenance(request):
            response = HttpResponse('Down for maintenance: please try again shortly.', status=503, content_type='text/plain; charset=utf-8')
            response['Retry-After'] = '1'
            return response
        return self.get_response(request)
