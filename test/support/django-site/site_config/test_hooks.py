"""
What the browser tests do to the site from outside it (test/support/django.mjs calls them from
Node): make a user, end a user's sessions, read a user's messages, switch maintenance. Each answers
404 unless the request carries the run's token in X-Test-Hook, as if it were not there.
"""
import hmac
import secrets
from functools import wraps

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from contact.models import Message

from . import access_log, maintenance


def test_hook(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        token = settings.TEST_HOOK_TOKEN
        if not token or not hmac.compare_digest(request.headers.get('X-Test-Hook', ''), token):
            raise Http404
        return view(request, *args, **kwargs)

    # Node calls the hooks with no browser, hence no CSRF cookie; the token is what guards them.
    return csrf_exempt(guarded)


@test_hook
@require_POST
def create_user(request):
    username = f'user-{secrets.token_hex(6)}'
    password = secrets.token_urlsafe(12)
    get_user_model().objects.create_user(username=username, password=password)
    return JsonResponse({'username': username, 'password': password})


@test_hook
@require_POST
def end_sessions(request):
    """Deletes the user's sessions on the server, as "sign out everywhere" does; browsers keep their cookies."""
    user = get_object_or_404(get_user_model(), username=request.POST.get('username', ''))
    # The user's id is inside each session's encoded data: read them all, then delete by key.
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get('_auth_user_id') == str(user.pk)
    ]
    Session.objects.filter(session_key__in=ended).delete()
    return JsonResponse({'ended': len(ended)})


@test_hook
@require_GET
def messages(request):
    user = get_object_or_404(get_user_model(), username=request.GET.get('username', ''))
    stored = Message.objects.filter(author=user).select_related('author').order_by('received_at', 'id')
    return JsonResponse([message.as_json() for message in stored], safe=False)


@test_hook
@require_POST
def switch_maintenance(request):
    on = request.POST.get('on') == '1'
    username = request.POST.get('username', '')
    maintenance.switch(on, username)
    return JsonResponse({'on': on, 'username': username})


@test_hook
@require_GET
def posts(request):
    """The posts to the contact page that came under the user's session, with their answers."""
    return JsonResponse(access_log.posts_under(request.GET.get('username', '')), safe=False)
