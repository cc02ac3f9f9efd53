#!/usr/bin/env bash
# Re-runs the whole table of docs/performance.md (issue 15) and issue 13's migration figure, on a quiet machine.
# PostgreSQL at localhost:5432 (trust auth, user postgres). Each scale gets its own database, created if missing;
# generated data are kept, so a second run skips generation. Results: bench-results/{full,scale-*,migration}/results.md,
# bench-results/p8.md and docs/performance-p8.png.
#   bench/run-all.sh                 # everything (P6 needs the production jar: built first unless SKIP_JAR=1)
#   SCALES="10000 100000" bench/run-all.sh
#   SKIP_JAR=1 SKIP_MIGRATION=1 bench/run-all.sh   # jar already built; without the migration figure
set -euo pipefail
cd "$(dirname "$0")/.."
PG="psql -h localhost -U postgres -qAt"
SCALES=${SCALES:-"10000 100000 300000"}
BURST=${BURST:-50000}
MIG_ENTERPRISES=${MIG_ENTERPRISES:-100000}
db() { echo "ems_bench_$1"; }
ensure_db() { $PG -c "select 1 from pg_database where datname = '$1'" | grep -q 1 || $PG -c "create database $1"; }
url() { echo "jdbc:postgresql://localhost:5432/$1?reWriteBatchedInserts=true"; }
mvn_bench() { ./mvnw -B -q test -Pbench -Dsurefire.failIfNoSpecifiedTests=false "$@"; }
echo "load average at start: $(cat /proc/loadavg)"

# the production jar for P6 (the test phase below does not replace it)
if [ "${SKIP_JAR:-0}" != 1 ]; then ./mvnw -B -q -Pproduction -DskipTests package; fi

# P8: P2, P4, P5 at each scale, open tasks = 10 % of the enterprises (the same share at every scale)
for n in $SCALES; do
  ensure_db "$(db "$n")"
  mvn_bench -Dtest=ProvinceBenchmark -Dbench.dbUrl="$(url "$(db "$n")")" -Dbench.enterprises="$n" \
    -Dbench.openTasks=$((n / 10)) -Dbench.only=P2,P4,P5 -Dbench.out=bench-results/scale-"$n"
done
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.yn.employment.bench.ScaleCurvePlot bench-results docs/performance-p8.png

# the table at province scale on the 100,000 database: P1 (+P7), P9, P2, P3, P4, P5, P6
ensure_db "$(db 100000)"
mvn_bench -Dtest=ProvinceBenchmark -Dbench.dbUrl="$(url "$(db 100000)")" -Dbench.enterprises=100000 -Dbench.burst="$BURST" \
  -Dbench.openTasks=100000 -Dbench.out=bench-results/full

# issue 13: the legacy import of 100,000 enterprises × 24 months into an empty database (SKIP_MIGRATION=1 skips it)
if [ "${SKIP_MIGRATION:-0}" = 1 ]; then echo "load average at end: $(cat /proc/loadavg)"; exit 0; fi
$PG -c "drop database if exists ems_bench_migration" -c "create database ems_bench_migration"
mvn_bench -Dtest=MigrationBenchmark -Dbench.migration=true -Dbench.migration.enterprises="$MIG_ENTERPRISES" \
  -Dbench.dbUrl="$(url ems_bench_migration)" -Dbench.out=bench-results/migration
echo "load average at end: $(cat /proc/loadavg)"
