"""
Server errors, marked on every line (traceback too) so that the test run tells them from the request
log and shows them (test/support/django.mjs).
"""
import logging

PREFIX = '[django-site] '


class EveryLinePrefixed(logging.Formatter):
    def format(self, record):
        return '\n'.join(PREFIX + line for line in super().format(record).splitlines())


class NotMaintenance(logging.Filter):
    """The maintenance switch answers 503 on purpose (site_config/maintenance.py): no error of the site."""

    def filter(self, record):
        return getattr(record, 'status_code', None) != 503
