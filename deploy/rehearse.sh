#!/usr/bin/env bash
# Rehearses the province's deployment plan on one Debian machine, on loopback ports:
#   primary + streaming standby PostgreSQL, two application JVMs (clustered Quartz) behind nginx,
#   a smoke test through nginx, a blue-green switch and rollback under load, a database failover,
#   and a backup restored into a fresh cluster and reconciled. Prints one line per step and leaves
#   nothing running.
#
#   deploy/rehearse.sh            full rehearsal
#   deploy/rehearse.sh --short    skips blue-green and failover (what CI runs when time allows)
#   EMS_JAR=path/to.jar           use a built jar instead of building one
set -uo pipefail

SHORT=false
[ "${1:-}" = "--short" ] && SHORT=true
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
WORK=${EMS_REHEARSAL_DIR:-/tmp/ems-rehearsal}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
P_PORT=55432; S_PORT=55433; R_PORT=55434
LB_PORT=18080
DB=employment
RESULTS=()
FAILED=0
PIDS=()

log()  { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
step() { # name verdict figures
  local line; line=$(printf '%-28s %-4s %s' "$1" "$2" "$3")
  RESULTS+=("$line"); echo "STEP $line"
  [ "$2" = "PASS" ] || FAILED=1
}
as_pg() { runuser -u postgres -- "$@"; }
psql_p() { as_pg "$PGBIN/psql" -XAtq -h 127.0.0.1 -p "$1" -d "${3:-$DB}" -c "$2"; }

cleanup() {
  log "cleaning up"
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  sleep 2
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; done
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s stop 2>/dev/null
  for d in primary standby restored; do
    [ -d "$WORK/$d" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1
  done
  true
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------------------
log "prerequisites"
need=()
command -v nginx >/dev/null || need+=(nginx)
[ -n "$PGBIN" ] || need+=(postgresql)
command -v ansible-playbook >/dev/null || need+=(ansible)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
# Debian's nginx package may have started a default server on :80; the rehearsal uses its own instance
rm -rf "$WORK"; mkdir -p "$WORK"/{logs,nginx,wal,backup}; chown postgres "$WORK" "$WORK/wal" "$WORK/backup"
step prerequisites PASS "nginx $(nginx -v 2>&1 | sed 's/.*\///'), postgres $($PGBIN/postgres --version | awk '{print $3}')"

JAR=${EMS_JAR:-}
if [ -z "$JAR" ]; then
  log "building the production jar"
  (cd "$TOP" && ./mvnw -q -B -Pproduction -DskipTests package) > "$WORK/logs/build.log" 2>&1 \
    || { step build FAIL "see $WORK/logs/build.log"; exit 1; }
  JAR=$(ls "$TOP"/target/employment-monitor-*.jar | grep -v original | head -1)
fi
cp "$JAR" "$WORK/app.jar"
step build PASS "$(du -h "$WORK/app.jar" | cut -f1) jar"

# ---------------------------------------------------------------------------------------------------------
log "rendering configuration with the Ansible roles (connection local)"
mkdir -p "$WORK/render"
if ansible-playbook -i "$HERE/ansible/inventory/rehearsal.ini" "$HERE/ansible/rehearsal.yml" \
     -e "ems_render_root=$WORK/render" -e "ems_db_host=127.0.0.1" -e "ems_db_port=$P_PORT" \
     -e "ems_backup_dir=$WORK/backup" -e "ems_db_user=postgres" -e "ems_db_password=" \
     -e "ems_spring_profiles=postgres" > "$WORK/logs/ansible.log" 2>&1; then
  step ansible-render PASS "$(ls "$WORK/render"/etc/ems | tr '\n' ' ')$(ls "$WORK/render/nginx" | tr '\n' ' ')"
else
  step ansible-render FAIL "see $WORK/logs/ansible.log"; exit 1
fi

# ---------------------------------------------------------------------------------------------------------
log "primary and streaming standby"
as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat "$WORK/render/postgresql/ems.conf" | grep -vE '^(shared_buffers|effective_cache_size|max_connections)' \
  | sed "s|listen_addresses = '\*'|listen_addresses = '127.0.0.1'|; s|$WORK/backup/wal|$WORK/wal|g" >> "$WORK/primary/postgresql.conf"
cat >> "$WORK/primary/postgresql.conf" <<EOF
port = $P_PORT
unix_socket_directories = '$WORK'
max_connections = 150
shared_buffers = 256MB
EOF
echo "host replication postgres 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/logs/primary.log" -w start >/dev/null
psql_p $P_PORT "create database $DB" postgres
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $P_PORT -U postgres -D "$WORK/standby" -R -X stream -C -S ems_standby >/dev/null
sed -i "s/^port = $P_PORT/port = $S_PORT/" "$WORK/standby/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -l "$WORK/logs/standby.log" -w start >/dev/null
sleep 2
streaming=$(psql_p $P_PORT "select count(*) from pg_stat_replication where state = 'streaming'" postgres)
[ "$streaming" = "1" ] && step db-primary-standby PASS "primary :$P_PORT, standby :$S_PORT streaming" \
                      || step db-primary-standby FAIL "standby not streaming"

# ---------------------------------------------------------------------------------------------------------
start_node() { # colour route port
  local colour=$1 route=$2 port=$3
  (
    set -a; . "$WORK/render/etc/ems/common.env"; set +a
    export DB_URL="jdbc:postgresql://127.0.0.1:$P_PORT,127.0.0.1:$S_PORT/$DB?targetServerType=primary&connectTimeout=3"
    export SERVER_PORT=$port APP_NODE_ROUTE=$route APP_DEMO_ENABLED=true INFO_APP_COLOUR=$colour
    exec java -Xmx512m -jar "$WORK/app.jar" > "$WORK/logs/$colour-$route.log" 2>&1
  ) &
  LAST_PID=$!
  PIDS+=($LAST_PID)
}
wait_ready() { # port timeout
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 2
  done
  return 1
}

log "application nodes (blue): app1 :8081, app2 :8082"
t0=$SECONDS
start_node blue app1 8081
wait_ready 8081 300 || { step app-nodes FAIL "app1 not ready, see $WORK/logs/blue-app1.log"; exit 1; }
start_node blue app2 8082   # second node after the first has migrated the schema
wait_ready 8082 300 || { step app-nodes FAIL "app2 not ready"; exit 1; }
quartz_nodes=$(psql_p $P_PORT "select count(*) from qrtz_scheduler_state")
[ "$quartz_nodes" -ge 2 ] && step app-nodes PASS "2 nodes ready in $((SECONDS - t0)) s; $quartz_nodes Quartz cluster members" \
                          || step app-nodes FAIL "Quartz cluster members: $quartz_nodes"

# ---------------------------------------------------------------------------------------------------------
log "nginx in front"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$WORK/nginx/ems.key" -out "$WORK/nginx/ems.crt" >/dev/null 2>&1
cp "$WORK/render/nginx/upstream-blue.conf" "$WORK/nginx/upstream-active.conf"
sed -e "s|/etc/nginx/ems/upstream-active.conf|$WORK/nginx/upstream-active.conf|" \
    -e "s|/etc/nginx/ems/tls/|$WORK/nginx/|g" -e "s|/etc/nginx/ems/ems-locations.conf|$HERE/nginx/ems-locations.conf|" \
    -e "s|listen 80;|listen 127.0.0.1:18081;|" -e "s|listen 443 ssl;|listen 127.0.0.1:18443 ssl;|" \
    "$HERE/nginx/ems.conf" > "$WORK/nginx/ems.conf"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $WORK/logs/nginx-access.log;
  include $WORK/nginx/ems.conf;
  # plain-HTTP loopback entry for the rehearsal's clients; same locations as the TLS server
  server {
    listen 127.0.0.1:$LB_PORT;
    add_header X-Upstream \$upstream_addr always;
    include $HERE/nginx/ems-locations.conf;
  }
}
EOF
if nginx -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" > "$WORK/logs/nginx-t.log" 2>&1 \
   && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"; then
  step nginx PASS "nginx -t ok; :$LB_PORT http, :18443 TLS"
else
  step nginx FAIL "see $WORK/logs/nginx-t.log"; exit 1
fi
LB="http://127.0.0.1:$LB_PORT"

# ---------------------------------------------------------------------------------------------------------
# Smoke test through nginx: sign in (API token from user + password), submit the demo enterprise's report
# for the current period, approve it as the city and the province.
smoke() { # base-url
  local base=$1 et ct pt period state rid
  et=$(curl -fs -u demo-enterprise:Demo12345 -X POST "$base/api/v1/tokens" | jq -r .token) || return 1
  ct=$(curl -fs -u kunming-reviewer:Demo12345 -X POST "$base/api/v1/tokens" | jq -r .token) || return 1
  pt=$(curl -fs -u province-reviewer:Demo12345 -X POST "$base/api/v1/tokens" | jq -r .token) || return 1
  period=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/periods/current" | jq -r .code) || return 1
  state=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r '.state // "NONE"')
  if [ "$state" = "ACCEPTED" ]; then
    # already done in an earlier smoke: reopen for correction so the chain runs again
    rid=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r .id)
    curl -fs -X POST -H "Authorization: Bearer $pt" -H 'Content-Type: application/json' \
      -d '{"reason":"rehearsal correction"}' "$base/api/v1/review/reports/$rid/correct" >/dev/null || return 1
    state=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r .state)
  fi
  if [ "$state" = "NONE" ] || [ "$state" = "DRAFT" ] || [ "$state" = "RETURNED" ]; then
    curl -fs -X POST -H "Authorization: Bearer $et" -H 'Content-Type: application/json' \
      -d '{"headcount":120,"hired":3,"separated":2,"dispatched":0,"explanation":"rehearsal smoke test"}' \
      "$base/api/v1/reports/$period" >/dev/null || return 1
  fi
  rid=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r .id) || return 1
  state=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r .state)
  if [ "$state" = "PENDING_CITY" ]; then
    curl -fs -X POST -H "Authorization: Bearer $ct" "$base/api/v1/review/reports/$rid/approve" >/dev/null || return 1
  fi
  curl -fs -X POST -H "Authorization: Bearer $pt" "$base/api/v1/review/reports/$rid/approve" >/dev/null || return 1
  state=$(curl -fs -H "Authorization: Bearer $et" "$base/api/v1/reports/$period" | jq -r .state)
  [ "$state" = "ACCEPTED" ] || return 1
  echo "report $rid of $period ACCEPTED"
}
if out=$(smoke "$LB"); then step smoke-through-nginx PASS "$out"; else step smoke-through-nginx FAIL "see node logs"; fi

