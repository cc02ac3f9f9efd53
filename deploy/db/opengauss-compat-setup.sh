#!/usr/bin/env bash
# Prepares a local PostgreSQL 15+ so that the openGauss JDBC driver (org.opengauss:opengauss-jdbc) can talk to it
# the way it talks to openGauss. Used by .ci/run before the openGauss-driver tests (mvn -Popengauss); see
# docs/adr/0001-database.md for why each step is needed. Idempotent; run as root (or a user that may edit pg_hba.conf)
# on the database host.
#
#   1. a dedicated login role whose password is stored as MD5 (the driver cannot do SCRAM-SHA-256 with
#      PostgreSQL), and a "host ... md5" line for that role at the top of pg_hba.conf, then a reload;
#   2. a database owned by that role (recreated on every run: it is a test database);
#   3. the datcompatibility shim: right after connecting, the driver runs
#        select datcompatibility from pg_database where datname='<db>'
#      (an openGauss-only column). A view shim.pg_database = pg_catalog.pg_database + datcompatibility 'PG'
#      is put before pg_catalog in the role's search_path (public, shim, pg_catalog), so the unqualified name
#      resolves to the view while tables are still created in public.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGSUPERUSER (postgres, must be able to log in without a
# password, e.g. trust for 127.0.0.1), OG_DB (ems_og_test), OG_USER (ems_og), OG_PASSWORD (Ems_og_2026).
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
OG_DB=${OG_DB:-ems_og_test}
OG_USER=${OG_USER:-ems_og}
OG_PASSWORD=${OG_PASSWORD:-Ems_og_2026}

psql_su() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -v ON_ERROR_STOP=1 -qAt "$@"; }

# 1. role with an MD5 password
psql_su -d postgres -v user="$OG_USER" -v pw="$OG_PASSWORD" <<'SQL'
select format('create role %I login', :'user')
 where not exists (select 1 from pg_roles where rolname = :'user') \gexec
set password_encryption = 'md5';
select format('alter role %I with login password %L', :'user', :'pw') \gexec
SQL
if [[ "$(psql_su -d postgres -c "select left(rolpassword, 3) from pg_authid where rolname = '$OG_USER'")" != md5 ]]; then
  echo "password of $OG_USER is not stored as md5" >&2; exit 1
fi

# pg_hba.conf: md5 for this role, inserted before every other rule (first match wins)
HBA=$(psql_su -d postgres -c "show hba_file")
MARK="# ems: openGauss driver compatibility role (deploy/db/opengauss-compat-setup.sh)"
if ! grep -qF "$MARK" "$HBA"; then
  tmp=$(mktemp)
  { echo "$MARK"
    echo "host    all    $OG_USER    127.0.0.1/32    md5"
    echo "host    all    $OG_USER    ::1/128         md5"
    cat "$HBA"; } > "$tmp"
  cat "$tmp" > "$HBA"   # keep the file's owner and mode
  rm -f "$tmp"
fi
psql_su -d postgres -c "select pg_reload_conf()" > /dev/null

# 2. a fresh database owned by the role
psql_su -d postgres -c "drop database if exists $OG_DB with (force)"
psql_su -d postgres -c "create database $OG_DB owner $OG_USER"

# 3. the pg_database.datcompatibility shim, visible to this role in this database
psql_su -d "$OG_DB" -v user="$OG_USER" -v db="$OG_DB" <<'SQL'
create schema shim;
create view shim.pg_database as
  select d.*, 'PG'::name as datcompatibility from pg_catalog.pg_database d;
select format('grant usage on schema shim to %I', :'user') \gexec
select format('grant select on shim.pg_database to %I', :'user') \gexec
select format('alter role %I in database %I set search_path = public, shim, pg_catalog', :'user', :'db') \gexec
SQL

# check: the role logs in with its md5 password over TCP and sees the shim
PGPASSWORD="$OG_PASSWORD" psql "host=$PGHOST port=$PGPORT dbname=$OG_DB user=$OG_USER" -v ON_ERROR_STOP=1 -qAt \
  -c "select datcompatibility from pg_database where datname = current_database()" | grep -qx PG
echo "openGauss compatibility set up: jdbc:opengauss://$PGHOST:$PGPORT/$OG_DB?protocolVersion=3&use_boolean=true (user $OG_USER)"
