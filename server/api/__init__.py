"""The HTTP API v1: one router per resource, all under ``/api/v1``."""
