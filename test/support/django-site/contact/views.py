"""
The contact page (post/redirect/get) and its thanks page. Query parameters choose the page's
variant, for the tests: `?owner=none` leaves out the layout's `<meta name="sync-notify-owner">`
(a site that declares no owners), `?enctype=urlencoded` the multipart enctype; the form posts back to the same
variant.
"""
import hashlib

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import redirect, render
from django.urls import reverse

from .forms import ContactForm
from .models import Message


def _attachment_fields(attachment):
    if attachment is None:
        return {}
    digest = hashlib.sha256()
    for chunk in attachment.chunks():
        digest.update(chunk)
    return {'attachment_name': attachment.name, 'attachment_size': attachment.size, 'attachment_sha256': digest.hexdigest()}


def _store(user, cleaned, idempotency_key):
    fields = {
        'subject': cleaned['subject'],
        'email': cleaned['email'],
        'message': cleaned['message'],
        **_attachment_fields(cleaned.get('attachment')),
    }
    if not idempotency_key:
        Message.objects.create(author=user, **fields)
        return
    # A retry of a request already applied is only counted (the unique constraint settles a race).
    message, created = Message.objects.get_or_create(author=user, idempotency_key=idempotency_key, defaults=fields)
    if not created:
        Message.objects.filter(pk=message.pk).update(posts=F('posts') + 1)


@login_required
def contact(request):
    if request.method == 'POST':
        form = ContactForm(request.POST, request.FILES)
        if form.is_valid():
            _store(request.user, form.cleaned_data, request.headers.get('Idempotency-Key', ''))
            return redirect('contact-thanks')
    else:
        form = ContactForm()
    query = request.GET.urlencode()
    return render(
        request,
        'contact/contact.html',
        {
            'form': form,
            'action': reverse('contact') + (f'?{query}' if query else ''),
            'multipart': request.GET.get('enctype') != 'urlencoded',
            'owner': None if request.GET.get('owner') == 'none' else request.user.get_username(),
        },
    )


@login_required
def thanks(request):
    return render(request, 'contact/thanks.html')
