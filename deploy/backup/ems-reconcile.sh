#!/usr/bin/env bash
# Row counts and content checksums of the business tables, to compare a restored database with its source.
#   ems-reconcile.sh manifest DB            -> prints "table<TAB>rows<TAB>md5" for each business table
#   ems-reconcile.sh compare DB1 DB2 [PORT2] -> compares the two manifests; exit 1 on any difference
# Connection: PGHOST/PGPORT/PGUSER of the environment; PORT2 overrides the port for DB2.
set -euo pipefail
# the text of timestamptz values depends on the session time zone: the same for both sides of a comparison
export PGTZ=UTC PGDATESTYLE=ISO
TABLES=${EMS_TABLES:-"enterprise enterprise_filing_request enterprise_filing_version survey_period period_city_window late_filing_grant report report_version report_event layoff_warning work_item work_item_done notice app_user app_user_role code_entry sys_parameter audit_log"}

manifest() {
  local db=$1
  for t in $TABLES; do
    if psql -XAtq -d "$db" -c "select to_regclass('public.$t') is not null" | grep -q t; then
      psql -XAtq -d "$db" -c "select '$t', count(*), coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '-') from $t x" -F $'\t'
    fi
  done
}

case "${1:-}" in
  manifest) manifest "$2" ;;
  compare)
    a=$(manifest "$2"); b=$(PGPORT=${4:-${PGPORT:-5432}} manifest "$3")
    if diff <(echo "$a") <(echo "$b") >/dev/null; then
      echo "$a" | awk -F'\t' '{rows+=$2; n++} END {printf "reconciled %d tables, %d rows, all checksums equal\n", n, rows}'
    else
      diff <(echo "$a") <(echo "$b") || true
      exit 1
    fi ;;
  *) echo "usage: $0 manifest DB | compare DB1 DB2 [PORT2]" >&2; exit 2 ;;
esac
