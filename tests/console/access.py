"""Who may open each console route (cookie sign-in, not a bearer token): the console's rows of the
authorization matrix. tests/server/test_authorization.py fails on a route of the app in neither table."""

from __future__ import annotations

STAFF, SUPER, ADMIN = "staff", "super", "admin"
OFFICERS = frozenset({STAFF, SUPER, ADMIN})
MANAGERS = frozenset({SUPER, ADMIN})
ADMINS = frozenset({ADMIN})
ANYONE = None  # no sign-in needed

CONSOLE_ACCESS: dict[tuple[str, str], frozenset[str] | None] = {
    ("GET", "/console"): ANYONE,
    ("GET", "/console/login"): ANYONE,
    ("POST", "/console/login"): ANYONE,
    ("GET", "/console/lang/{code}"): ANYONE,
    ("GET", "/console/static/{name}"): ANYONE,
    ("GET", "/console/{rest:path}"): ANYONE,
    ("POST", "/console/{rest:path}"): ANYONE,
    ("PUT", "/console/{rest:path}"): ANYONE,
    ("PATCH", "/console/{rest:path}"): ANYONE,
    ("DELETE", "/console/{rest:path}"): ANYONE,
    ("POST", "/console/logout"): OFFICERS,
    ("GET", "/console/password"): OFFICERS,
    ("POST", "/console/password"): OFFICERS,
    ("GET", "/console/me"): OFFICERS,
    ("GET", "/console/hall"): MANAGERS,
    ("GET", "/console/hall/live"): MANAGERS,
    ("GET", "/console/hall/events"): MANAGERS,
    ("GET", "/console/hall/lokets/{loket_id}"): MANAGERS,
    ("POST", "/console/hall/lokets/{loket_id}"): MANAGERS,
    ("GET", "/console/today"): MANAGERS,
    ("POST", "/console/today"): MANAGERS,
    ("GET", "/console/staff"): ADMINS,
    ("POST", "/console/staff"): ADMINS,
    ("GET", "/console/staff/{username}"): ADMINS,
    ("POST", "/console/staff/{username}/password-reset"): ADMINS,
    ("POST", "/console/staff/{username}/role"): ADMINS,
    ("POST", "/console/staff/{username}/disable"): ADMINS,
    ("POST", "/console/staff/{username}/enable"): ADMINS,
    ("GET", "/console/devices"): MANAGERS,
    ("POST", "/console/devices"): ADMINS,
    ("GET", "/console/devices/{device_id}"): MANAGERS,
    ("POST", "/console/devices/{device_id}/name"): ADMINS,
    ("POST", "/console/devices/{device_id}/lock"): MANAGERS,
    ("POST", "/console/devices/{device_id}/unlock"): MANAGERS,
    ("POST", "/console/devices/{device_id}/revoke"): ADMINS,
    ("GET", "/console/devices/live"): MANAGERS,
    ("GET", "/console/audit"): MANAGERS,
    ("GET", "/console/catalog"): ADMINS,
    ("GET", "/console/catalog/export"): ADMINS,
    ("POST", "/console/catalog/import"): ADMINS,
    ("GET", "/console/catalog/versions/{version}"): ADMINS,
    ("GET", "/console/catalog/versions/{version}/restore"): ADMINS,
    ("POST", "/console/catalog/versions/{version}/restore"): ADMINS,
    ("GET", "/console/catalog/services/{service_id}"): ADMINS,
    ("POST", "/console/catalog/services/{service_id}"): ADMINS,
    ("GET", "/console/skm"): MANAGERS,
    ("GET", "/console/skm/report"): MANAGERS,
    ("POST", "/console/skm/actions"): MANAGERS,
    ("POST", "/console/skm/actions/{action_id}"): MANAGERS,
    ("GET", "/console/reports"): MANAGERS,
    ("GET", "/console/reports/file"): MANAGERS,
}