# ---------------------------------------------------------------------------------------------------------
load_loop() { # seconds outfile : GETs the login page through nginx every 20 ms, counts failures
  local end=$((SECONDS + $1)) ok=0 fail=0
  while [ $SECONDS -lt $end ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$LB/login")
    if [ "$code" = "200" ]; then ok=$((ok + 1)); else fail=$((fail + 1)); fi
    sleep 0.02
  done
  echo "$ok $fail" > "$2"
}
switch_to() { # colour -> prints seconds until nginx serves from it
  local colour=$1 ports t_start
  ports=$([ "$colour" = green ] && echo "809" || echo "808")
  t_start=$(date +%s.%N)
  cp "$WORK/render/nginx/upstream-$colour.conf" "$WORK/nginx/upstream-active.conf"
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s reload
  for _ in $(seq 1 200); do
    curl -s -D - -o /dev/null "$LB/login" | grep -qi "x-upstream: 127.0.0.1:$ports" && break
    sleep 0.05
  done
  awk -v a="$(date +%s.%N)" -v b="$t_start" 'BEGIN { printf "%.2f", a - b }'
}

if ! $SHORT; then
  log "blue-green: starting green (app1 :8091, app2 :8092) beside blue"
  start_node green app1 8091; GREEN1=$LAST_PID
  wait_ready 8091 300 || { step blue-green FAIL "green app1 not ready"; exit 1; }
  start_node green app2 8092; GREEN2=$LAST_PID
  wait_ready 8092 300 || { step blue-green FAIL "green app2 not ready"; exit 1; }
  if smoke "http://127.0.0.1:8091" >/dev/null; then green_ok=PASS; else green_ok=FAIL; fi
  step green-smoke "$green_ok" "green smoke-tested directly on :8091 before the switch"

  load_loop 20 "$WORK/load-switch" & LPID=$!
  sleep 5; sw=$(switch_to green); sleep 5
  wait $LPID; read -r ok fail < "$WORK/load-switch"
  [ "$fail" = "0" ] && v=PASS || v=FAIL
  step blue-green-switch "$v" "switch ${sw}s, $ok requests ok, $fail failed during the switch"

  load_loop 20 "$WORK/load-rollback" & LPID=$!
  sleep 5; sw=$(switch_to blue); sleep 5
  wait $LPID; read -r ok fail < "$WORK/load-rollback"
  [ "$fail" = "0" ] && v=PASS || v=FAIL
  step blue-green-rollback "$v" "rollback ${sw}s, $ok requests ok, $fail failed during the rollback"

  # green is no longer needed
  kill $GREEN1 $GREEN2 2>/dev/null

  # -------------------------------------------------------------------------------------------------------
  log "failover: stop the primary, promote the standby"
  psql_p $P_PORT "create table if not exists rehearsal_marker (id bigint primary key, at timestamptz default now())"
  ( i=0; while true; do i=$((i + 1)); psql_p $P_PORT "insert into rehearsal_marker (id) values ($i)" >/dev/null 2>&1 \
        && echo $i > "$WORK/marker-acked"; sleep 0.05; done ) & MPID=$!
  sleep 3
  t_fail=$(date +%s.%N)
  as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null
  kill $MPID 2>/dev/null; wait $MPID 2>/dev/null
  acked=$(cat "$WORK/marker-acked")
  as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -w promote >/dev/null
  present=$(psql_p $S_PORT "select coalesce(max(id), 0) from rehearsal_marker")
  lost=$((acked - present)); [ $lost -lt 0 ] && lost=0
  recovered=""
  for _ in $(seq 1 60); do
    if out=$(smoke "$LB" 2>/dev/null); then recovered=$(awk -v a="$(date +%s.%N)" -v b="$t_fail" 'BEGIN { printf "%.1f", a - b }'); break; fi
    sleep 2
  done
  if [ -n "$recovered" ]; then
    step failover PASS "RPO ${lost} acknowledged transactions lost (last acked $acked, present $present); RTO ${recovered}s until the smoke test passed again"
  else
    step failover FAIL "application did not recover on the promoted standby"
  fi
  NEW_PRIMARY=$S_PORT
else
  NEW_PRIMARY=$P_PORT
fi

# ---------------------------------------------------------------------------------------------------------
log "backup (dump + base backup with WAL) and restore into a fresh cluster"
# the nodes are stopped first so the source does not change between the dump and the reconciliation
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; sleep 5
export PGHOST=127.0.0.1 PGPORT=$NEW_PRIMARY PGUSER=postgres
as_pg env PGHOST=127.0.0.1 PGPORT=$NEW_PRIMARY PGUSER=postgres "$PGBIN/psql" -XAtq -d $DB -c "checkpoint" >/dev/null
mkdir -p "$WORK/backup/b1"; chown -R postgres "$WORK/backup"
as_pg "$PGBIN/pg_dump" -h 127.0.0.1 -p $NEW_PRIMARY -U postgres -Fc -f "$WORK/backup/b1/$DB.dump" $DB
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $NEW_PRIMARY -U postgres -D "$WORK/backup/b1/base" -Ft -z -X fetch >/dev/null
as_pg "$PGBIN/initdb" -D "$WORK/restored" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
printf "port = %s\nunix_socket_directories = '%s'\n" $R_PORT "$WORK" >> "$WORK/restored/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/restored" -l "$WORK/logs/restored.log" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p $R_PORT -U postgres $DB
as_pg "$PGBIN/pg_restore" -h 127.0.0.1 -p $R_PORT -U postgres --no-owner -d $DB "$WORK/backup/b1/$DB.dump" 2> "$WORK/logs/restore.log"
if out=$(as_pg env PGHOST=127.0.0.1 PGPORT=$NEW_PRIMARY PGUSER=postgres PATH="$PGBIN:$PATH" \
          "$HERE/backup/ems-reconcile.sh" compare $DB $DB $R_PORT 2>&1); then
  step backup-restore PASS "$out; base backup $(du -sh "$WORK/backup/b1/base" | cut -f1)"
else
  step backup-restore FAIL "$(echo "$out" | head -5 | tr '\n' ' ')"
fi

# ---------------------------------------------------------------------------------------------------------
echo
echo "Rehearsal summary"
for r in "${RESULTS[@]}"; do echo "  $r"; done
[ $FAILED -eq 0 ] && echo "ALL STEPS PASSED" || echo "SOME STEPS FAILED"
exit $FAILED
