#!/usr/bin/env bash
# Nightly copy of the server's SQLite database, safe while the server runs (SQLite's online
# backup), kept 30 days. Run by anjungan-backup.timer; see docs/deploy.md.
set -euo pipefail
DATA=${ANJUNGAN_DATA_DIR:-/var/lib/anjungan}
DEST=${ANJUNGAN_BACKUP_DIR:-/var/backups/anjungan}
mkdir -p "$DEST"
stamp=$(date +%Y%m%d-%H%M%S)
/opt/anjungan/.venv/bin/python - "$DATA/anjungan.sqlite3" "$DEST/anjungan-$stamp.sqlite3" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with dst:
    src.backup(dst)
ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    sys.exit(f"backup failed its integrity check: {ok}")
PY
gzip "$DEST/anjungan-$stamp.sqlite3"
find "$DEST" -name 'anjungan-*.sqlite3.gz' -mtime +30 -delete
