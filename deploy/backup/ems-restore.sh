#!/usr/bin/env bash
# Restore a backup made by ems-backup.sh.
#   ems-restore.sh dump BACKUP_DIR TARGET_DB        logical restore into a new, empty database
#   ems-restore.sh pitr BACKUP_DIR DATA_DIR [TIME]  physical restore into an empty data directory, replaying the
#                                                  archived WAL up to TIME (default: the end of the archive);
#                                                  start the cluster on DATA_DIR afterwards.
set -euo pipefail
mode=${1:?mode}; src=${2:?backup dir}
case "$mode" in
  dump)
    db=${3:?target db}
    (cd "$src" && sha256sum -c --quiet SHA256SUMS)
    createdb "$db"
    pg_restore --no-owner --exit-on-error -d "$db" "$src"/*.dump
    echo "restored $(basename "$src") into database $db" ;;
  pitr)
    data=${3:?data dir}; target=${4:-}
    wal=${EMS_WAL_ARCHIVE:-$(dirname "$src")/wal}
    mkdir -p "$data"; chmod 700 "$data"
    tar -xzf "$src/base/base.tar.gz" -C "$data"
    touch "$data/recovery.signal"
    {
      echo "restore_command = 'cp $wal/%f %p'"
      if [ -n "$target" ]; then echo "recovery_target_time = '$target'"; echo "recovery_target_action = 'promote'"; fi
      # the restored copy must not write into the production WAL archive; re-enable it once it becomes the primary
      echo "archive_mode = 'off'"
    } >> "$data/postgresql.auto.conf"
    rm -f "$data/standby.signal"
    echo "data directory $data prepared; start it to replay WAL from $wal" ;;
  *) echo "usage: $0 dump|pitr ..." >&2; exit 2 ;;
esac
