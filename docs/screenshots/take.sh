#!/usr/bin/env bash
# Regenerates the documentation's screenshots (docs/images/*.png) from the production jar — never from
# development mode, whose "Development Mode" popup must not appear in the guides. The screens the role journeys
# visit are not taken here: the journeys take them (docs/development.md "Screenshots"):
#   ./mvnw -B test -Pproduction,browser -Dtest=RoleJourneysBrowserTest -Dems.screenshots.dir=docs/images
#
#   docs/screenshots/take.sh            # builds the jar if target/ has none; port 18103 (SCREENSHOT_PORT to change)
#   SCREENSHOTS_ONLY=process-admin,admin docs/screenshots/take.sh   # only these sessions (the user; admin-migration for the migration screens), no PDFs
#
# Starts the jar with demo data on a fresh H2 directory (deleted afterwards), logs in as each demo account in
# Debian's headless chromium (installs chromium, chromium-driver and poppler-utils with apt-get if missing; no tool
# downloads its own browser) driven by Screenshots.java through /usr/bin/chromedriver, and renders the receipt and
# two statistics PDFs with pdftoppm. Stops everything it started, also on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${SCREENSHOT_PORT:-18103}
IMAGES=docs/images

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi; }
# fonts-noto-cjk: without a CJK font chromium draws every Chinese character as an empty box
if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null || ! command -v pdftoppm > /dev/null \
    || [[ -z $(fc-list :lang=zh 2> /dev/null) ]]; then
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver poppler-utils fonts-noto-cjk
fi

jar=$(ls target/employment-monitor-*.jar 2> /dev/null | grep -v original | head -1 || true)
if [[ -z $jar ]]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/employment-monitor-*.jar | grep -v original | head -1)
fi
if unzip -l "$jar" | grep -q 'vaadin-dev-server'; then
  echo "$jar contains vaadin-dev-server: not a production jar" >&2; exit 1
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots.classpath

work=$(mktemp -d)
app=""
cleanup() {
  if [[ -n $app ]]; then kill "$app" 2> /dev/null || true; wait "$app" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# default profile: H2 in ./data of the working directory, demo data on first start
(cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port="$PORT" > "$work/app.log" 2>&1) &
app=$!
ready() { # the readiness probe, or the login page where the actuator exposes no readiness group (404)
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null \
    || { [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness") == 404 ]] \
         && curl -fs "http://127.0.0.1:$PORT/login" > /dev/null; }
}
for _ in $(seq 1 600); do
  ready && break
  kill -0 "$app" 2> /dev/null || { tail -40 "$work/app.log"; exit 1; }
  sleep 1
done
ready || { echo "the jar did not become ready"; exit 1; }
if grep -q 'development mode' "$work/app.log"; then echo "the jar runs in development mode" >&2; exit 1; fi

cp=$(cat target/screenshots.classpath)
# a report chain waiting for the city, for the process administrator's instance diagram (no screen lists instances)
instance=$(java -cp "$cp" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/employment;AUTO_SERVER=TRUE" -user sa -password "" \
  -sql "select proc_inst_id_ from act_ru_task where task_def_key_ = 'cityReview' order by create_time_ limit 1" | sed -n 2p)

status=0
java -cp "$cp" docs/screenshots/Screenshots.java "http://127.0.0.1:$PORT" "$IMAGES" "$instance" || status=$?

if [[ -n ${SCREENSHOTS_ONLY:-} ]]; then exit $status; fi

# PDFs as the guides show them: the demo enterprise's receipt of the period before, the leader's summary and trend
base="http://127.0.0.1:$PORT/api/v1"
period=$(curl -fs -u leader:Demo12345 "$base/periods/current" | sed -n 's/.*"code":"\([0-9-]*\)".*/\1/p')
previous=$(date -d "$period-01 -1 month" +%Y-%m)
pdf_page() { # url user page name
  curl -fs -u "$2:Demo12345" -o "$work/$4.pdf" "$1" && pdftoppm -r 80 -png -f "$3" -l "$3" -singlefile "$work/$4.pdf" "$IMAGES/$4" \
    && echo "took $4.png" || { echo "not taken: $4" >&2; status=1; }
}
pdf_page "$base/reports/$previous/receipt" demo-enterprise 1 receipt
pdf_page "$base/statistics/$previous/reports/summary-city" leader 1 report-summary
pdf_page "$base/statistics/$previous/reports/trend" leader 2 report-trend
exit $status
