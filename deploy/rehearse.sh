#!/usr/bin/env bash
# Rehearses the province's deployment plan on one Debian machine, on loopback ports:
#   primary + streaming standby PostgreSQL, two application JVMs (clustered Quartz) behind nginx,
#   a smoke test through nginx, a blue-green switch and rollback under load, a database failover,
#   and a backup (dump + base backup with archived WAL) restored into fresh clusters and reconciled.
# Prints one line per step ("STEP name PASS|FAIL figures") and a summary, exits non-zero if any step failed,
# and leaves nothing running (its own PostgreSQL clusters, JVMs and nginx are stopped on every exit).
#
#   deploy/rehearse.sh            full rehearsal (about 10 minutes on 2 cores)
#   deploy/rehearse.sh --short    one node per colour, blue-green switch and rollback, backup and restore;
#                                 no standby, no failover (what CI runs)
# Environment:
#   EMS_JAR=path/to.jar           use a built jar instead of building one (the production profile)
#   EMS_REHEARSAL_DIR=/tmp/...    scratch directory (default /tmp/ems-rehearsal), wiped at the start
#   EMS_REHEARSAL_XMX=512m        heap of each application JVM
#   EMS_REHEARSAL_LB_PORT=18080   plain-HTTP loopback port of the rehearsal's nginx
# Fixed ports: PostgreSQL 25432-25435; application nodes 8081, 8082 (blue) and 8091, 8092 (green), each with its
# actuator management port at +1000 (9081, 9082, 9091, 9092).
# Needs root (it runs PostgreSQL as the postgres user and installs missing Debian packages).
set -uo pipefail
{ # the whole script is one compound command: bash reads it completely before running it, so editing
  # the file during a rehearsal cannot change the running one

SHORT=false
[ "${1:-}" = "--short" ] && SHORT=true
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
WORK=${EMS_REHEARSAL_DIR:-/tmp/ems-rehearsal}
XMX=${EMS_REHEARSAL_XMX:-512m}
# below Linux's ephemeral range (32768-60999): a port in it can be taken by any outgoing connection of the moment,
# and a cluster then fails to bind (seen: the dump-restore cluster on 55434 during a CI run)
P_PORT=25432; S_PORT=25433; R_PORT=25434; T_PORT=25435
LB_PORT=${EMS_REHEARSAL_LB_PORT:-18080}; TLS_PORT=$((LB_PORT + 363))
READY_TIMEOUT=${EMS_REHEARSAL_READY_TIMEOUT:-420}
DB=employment
RESULTS=()
FAILED=0
PIDS=()
T_START=$SECONDS

log()  { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
step() { # name verdict figures
  local line; line=$(printf '%-22s %-4s %s' "$1" "$2" "$3")
  RESULTS+=("$line"); echo "STEP $line"
  [ "$2" = "PASS" ] || FAILED=1
}
die()  { step "$1" FAIL "$2"; exit 1; }   # a step the rest depends on failed
as_pg() { runuser -u postgres -- "$@"; }
psql_p() { as_pg "$PGBIN/psql" -XAtq -h 127.0.0.1 -p "$1" -d "${3:-$DB}" -c "$2"; }
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

if [ "$(id -u)" != 0 ]; then echo "rehearse.sh needs root (PostgreSQL runs as postgres; apt installs)" >&2; exit 2; fi

stop_pg() { [ -f "$WORK/$1/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/$1" -m fast -w -t 30 stop >/dev/null 2>&1; true; }
cleanup() {
  log "cleaning up"
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s stop 2>/dev/null
  for d in primary standby restored pitr; do stop_pg $d; done
  true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------
log "prerequisites"
need=()
command -v nginx >/dev/null || need+=(nginx)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v ansible-playbook >/dev/null || need+=(ansible-core)
command -v java >/dev/null || need+=(openjdk-17-jre-headless)
for c in curl jq openssl; do command -v $c >/dev/null || need+=($c); done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
    > /tmp/ems-rehearsal-apt.log 2>&1 || { echo "apt-get install ${need[*]} failed, see /tmp/ems-rehearsal-apt.log" >&2; exit 1; }
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
busy=""
for port in $P_PORT $S_PORT $R_PORT $T_PORT $LB_PORT $TLS_PORT 8081 8082 8091 8092 9081 9082 9091 9092; do
  [ -n "$(ss -Hltn "sport = :$port")" ] && busy="$busy $port"
done
[ -z "$busy" ] || { echo "ports in use:$busy (another rehearsal still running?)" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"/{logs,nginx,backup/wal,bin}
chown postgres "$WORK" "$WORK/logs" "$WORK/backup" "$WORK/backup/wal"
# the backup scripts are installed like the backup role does (/usr/local/bin on db-primary)
cp "$HERE"/backup/ems-*.sh "$WORK/bin/"; chmod 755 "$WORK/bin" "$WORK"/bin/*.sh
step prerequisites PASS "nginx $(nginx -v 2>&1 | sed 's/.*\///'), postgres $("$PGBIN"/postgres --version | awk '{print $3}'), $(java -version 2>&1 | head -1 | tr -d '"')"

JAR=${EMS_JAR:-}
if [ -z "$JAR" ]; then
  log "building the production jar"
  (cd "$TOP" && ./mvnw -q -B -Pproduction -DskipTests package) > "$WORK/logs/build.log" 2>&1 \
    || die build "see $WORK/logs/build.log"
  JAR=$(ls "$TOP"/target/employment-monitor-*.jar | grep -v original | head -1)
fi
[ -f "$JAR" ] || die build "no jar at $JAR"
cp "$JAR" "$WORK/app.jar"
step build PASS "$(du -h "$WORK/app.jar" | cut -f1) jar $(basename "$JAR")"

# ---------------------------------------------------------------------------------------------------------
log "rendering configuration with the Ansible roles (connection local)"
if ansible-playbook -i "$HERE/ansible/inventory/rehearsal.ini" "$HERE/ansible/rehearsal.yml" \
     -e "ems_render_root=$WORK/render" -e "ems_backup_dir=$WORK/backup" \
     -e "ems_db_user=postgres" -e "ems_db_password=" -e "ems_spring_profiles=postgres" \
     -e "ems_java_opts='-Xms128m -Xmx$XMX -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8'" \
     > "$WORK/logs/ansible.log" 2>&1; then
  step ansible-render PASS "$(cd "$WORK/render" && find . -type f | sort | sed 's|^\./||' | tr '\n' ' ')"
else
  die ansible-render "see $WORK/logs/ansible.log"
fi

# ---------------------------------------------------------------------------------------------------------
log "primary$($SHORT || echo ' and streaming standby')"
as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$WORK/logs/initdb.log" 2>&1 \
  || die db "initdb failed, see $WORK/logs/initdb.log"
# the role's settings, minus the memory sizes meant for a dedicated database server
grep -vE '^(listen_addresses|shared_buffers|effective_cache_size|max_connections)' "$WORK/render/postgresql/ems.conf" \
  >> "$WORK/primary/postgresql.conf"
cat >> "$WORK/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $P_PORT
unix_socket_directories = '$WORK'
max_connections = 150
shared_buffers = 128MB
EOF
echo "host replication postgres 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/logs/primary.log" -w start >/dev/null \
  || die db "primary did not start, see $WORK/logs/primary.log"
psql_p $P_PORT "create database $DB" postgres || die db "create database failed"
if ! $SHORT; then
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $P_PORT -U postgres -D "$WORK/standby" -R -X stream -C -S ems_standby -c fast \
    > "$WORK/logs/standby-clone.log" 2>&1 || die db "pg_basebackup of the standby failed, see $WORK/logs/standby-clone.log"
  sed -i "s/^port = $P_PORT/port = $S_PORT/" "$WORK/standby/postgresql.conf"
  as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -l "$WORK/logs/standby.log" -w start >/dev/null \
    || die db "standby did not start, see $WORK/logs/standby.log"
  streaming=0
  for _ in $(seq 1 20); do
    streaming=$(psql_p $P_PORT "select count(*) from pg_stat_replication where state = 'streaming'" postgres)
    [ "$streaming" = "1" ] && break; sleep 0.5
  done
  [ "$streaming" = "1" ] || die db-primary-standby "standby not streaming, see $WORK/logs/standby.log"
  step db-primary-standby PASS "primary :$P_PORT, standby :$S_PORT streaming (slot ems_standby), WAL archived to backup/wal"
else
  step db-primary PASS "primary :$P_PORT, WAL archived to backup/wal (short mode: no standby)"
fi

# ---------------------------------------------------------------------------------------------------------
# The nodes get their environment from the rendered env files, as systemd's EnvironmentFile= gives it
# (KEY=value lines, no shell quoting): common.env, then <route>.env; colour and ports on top (the management
# port, where actuator and Prometheus's scrape live, is the application port + 1000).
load_env() { local line; while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac; export "${line%%=*}=${line#*=}"; done < "$1"; }
start_node() { # colour route port
  local colour=$1 route=$2 port=$3
  (
    load_env "$WORK/render/etc/ems/common.env"
    load_env "$WORK/render/etc/ems/$route.env"
    export SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$((port + 1000)) APP_DEMO_ENABLED=true INFO_APP_COLOUR=$colour
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options, as in ems@.service
    exec java $JAVA_OPTS -jar "$WORK/app.jar" > "$WORK/logs/$colour-$route.log" 2>&1
  ) &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}
wait_ready() { # port pid timeout
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$2" 2>/dev/null || return 1
    curl -fs --max-time 5 "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0
    sleep 2
  done
  return 1
}
stop_node() { # pid: graceful (SIGTERM, Spring's graceful shutdown), as systemctl stop does
  kill "$1" 2>/dev/null
  for _ in $(seq 1 90); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null; return 1
}

log "application nodes (blue): app1 :8081$($SHORT || echo ', app2 :8082')"
t0=$SECONDS
start_node blue app1 8081; BLUE1=$LAST_PID
wait_ready 8081 $BLUE1 $READY_TIMEOUT || die app-nodes "blue app1 not ready, see $WORK/logs/blue-app1.log"
nodes="1 node"
if ! $SHORT; then
  start_node blue app2 8082; BLUE2=$LAST_PID   # second node after the first has migrated the schema
  wait_ready 8082 $BLUE2 $READY_TIMEOUT || die app-nodes "blue app2 not ready, see $WORK/logs/blue-app2.log"
  nodes="2 nodes"
fi
quartz_nodes=$(psql_p $P_PORT "select count(*) from qrtz_scheduler_state")
expected=$($SHORT && echo 1 || echo 2)
[ "${quartz_nodes:-0}" -ge "$expected" ] \
  && step app-nodes PASS "$nodes ready in $((SECONDS - t0)) s; $quartz_nodes Quartz cluster member(s) in qrtz_scheduler_state" \
  || die app-nodes "Quartz cluster members: ${quartz_nodes:-none}, expected $expected"

# ---------------------------------------------------------------------------------------------------------
log "nginx in front"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$WORK/nginx/ems.key" -out "$WORK/nginx/ems.crt" >/dev/null 2>&1
if $SHORT; then  # one node per colour: the upstreams name only app1
  for c in blue green; do
    sed -E 's/ server 127\.0\.0\.1:80[89]2[^;]*;//g' "$WORK/render/nginx/upstream-$c.conf" | grep -v '^upstream ems_app2' \
      > "$WORK/nginx/upstream-$c.conf"
  done
else
  cp "$WORK/render/nginx/upstream-blue.conf" "$WORK/render/nginx/upstream-green.conf" "$WORK/nginx/"
fi
cp "$WORK/nginx/upstream-blue.conf" "$WORK/nginx/upstream-active.conf"
sed -e "s|/etc/nginx/ems/upstream-active.conf|$WORK/nginx/upstream-active.conf|" \
    -e "s|/etc/nginx/ems/tls/|$WORK/nginx/|g" -e "s|/etc/nginx/ems/ems-locations.conf|$HERE/nginx/ems-locations.conf|" \
    -e "s|listen 80;|listen 127.0.0.1:$((LB_PORT + 1));|" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$TLS_PORT ssl http2;|" \
    "$HERE/nginx/ems.conf" > "$WORK/nginx/ems.conf"
if $SHORT; then sed -i '/~\\.app2\$/d' "$WORK/nginx/ems.conf"; fi
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $WORK/logs/nginx-access.log;
  client_body_temp_path $WORK/nginx/tmp-body;
  proxy_temp_path $WORK/nginx/tmp-proxy;
  fastcgi_temp_path $WORK/nginx/tmp-fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp-uwsgi;
  scgi_temp_path $WORK/nginx/tmp-scgi;
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
   && nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >> "$WORK/logs/nginx-t.log" 2>&1; then
  tls=$(curl -sk -o /dev/null -w '%{http_code} %{http_version}' "https://127.0.0.1:$TLS_PORT/actuator/health")
  step nginx PASS "nginx -t ok; :$LB_PORT http (rehearsal clients), :$TLS_PORT TLS answers ${tls:-nothing}"
else
  die nginx "see $WORK/logs/nginx-t.log"
fi
LB="http://127.0.0.1:$LB_PORT"

# ---------------------------------------------------------------------------------------------------------
# Smoke test: sign in (API tokens from user + password), submit the demo enterprise's report for the current
# period, approve it as the city and the province; a report already accepted by an earlier smoke is reopened
# for correction by the province first, so the whole chain runs every time.
api() { # method url token [json]
  local args=(-sS --fail-with-body --max-time 30 -X "$1" -H "Authorization: Bearer $3")
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}" "$2"
}
token() { curl -fsS --max-time 30 -u "$2:Demo12345" -X POST "$1/api/v1/tokens" | jq -er .token; }
smoke() { # base-url
  local base=$1 et ct pt period state rid report headcount
  et=$(token "$base" demo-enterprise) && ct=$(token "$base" kunming-reviewer) && pt=$(token "$base" province-reviewer) \
    || { echo "no API token"; return 1; }
  period=$(api GET "$base/api/v1/periods/current" "$et" | jq -er .code) || { echo "no current period"; return 1; }
  state=$(api GET "$base/api/v1/reports/$period" "$et" 2>/dev/null | jq -r '.state // "NONE"')
  state=${state:-NONE}
  if [ "$state" = "ACCEPTED" ]; then
    rid=$(api GET "$base/api/v1/reports/$period" "$et" | jq -r .id)
    api POST "$base/api/v1/review/reports/$rid/correct" "$pt" '{"reason":"rehearsal correction"}' >/dev/null \
      || { echo "correction of report $rid failed"; return 1; }
    state=$(api GET "$base/api/v1/reports/$period" "$et" | jq -r .state)
  fi
  case "$state" in
    NONE|DRAFT|RETURNED|MISSING)
      # the draft (created if needed) tells the baseline; no decrease, so no reduction reasons are needed
      report=$(api PUT "$base/api/v1/reports/$period/draft" "$et" '{}' 2>/dev/null || api GET "$base/api/v1/reports/$period" "$et")
      headcount=$(echo "$report" | jq -r '[.baselineHeadcount, (.previousHeadcount // 0)] | max')
      api POST "$base/api/v1/reports/$period" "$et" \
        "{\"headcount\":$headcount,\"hired\":3,\"separated\":2,\"dispatched\":0,\"explanation\":\"rehearsal smoke test\"}" \
        > "$WORK/last-submit.json" 2>&1 || { echo "submit of $period failed from state $state: $(cat "$WORK/last-submit.json")"; return 1; } ;;
  esac
  rid=$(api GET "$base/api/v1/reports/$period" "$et" | jq -er .id) || { echo "no report"; return 1; }
  state=$(api GET "$base/api/v1/reports/$period" "$et" | jq -r .state)
  if [ "$state" = "PENDING_CITY" ]; then
    api POST "$base/api/v1/review/reports/$rid/approve" "$ct" >/dev/null || { echo "city approval failed"; return 1; }
  fi
  api POST "$base/api/v1/review/reports/$rid/approve" "$pt" >/dev/null || { echo "province approval failed"; return 1; }
  state=$(api GET "$base/api/v1/reports/$period" "$et" | jq -r .state)
  [ "$state" = "ACCEPTED" ] || { echo "report $rid ended in $state"; return 1; }
  echo "report $rid of $period submitted, approved by city and province: ACCEPTED"
}
if out=$(smoke "$LB" 2>&1); then step smoke-through-nginx PASS "$out"; else die smoke-through-nginx "$out"; fi

# The business metrics of that smoke test on the node's Prometheus endpoint, scraped on its management port as
# Prometheus does; neither nginx nor the node's application port serves /actuator/prometheus
scrape=$(curl -fs --max-time 10 http://127.0.0.1:9081/actuator/prometheus; curl -fs --max-time 10 http://127.0.0.1:9082/actuator/prometheus)
missing=""
for m in ems_reports_submitted_total ems_reviews_total ems_inbox_query_seconds_count; do
  grep -q "^$m" <<< "$scrape" || missing="$missing $m"
done
blocked=$(curl -s -o /dev/null -w '%{http_code}' "$LB/actuator/prometheus")
on_app_port=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/actuator/prometheus)
if [ -z "$missing" ] && [ "$blocked" = "404" ] && [ "$on_app_port" = "404" ]; then
  step metrics PASS "$(grep -E '^ems_(reports_submitted_total|reviews_total)' <<< "$scrape" | awk '{s[$1 ~ /reviews/ ? "reviews" : "submitted"] += $2} END {printf "ems_reports_submitted_total %d (with the demo seeding), ems_reviews_total %d", s["submitted"], s["reviews"]}') on the nodes' management ports (:9081/actuator/prometheus); 404 through nginx and on the application port"
else
  step metrics FAIL "missing:${missing:- none}; /actuator/prometheus through nginx answered $blocked, on the application port :8081 $on_app_port"
fi

# ---------------------------------------------------------------------------------------------------------
# Load during a switch: API reads (a real request through the application and the database) and the Vaadin
# login page, back to back; every answer other than 200 counts as failed.
load_loop() { # seconds outfile
  local end=$((SECONDS + $1)) ok=0 fail=0 n=0 tok code url
  tok=$(token "$LB" demo-enterprise) || { echo "0 1" > "$2"; return; }
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    if [ $((n % 5)) = 0 ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$LB/login")
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $tok" "$LB/api/v1/periods/current")
    fi
    if [ "$code" = "200" ]; then ok=$((ok + 1)); else fail=$((fail + 1)); echo "$(date +%T.%N) $code" >> "$2.failures"; fi
    sleep 0.02
  done
  echo "$ok $fail" > "$2"
}
switch_to() { # colour -> prints seconds from the reload until nginx serves from that colour
  local colour=$1 prefix t_start headers
  prefix=$([ "$colour" = green ] && echo "809" || echo "808")
  t_start=$(date +%s.%N)
  cp "$WORK/nginx/upstream-$colour.conf" "$WORK/nginx/upstream-active.conf"
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s reload
  for _ in $(seq 1 400); do
    headers=$(curl -s -D - -o /dev/null --max-time 5 "$LB/actuator/health")
    grep -qi "^x-upstream: 127.0.0.1:$prefix" <<< "$headers" && break
    sleep 0.05
  done
  elapsed "$t_start"
}
under_load() { # colour name label
  local lpid ok fail sw secs
  secs=$($SHORT && echo 10 || echo 20) # the switch comes after a third of the window, with load before and after it
  load_loop "$secs" "$WORK/load-$2" & lpid=$!
  sleep $((secs * 3 / 10)); sw=$(switch_to "$1"); wait $lpid
  read -r ok fail < "$WORK/load-$2"
  [ "$fail" = "0" ] && [ "$ok" -gt 0 ] && v=PASS || v=FAIL
  step "$2" "$v" "$3 in ${sw}s (reload until the first answer from $1); $ok requests ok, $fail failed in $secs s of load"
}

log "blue-green: starting green beside blue"
t0=$SECONDS
start_node green app1 8091; GREEN1=$LAST_PID
wait_ready 8091 $GREEN1 $READY_TIMEOUT || die green-start "green app1 not ready, see $WORK/logs/green-app1.log"
GREEN2=""
if ! $SHORT; then
  start_node green app2 8092; GREEN2=$LAST_PID
  wait_ready 8092 $GREEN2 $READY_TIMEOUT || die green-start "green app2 not ready, see $WORK/logs/green-app2.log"
fi
if out=$(smoke "http://127.0.0.1:8091" 2>&1); then
  step green-smoke PASS "green ready in $((SECONDS - t0)) s; smoke-tested directly on :8091 before the switch: $out"
else
  die green-smoke "$out"
fi
under_load green blue-green-switch "switch to green"
under_load blue blue-green-rollback "rollback to blue"
# green is no longer needed: stopped gracefully, as systemctl stop would
stop_node "$GREEN1"; [ -n "$GREEN2" ] && stop_node "$GREEN2"

# ---------------------------------------------------------------------------------------------------------
NEW_PRIMARY=$P_PORT
if ! $SHORT; then
  log "failover: stop the primary, promote the standby"
  psql_p $P_PORT "create table rehearsal_marker (id bigint primary key, at timestamptz default now())"
  # a writer acknowledging each committed insert: what the primary acknowledged and the standby lacks is the RPO
  ( i=0; while true; do i=$((i + 1)); psql_p $P_PORT "insert into rehearsal_marker (id) values ($i)" >/dev/null 2>&1 \
        && echo $i > "$WORK/marker-acked"; sleep 0.02; done ) & MPID=$!
  sleep 3
  t_fail=$(date +%s.%N)
  as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null
  sleep 0.2; kill $MPID 2>/dev/null; wait $MPID 2>/dev/null
  acked=$(cat "$WORK/marker-acked")
  as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -w promote >/dev/null || die failover "promotion failed, see $WORK/logs/standby.log"
  promoted=$(elapsed "$t_fail")
  present=$(psql_p $S_PORT "select coalesce(max(id), 0) from rehearsal_marker")
  lost=$((acked - present)); [ $lost -lt 0 ] && lost=0
  recovered=""; out=""
  for _ in $(seq 1 90); do
    if out=$(smoke "$LB" 2>&1); then recovered=$(elapsed "$t_fail"); break; fi
    sleep 1
  done
  if [ -n "$recovered" ]; then
    step failover PASS "RPO $lost acknowledged transactions lost (last acked $acked, on standby $present); standby promoted after ${promoted}s; RTO ${recovered}s until the smoke test through nginx passed again"
  else
    step failover FAIL "application did not recover on the promoted standby: $out"
  fi
  NEW_PRIMARY=$S_PORT
fi

# ---------------------------------------------------------------------------------------------------------
log "backup (ems-backup.sh: base backup + dump + manifest, WAL archived) and restore into fresh clusters"
# the nodes are stopped first so the source does not change between the backup and the reconciliation
for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && stop_node "$pid"; done
# the backup role's environment file (EnvironmentFile= of ems-backup.service), plus the connection
mapfile -t backup_env < <(grep -E '^[A-Z_]+=' "$WORK/render/postgresql/ems-backup.env")
BENV=(env PATH="$PGBIN:$PATH" PGHOST=127.0.0.1 PGPORT=$NEW_PRIMARY PGUSER=postgres "${backup_env[@]}")
t0=$(date +%s.%N)
if ! as_pg "${BENV[@]}" "$WORK/bin/ems-backup.sh" > "$WORK/logs/backup.log" 2>&1; then
  die backup "ems-backup.sh failed: $(tail -3 "$WORK/logs/backup.log" | tr '\n' ' ')"
fi
bdir=$(ls -d "$WORK"/backup/20* | tail -1)
# close the current WAL segment so the archive holds everything up to now (archive_timeout does this in production)
psql_p $NEW_PRIMARY "select pg_switch_wal()" postgres >/dev/null; sleep 2
step backup PASS "$(tail -1 "$WORK/logs/backup.log") in $(elapsed "$t0")s; $(ls "$WORK/backup/wal" | wc -l) WAL files archived"

fresh() { # name port
  as_pg "$PGBIN/initdb" -D "$WORK/$1" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 || return 1
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" "$2" "$WORK" >> "$WORK/$1/postgresql.conf"
  as_pg "$PGBIN/pg_ctl" -D "$WORK/$1" -l "$WORK/logs/$1.log" -w start >/dev/null
}
reconcile() { # port -> "N/N rows, T tables" or differences; exit status of the comparison
  as_pg "${BENV[@]}" "$WORK/bin/ems-reconcile.sh" compare $DB $DB "$1" 2>&1
}
total_rows=$(awk -F'\t' '{s += $2} END {print s}' "$bdir/manifest.tsv")

# logical: the dump into a new, empty database of a fresh cluster
t0=$(date +%s.%N)
if fresh restored $R_PORT && as_pg env PATH="$PGBIN:$PATH" PGHOST=127.0.0.1 PGPORT=$R_PORT PGUSER=postgres \
     "$WORK/bin/ems-restore.sh" dump "$bdir" $DB > "$WORK/logs/restore-dump.log" 2>&1; then
  took=$(elapsed "$t0")
  if out=$(reconcile $R_PORT); then
    step restore-dump PASS "pg_restore in ${took}s; $out; $total_rows/$total_rows rows (100 %) match the source"
  else
    step restore-dump FAIL "differences: $(echo "$out" | head -6 | tr '\n' ' ')"
  fi
else
  step restore-dump FAIL "see $WORK/logs/restored.log (the fresh cluster) and $WORK/logs/restore-dump.log"
fi

# physical: the base backup plus the archived WAL (point-in-time recovery to the end of the archive)
t0=$(date +%s.%N)
if as_pg env EMS_WAL_ARCHIVE="$WORK/backup/wal" "$WORK/bin/ems-restore.sh" pitr "$bdir" "$WORK/pitr" > "$WORK/logs/restore-pitr.log" 2>&1; then
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" $T_PORT "$WORK" >> "$WORK/pitr/postgresql.auto.conf"
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pitr" -l "$WORK/logs/pitr.log" -w -t 120 start >/dev/null
  for _ in $(seq 1 60); do
    [ "$(psql_p $T_PORT "select pg_is_in_recovery()" postgres 2>/dev/null)" = "f" ] && break; sleep 1
  done
  took=$(elapsed "$t0")
  if [ "$(psql_p $T_PORT "select pg_is_in_recovery()" postgres 2>/dev/null)" != "f" ]; then
    step restore-pitr FAIL "recovery did not finish, see $WORK/logs/pitr.log"
  elif out=$(reconcile $T_PORT); then
    step restore-pitr PASS "base backup + $(grep -c 'restored log file' "$WORK/logs/pitr.log") archived WAL files replayed in ${took}s; $out; $total_rows/$total_rows rows (100 %) match the source"
  else
    step restore-pitr FAIL "differences: $(echo "$out" | head -6 | tr '\n' ' ')"
  fi
else
  step restore-pitr FAIL "see $WORK/logs/restore-pitr.log"
fi

# ---------------------------------------------------------------------------------------------------------
cleanup; trap - EXIT
left=""
for port in $P_PORT $S_PORT $R_PORT $T_PORT $LB_PORT $TLS_PORT 8081 8082 8091 8092 9081 9082 9091 9092; do
  [ -n "$(ss -Hltn "sport = :$port")" ] && left="$left $port"
done
[ -z "$left" ] && step cleanup PASS "nothing left listening on the rehearsal's ports; JVMs, nginx and PostgreSQL clusters stopped" \
               || step cleanup FAIL "still listening:$left"

echo
echo "Rehearsal summary ($($SHORT && echo short || echo full) mode, $((SECONDS - T_START)) s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for r in "${RESULTS[@]}"; do echo "  $r"; done
if [ $FAILED -eq 0 ]; then
  # keep the logs and the rendered files; the data directories, backups and jar copy are large (hundreds of MB)
  rm -rf "$WORK"/{primary,standby,restored,pitr,backup,app.jar}
  echo "ALL STEPS PASSED (logs in $WORK/logs)"
else
  echo "SOME STEPS FAILED (logs in $WORK/logs; data directories and backups kept in $WORK)"
fi
exit $FAILED
}
