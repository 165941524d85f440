"""
The site's access log, as a server keeps one: each POST under /django/contact/, with the status it
was answered and whose session it came under, kept in memory for the tests (test hook `posts`).
Outermost: it sees every answer, the owner check's and maintenance's too.
"""
import threading

CONTACT_PREFIX = '/django/contact/'

_lock = threading.Lock()
_posts = []


def posts_under(username):
    with _lock:
        return [post for post in _posts if post['sessionOf'] == username]


class AccessLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == 'POST' and request.path.startswith(CONTACT_PREFIX):
            user = getattr(request, 'user', None)
            entry = {
                'status': response.status_code,
                'sessionOf': user.get_username() if user is not None and user.is_authenticated else '',
                'owner': request.headers.get('Sync-Notify-Owner', ''),
                'idempotencyKey': request.headers.get('Idempotency-Key', ''),
            }
            with _lock:
                _posts.append(entry)
        return response
