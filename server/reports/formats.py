"""The files a report is written as, and what each is sent as; light to import (the CLI's parser)."""

from __future__ import annotations

import enum


class FileFormat(enum.StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"
    CSV = "csv"


MEDIA_TYPES = {FileFormat.PDF: "application/pdf",
               FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               FileFormat.CSV: "text/csv; charset=utf-8"}
