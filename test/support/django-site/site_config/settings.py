"""
Settings as a production site has them (DEBUG off, the standard middleware, database sessions),
for the browser tests of test/support/django.mjs, which sets the environment variables below.
"""
import os
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# The test run's own folder; runs without one share a fixed folder, so that `migrate` and
# `runserver`, two processes, find the same database.
DATA_DIR = Path(os.environ.get('DJANGO_SITE_DATA_DIR') or Path(tempfile.gettempdir(), 'sync-notify-django-site'))
DATA_DIR.mkdir(parents=True, exist_ok=True)

# Fixed: the site is a test fixture, and no session outlives a run's database.
SECRET_KEY = 'sync-notify-django-site-not-a-secret-0f3c9a1e7b5d42c8a6e4f2b0d9c7e5a3'

DEBUG = False
ALLOWED_HOSTS = ['localhost', '127.0.0.1']

# The test hooks (site_config/test_hooks.py) answer only a request that carries this token; none without it.
TEST_HOOK_TOKEN = os.environ.get('DJANGO_SITE_TEST_HOOK_TOKEN', '')

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'site_config.apps.SiteConfig',
    'contact.apps.ContactConfig',
]

MIDDLEWARE = [
    # Outermost: it logs the answer every other one gave (site_config/access_log.py).
    'site_config.access_log.AccessLog',
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    # The check docs/outbox.md shows: a queued request of another person's is answered 409.
    'site_config.owner_check.SyncNotifyOwnerCheck',
    # After authentication: maintenance can be limited to one user's requests (see the module).
    'site_config.maintenance.MaintenanceMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

# The tests frame the site's pages from the test page, which is served on the same origin.
X_FRAME_OPTIONS = 'SAMEORIGIN'

ROOT_URLCONF = 'site_config.urls'
WSGI_APPLICATION = 'site_config.wsgi.application'

TEMPLATES = [
    {
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [BASE_DIR / 'templates'],
        'APP_DIRS': True,
        'OPTIONS': {
            'context_processors': [
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        },
    },
]

# Three browsers use the site at once: WAL lets readers and the one writer go on together
# (site_config/apps.py turns it on), and a writer waits up to 30 s for another rather than failing.
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': DATA_DIR / 'site.sqlite3',
        'OPTIONS': {'timeout': 30},
    },
}
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'

# Database sessions (Django's default, said here because tests rely on it): a session ended on
# the server is over even though the browser still sends its cookie.
SESSION_ENGINE = 'django.contrib.sessions.backends.db'

LOGIN_URL = '/django/accounts/login/'
LOGIN_REDIRECT_URL = '/django/contact/'
LOGOUT_REDIRECT_URL = '/django/accounts/login/'

LANGUAGE_CODE = 'en'
TIME_ZONE = 'UTC'
USE_I18N = True
USE_L10N = True
USE_TZ = True

# With DEBUG off, Django reports a server error to nobody by default: the run's output shows it
# (test/support/django.mjs prints lines that carry the prefix, and keeps the rest for a failure).
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'prefixed': {'()': 'site_config.log_format.EveryLinePrefixed', 'format': '%(levelname)s %(name)s: %(message)s'},
    },
    'filters': {
        'not_maintenance': {'()': 'site_config.log_format.NotMaintenance'},
    },
    'handlers': {
        'stderr': {'class': 'logging.StreamHandler', 'formatter': 'prefixed', 'level': 'ERROR', 'filters': ['not_maintenance']},
    },
    'loggers': {
        'django.request': {'handlers': ['stderr'], 'level': 'ERROR', 'propagate': False},
    },
}
