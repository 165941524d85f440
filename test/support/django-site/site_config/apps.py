"""The site's own start-up: its SQLite database set for several browsers at once, and, under the test run, its end with the run."""
import os
import sys
import threading

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def use_write_ahead_log(sender, connection, **kwargs):
    # Readers and the one writer go on together: with SQLite's default rollback journal a writer
    # waits until no one reads, and three browsers' requests would queue behind each other.
    if connection.vendor == 'sqlite':
        with connection.cursor() as cursor:
            cursor.execute('PRAGMA journal_mode=WAL')


def exit_when_stdin_closes():
    # The test run holds our stdin open: when it ends, even killed outright, the pipe closes.
    sys.stdin.buffer.read()
    os._exit(0)


class SiteConfig(AppConfig):
    name = 'site_config'

    def ready(self):
        connection_created.connect(use_write_ahead_log)
        if os.environ.get('DJANGO_SITE_EXIT_WITH_STDIN') == '1':
            threading.Thread(target=exit_when_stdin_closes, name='exit-with-stdin', daemon=True).start()
