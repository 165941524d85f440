from urllib.parse import quote, unquote

from django.http import HttpResponse


class SyncNotifyOwnerCheck:
    """After AuthenticationMiddleware: a request the outbox sends names whose it is
    (Sync-Notify-Owner, percent-encoded). Under another person's session it is answered 409, naming
    that session's owner: the outbox holds it for its own person. Signed out, the site answers as
    it always does (its sign-in page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        owner = request.headers.get('Sync-Notify-Owner')
        signed_in = request.user.get_username() if request.user.is_authenticated else None
        if owner is not None and signed_in is not None and unquote(owner) != signed_in:
            response = HttpResponse(status=409)
            response['Sync-Notify-Owner'] = quote(signed_in)
            return response
        return self.get_response(request)
