"""A message sent through the contact form, with what the server learnt of its attachment."""
from django.conf import settings
from django.db import models
from django.db.models import Q


class Message(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name='contact_messages')
    subject = models.CharField(max_length=100)
    email = models.EmailField()
    message = models.TextField()
    attachment_name = models.CharField(max_length=255, blank=True)
    attachment_size = models.PositiveBigIntegerField(null=True, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True)
    # The request's Idempotency-Key header; empty when it had none.
    idempotency_key = models.CharField(max_length=255, blank=True)
    # How many valid posts carried it: each retry after the first is counted, and applied no more.
    posts = models.PositiveIntegerField(default=1)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # Two retries of one request arriving together still store it once.
            models.UniqueConstraint(
                fields=['author', 'idempotency_key'],
                condition=~Q(idempotency_key=''),
                name='one_message_per_idempotency_key',
            ),
        ]

    def __str__(self):
        return f'{self.subject} ({self.author})'

    def as_json(self):
        return {
            'author': self.author.get_username(),
            'subject': self.subject,
            'email': self.email,
            'message': self.message,
            'attachmentName': self.attachment_name,
            'attachmentSize': self.attachment_size,
            'attachmentSha256': self.attachment_sha256,
            'idempotencyKey': self.idempotency_key,
            'posts': self.posts,
            'receivedAt': self.received_at.isoformat(),
        }
