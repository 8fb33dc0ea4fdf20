"""Ombuds settings: one file, driven by environment variables (see README, "Production").

Modes:
- development (default): SQLite under var/, DEBUG on, insecure development secrets.
- production (OMBUDS_PRODUCTION=1): every secret is required and the process refuses to start
  without it; HTTPS-only cookies, HSTS, SSL redirect.
- demo (OMBUDS_DEMO=1): DEBUG off (the error pages users see), a banner says the data are synthetic
  and the printed demo accounts may log in without a second factor. Demo mode is refused in production.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = env_bool("OMBUDS_PRODUCTION", False)
DEMO = env_bool("OMBUDS_DEMO", False)
if PRODUCTION and DEMO:
    raise ImproperlyConfigured("OMBUDS_DEMO cannot be enabled together with OMBUDS_PRODUCTION.")

# The demo is shown to people who are not developers: it runs like production (no debug pages
# listing every URL pattern), only the data and the sign-in rule differ.
DEBUG = env_bool("OMBUDS_DEBUG", not (PRODUCTION or DEMO))
SECRET_KEY = env_secret(
    "SECRET_KEY",
    required=PRODUCTION,
    dev_default="development-only-secret-key-not-for-production-use-0123456789abcdef",
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Scheme and host under which people reach this server, e.g. "https://ombuds.example.org": links in
# e-mails (a focal point's invitation) are built on it (ombuds/core/links.py), since a background
# job has no request to take the host from.
OMBUDS_SITE_URL = env_str("OMBUDS_SITE_URL", "" if PRODUCTION else "http://localhost:8000").rstrip("/")
if not OMBUDS_SITE_URL:
    raise ImproperlyConfigured("OMBUDS_SITE_URL is required in production.")
CSRF_FAILURE_VIEW = "ombuds.core.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Ombuds apps, lowest layer first (see docs/architecture.md).
    "ombuds.core",
    "ombuds.accounts",
    "ombuds.complaints",
    "ombuds.monitoring",
    "ombuds.recommendations",
    "ombuds.outreach",
    "ombuds.focal",
    "ombuds.reports",
    "ombuds.portal",
    "ombuds.demo",
]
# The test suite adds a small app of its own whose models exercise the shared mechanisms
# (scoping, encrypted fields) before every domain app exists; it never ships in a deployment.
TESTING = "pytest" in sys.modules
if TESTING:  # pragma: no cover - decided once at start-up
    INSTALLED_APPS.append("tests.fixtures_app")

MIDDLEWARE = [
    "ombuds.core.health.HealthMiddleware",  # the load balancer's probe, before redirects and host checks
    "ombuds.core.middleware.PublicCacheMiddleware",  # outermost: sees every header the others add
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ombuds.core.middleware.RequestIdMiddleware",
    # Before the session: a NUL in the session cookie would reach PostgreSQL in the session lookup.
    "ombuds.core.cleaning.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ombuds.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "ombuds.accounts.middleware.SessionLifetimeMiddleware",
    "ombuds.accounts.middleware.RequireMFAMiddleware",
    "ombuds.accounts.middleware.FocalPointConfinementMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ombuds.accounts.middleware.ActivityMiddleware",  # instead of allauth's per-request tracking
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ombuds.core.middleware.NoStoreForAuthenticatedMiddleware",
]

ROOT_URLCONF = "config.urls"
# Two reference pages for bench/throughput.py (a bare response, a plain 50-row template), mounted only
# when set: never in a real deployment.
OMBUDS_BENCH_VIEWS = env_bool("OMBUDS_BENCH_VIEWS", False)
# The work panels of the home page come from the reports app, which may read every other app; core
# (the lowest layer) loads them by name, as Django loads context processors.
OMBUDS_HOME_PANELS = "ombuds.reports.home.panels"
# The error pages of the public portal's addresses (/az/…), drawn in its layout; loaded by name too.
OMBUDS_PUBLIC_ERROR_PAGE = "ombuds.portal.errors.error_page"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ombuds" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "ombuds.core.context_processors.ombuds",
            ],
        },
    },
    {
        # Only for the rows of the hottest lists (the register), where Django's template engine cost
        # more than the rows' query; templates in <app>/jinja2/, rendered explicitly with
        # using="jinja2" and given ready-made, translated strings (no i18n inside them).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
    },
]

# --- Database -------------------------------------------------------------------------------
_default_db = f"sqlite:///{BASE_DIR / 'var' / 'ombuds.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", "" if PRODUCTION else _default_db)
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL is required in production.")
# Persistent connections: each worker (thread) keeps its connection for DB_CONN_MAX_AGE seconds
# instead of opening one per request (a few ms each on PostgreSQL); a connection the server closed
# meanwhile is noticed before use (DB_CONN_HEALTH_CHECKS) instead of failing the request.
DB_CONN_MAX_AGE = env_int("DB_CONN_MAX_AGE", 60 if PRODUCTION else 0)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", DB_CONN_MAX_AGE > 0),
    )
}
# Reports, dashboards and exports read from a PostgreSQL streaming replica when one is given
# (ombuds/core/routers.py); everything else, and every write, uses the primary.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", DB_CONN_MAX_AGE > 0),
    )
    # Tests never create a database on a read-only standby: the replica of the test database is
    # the stream's copy of the primary's (tests/test_replica.py points the connection at it).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["ombuds.core.routers.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web process share the embedded database without "locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits (login lockout) must be shared by every web process, so the cache lives in the
# database rather than in process memory. `migrate` is followed by `createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ombuds_cache",
    }
}

# --- Background tasks (ombuds/core/tasks.py) -------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "ombuds.accounts.backends.StaffAuthenticationBackend",  # first: it is the one sessions remember
    "ombuds.accounts.backends.RoleBackend",
    "rules.permissions.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "ombuds.accounts.adapter.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# Lockout: the 6th failed login for one account within 30 minutes is refused (ASVS 6.3.1).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("OMBUDS_LOGIN_LOCKOUT", "30/m/ip,5/30m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("OMBUDS_MFA_ISSUER", "Ombuds")
MFA_RECOVERY_CODE_COUNT = 10
USERSESSIONS_TRACK_ACTIVITY = False  # ombuds.accounts.middleware.ActivityMiddleware, once a minute

# Sessions: 15 minutes of inactivity (refreshed on every request), 8 hours at most.
SESSION_COOKIE_AGE = env_int("OMBUDS_SESSION_IDLE_MINUTES", 15) * 60
# Not every request: ActivityMiddleware saves the session (restarting the idle expiry) at most
# once every OMBUDS_ACTIVITY_SECONDS, so that reading a page writes nothing.
OMBUDS_ACTIVITY_SECONDS = env_int("OMBUDS_ACTIVITY_SECONDS", 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OMBUDS_SESSION_ABSOLUTE_SECONDS = env_int("OMBUDS_SESSION_ABSOLUTE_HOURS", 8) * 3600

# --- Audit trail ----------------------------------------------------------------------------
# Keys the hash chain and signs its head; it must live outside the database (ombuds/core/audit.py).
OMBUDS_AUDIT_KEY = env_secret(
    "OMBUDS_AUDIT_KEY", required=PRODUCTION, dev_default="development-only-audit-chain-key-0123456789"
)
# Signed chain heads are appended here too; in production point it at storage the database
# administrators cannot rewrite (another host, a WORM bucket mount).
OMBUDS_AUDIT_ANCHOR_PATH = env_str("OMBUDS_AUDIT_ANCHOR_PATH", str(BASE_DIR / "var" / "audit-anchors.jsonl"))

# --- Field encryption (ombuds/core/crypto.py) --------------------------------------------------
# "id:base64(32 bytes)" entries, newest last. The development key is public: never use it for real data.
FIELD_ENCRYPTION_KEYS = env_secret(
    "FIELD_ENCRYPTION_KEYS", required=PRODUCTION, dev_default="dev1:ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMDAwMDA="
)
FIELD_BLIND_INDEX_KEY = env_secret(
    "FIELD_BLIND_INDEX_KEY", required=PRODUCTION, dev_default="development-only-blind-index-key"
)

# --- Backups (ombuds/core/backups) ----------------------------------------------------------------
# base64(32 bytes) encrypting the backup archives (`manage.py backup --generate-key`). Kept outside the
# database and away from the archives, like the field keys, which are never in a backup.
OMBUDS_BACKUP_KEY = env_secret("OMBUDS_BACKUP_KEY", required=False)
OMBUDS_BACKUP_DIR = Path(env_str("OMBUDS_BACKUP_DIR", str(BASE_DIR / "var" / "backups")))

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "az"
LANGUAGES = [("az", _("Azerbaijani")), ("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "ombuds" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Baku"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# In development and the demo WhiteNoise serves straight from the apps' static folders (looked up per
# request), so `make run` works from a fresh clone without `collectstatic` even though the demo runs with
# DEBUG off (runserver then serves no static files itself). Tests leave both off: no per-client scan.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or DEMO
# Uploaded files live outside the web root and are only served through permission-checked views.
MEDIA_ROOT = Path(env_str("OMBUDS_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
OMBUDS_UPLOAD_MAX_MB = env_int("OMBUDS_UPLOAD_MAX_MB", 20)
# Every date and datetime accepted by a form or the API lies in this range (ombuds/core/cleaning.py);
# it starts early enough for an applicant's date of birth.
OMBUDS_DATE_MIN_YEAR = env_int("OMBUDS_DATE_MIN_YEAR", 1900)
OMBUDS_DATE_YEARS_AHEAD = env_int("OMBUDS_DATE_YEARS_AHEAD", 10)
# A theme recommended at this many distinct places or more is shown as a systemic issue.
OMBUDS_SYSTEMIC_MIN_PLACES = env_int("OMBUDS_SYSTEMIC_MIN_PLACES", 3)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields; files stream to disk above this
# Uploaded files go through Django's storage API only (ombuds/core/storage.py): the local file system
# under MEDIA_ROOT by default, or S3-compatible object storage shared by several web servers.
OMBUDS_STORAGE = env_str("OMBUDS_STORAGE", "filesystem")
if OMBUDS_STORAGE == "filesystem":
    _uploads: dict = {"BACKEND": "ombuds.core.storage.DurableFileSystemStorage"}
elif OMBUDS_STORAGE == "s3":
    # Needs the `s3` extra (boto3). Credentials: OMBUDS_S3_ACCESS_KEY/OMBUDS_S3_SECRET_KEY (or _FILE), or
    # boto3's own chain (AWS_ACCESS_KEY_ID…, an instance role) when they are unset. Objects are private
    # and are only ever streamed through the permission-checked views, never linked by URL.
    _uploads = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("OMBUDS_S3_BUCKET"),
            "endpoint_url": env_str("OMBUDS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("OMBUDS_S3_REGION") or None,
            "access_key": env_secret("OMBUDS_S3_ACCESS_KEY", required=False) or None,
            "secret_key": env_secret("OMBUDS_S3_SECRET_KEY", required=False) or None,
            "location": env_str("OMBUDS_S3_PREFIX", ""),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": env_str("OMBUDS_S3_ADDRESSING_STYLE") or None,
        },
    }
    if not _uploads["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("OMBUDS_STORAGE=s3 needs OMBUDS_S3_BUCKET.")
else:
    raise ImproperlyConfigured(f"OMBUDS_STORAGE must be filesystem or s3, not {OMBUDS_STORAGE!r}")
STORAGES = {
    "default": _uploads,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Security headers -----------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap's form controls draw their arrows with data: SVGs; the MFA QR code is one too.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("OMBUDS_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("OMBUDS_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("OMBUDS_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-ombuds-session"
    CSRF_COOKIE_NAME = "__Host-ombuds-csrf"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "ombuds.core.api.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "ombuds.accounts.tokens.ApiTokenAuthentication",
    ],
    "EXCEPTION_HANDLER": "ombuds.core.api.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "ombuds.core.pagination.Pagination",
    "PAGE_SIZE": 50,
}
# A repeat of a POST with the same Idempotency-Key (API) or one-time form token (pages) gets the
# first answer for this long; `purge_idempotency_keys` (hourly) deletes older keys.
OMBUDS_IDEMPOTENCY_HOURS = env_int("OMBUDS_IDEMPOTENCY_HOURS", 24)
# The public portal's online application (ombuds/portal/services/apply.py): the unit that receives
# it (an OrgUnit code; by default the head office's Applications Department), how long a saved draft
# is kept (`purge_application_drafts`, hourly, deletes older ones), and how many submissions and
# draft saves one client may make per hour (counted in the cache under a keyed digest of its
# address, never the address itself) instead of a CAPTCHA.
OMBUDS_ONLINE_APPLICATION_UNIT = env_str("OMBUDS_ONLINE_APPLICATION_UNIT", "dept_complaints")
OMBUDS_APPLICATION_DRAFT_DAYS = env_int("OMBUDS_APPLICATION_DRAFT_DAYS", 30)
OMBUDS_APPLY_SUBMISSIONS_PER_HOUR = env_int("OMBUDS_APPLY_SUBMISSIONS_PER_HOUR", 10)
OMBUDS_APPLY_DRAFTS_PER_HOUR = env_int("OMBUDS_APPLY_DRAFTS_PER_HOUR", 30)
# The responsible staff member is reminded of a recommendation not yet implemented this many days
# before its due date, and once after it passes (`recommendations_reminders`, daily).
OMBUDS_RECOMMENDATION_REMINDER_DAYS = env_int("OMBUDS_RECOMMENDATION_REMINDER_DAYS", 14)
# Who receives each yearly report (core.Authority codes, "addressee" or "copy"), set on a new
# report and editable on it. Annual (Constitutional Law Art. 14): the President, copies to the
# Cabinet, the Constitutional Court, the Supreme Court and the Prosecutor General. The NPM report's
# route is configurable because the parliament route changed in 2025 (reports-and-portal.md 2.1).
OMBUDS_REPORT_RECIPIENTS = {
    "annual": [
        ("president", "addressee"),
        ("cabinet", "copy"),
        ("constitutional_court", "copy"),
        ("supreme_court", "copy"),
        ("pgo", "copy"),
    ],
    "npm": [("president", "addressee"), ("milli_majlis", "copy")],
}
# The Commissioner's office (whoever approves or prepares reports) is reminded this many days before
# the annual report is due, and once after it passes unsubmitted (`annual_report_reminders`, daily).
OMBUDS_ANNUAL_REPORT_REMINDER_DAYS = [14, 3]
# The authority portal (ombuds/focal). A focal point reaches only these path prefixes; any other
# URL answers 404 to it (accounts.middleware.FocalPointConfinementMiddleware).
OMBUDS_FOCAL_POINT_PATHS = [
    "/authority/",
    "/api/v1/authority/",
    "/auth/",
    "/i18n/",
    "/static/",
    "/health/",
    # The public portal is open to everyone, a focal point included.
    "/az/",
    "/en/",
    "/ru/",
]
# The public status lookup (complaints/services/status.py): this many wrong PINs in a row lock a
# reference for this many minutes; even the right PIN is refused meanwhile.
OMBUDS_STATUS_LOCKOUT_ATTEMPTS = env_int("OMBUDS_STATUS_LOCKOUT_ATTEMPTS", 5)
OMBUDS_STATUS_LOCKOUT_MINUTES = env_int("OMBUDS_STATUS_LOCKOUT_MINUTES", 30)
# Lookups one client may make in an hour, whatever the references (portal/throttle.py).
OMBUDS_STATUS_LOOKUPS_PER_HOUR = env_int("OMBUDS_STATUS_LOOKUPS_PER_HOUR", 60)
# An invitation link to the portal works for this many days, once.
OMBUDS_FOCAL_INVITATION_DAYS = env_int("OMBUDS_FOCAL_INVITATION_DAYS", 7)
# Focal points are reminded of an unanswered item this many days before its due date, and once
# after it passes (`focal_reminders`, daily).
OMBUDS_FOCAL_REMINDER_DAYS = env_int("OMBUDS_FOCAL_REMINDER_DAYS", 2)
# How to reach the Ombudsman, shown on the portal's "How to apply" page. A value is shown only when
# `confirmed` (verified in a cited source, domain.md §1.1); an unconfirmed or empty one is to be
# confirmed by the Office, and the page sends the visitor to the 916 call centre for it instead.
OMBUDS_PORTAL_CONTACTS = {
    # Citizens Reception Centre: Government House, Uzeyir Hajibeyli 80, Baku [V S4, S5].
    "reception": {
        "az": "Hökumət Evi, Üzeyir Hacıbəyli küçəsi 80, Bakı",
        "en": "Government House, 80 Uzeyir Hajibeyli Street, Baku",
        "ru": "Дом Правительства, улица Узеира Гаджибейли 80, Баку",
        "confirmed": True,
    },
    "reception_hours": {"az": "", "en": "", "ru": "", "confirmed": False},  # to be confirmed
    "post": {"az": "", "en": "", "ru": "", "confirmed": False},  # postal address: to be confirmed
    "email": {"az": "", "en": "", "ru": "", "confirmed": False},  # to be confirmed
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ombuds API",
    "DESCRIPTION": "Applications, monitoring visits, recommendations and outreach of an ombudsman institution.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RefusalGroundEnum": "ombuds.complaints.choices.RefusalGround",
        "RecommendationStatusEnum": "ombuds.recommendations.choices.Status",
        "RecommendationKindEnum": "ombuds.recommendations.choices.Kind",
        "OutcomeStatusEnum": "ombuds.recommendations.api.serializers.OUTCOMES",
        "OutcomeEvidenceEnum": "ombuds.recommendations.api.serializers.API_EVIDENCE",
        # The staff and the authority API both carry these sets beside others of the same field name.
        "InfoRequestStatusEnum": "ombuds.complaints.choices.InfoRequestStatus",
        "ResponseChannelEnum": "ombuds.recommendations.choices.ResponseChannel",
        "DatasetStatusEnum": "ombuds.reports.choices.DatasetStatus",
        "ReportStatusEnum": "ombuds.reports.choices.ReportStatus",
        "ReportKindEnum": "ombuds.reports.choices.ReportKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ombuds.core.idempotency.document_idempotency",
    ],
}

# --- E-mail and logging ---------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ombuds@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Secrets in paths (an invitation link) never reach the log: config/log_filters.py.
    "filters": {"redact_secret_paths": {"()": "config.log_filters.RedactSecretPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secret_paths"]}},
    "root": {"handlers": ["console"], "level": env_str("OMBUDS_LOG_LEVEL", "WARNING")},
}
