#!/usr/bin/env bash
# Daily backup of the employment database (run by the ems-backup.timer on db-primary, as postgres):
#  - a physical base backup (pg_basebackup, tar, compressed) that, with the archived WAL, allows point-in-time recovery;
#  - a logical dump (pg_dump -Fc) for restoring single tables or into another version;
#  - a manifest with row counts and checksums of the business tables, to reconcile a restore against;
#  - retention: backups older than EMS_BACKUP_RETENTION_DAYS (default 14) are removed, and archived WAL segments
#    that precede the start of the oldest kept base backup (pg_archivecleanup; timeline history files are kept).
# WAL archiving itself is configured in postgresql.conf: archive_mode=on,
#   archive_command='test ! -f ${EMS_WAL_ARCHIVE}/%f && cp %p ${EMS_WAL_ARCHIVE}/%f'
set -euo pipefail
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
DB=${EMS_DB:-employment}
ROOT=${EMS_BACKUP_DIR:-/var/backups/ems}
WAL=${EMS_WAL_ARCHIVE:-$ROOT/wal}
KEEP=${EMS_BACKUP_RETENTION_DAYS:-14}
export PGHOST PGPORT PGUSER
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dir="$ROOT/$stamp"
mkdir -p "$dir" "$WAL"

pg_basebackup -D "$dir/base" -Ft -z -X none -c fast --label "ems-$stamp"
# the first WAL segment this base backup needs, from its backup_label: what retention must keep
tar -xzOf "$dir/base/base.tar.gz" backup_label | sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p' > "$dir/START_WAL"
[ -s "$dir/START_WAL" ] || { echo "no START WAL LOCATION in the backup_label of $dir/base" >&2; exit 1; }
pg_dump -Fc -f "$dir/$DB.dump" "$DB"
"$(dirname "$0")/ems-reconcile.sh" manifest "$DB" > "$dir/manifest.tsv"
sha256sum "$dir/$DB.dump" "$dir"/base/*.tar.gz > "$dir/SHA256SUMS"
echo "backup $dir done: $(du -sh "$dir" | cut -f1)"

# retention
find "$ROOT" -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +"$KEEP" -exec rm -rf {} +
oldest=$(find "$ROOT" -mindepth 1 -maxdepth 1 -type d -name '20*' | sort | head -1)
if [ -n "$oldest" ] && [ -s "$oldest/START_WAL" ]; then
  cleanup=$(command -v pg_archivecleanup || ls /usr/lib/postgresql/*/bin/pg_archivecleanup | sort -V | tail -1)
  "$cleanup" "$WAL" "$(cat "$oldest/START_WAL")"
fi
