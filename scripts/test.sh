#!/usr/bin/env bash
# The whole test run (`npm test`). Suites:
#   sql   pgTAP: a throwaway database with every migration applied twice, fixtures loaded,
#         then pg_prove on test-sql/**/*.test.sql; the pg_cron tests run in the pg_cron
#         database with pgflow installed inside each test's own (rolled back) transaction
#   node  turbo build, then vitest for every Node package (root vitest.config.ts)
#   deno  `deno task test`, when the Deno packages have test files
# Every suite runs once per pgmq flavour: `compat` (our SQL layer) and `extension` (the real pgmq
# extension, when the server has pgmq >= 1.5.1 available; otherwise reported as not run, with the
# command that installs it). Each pass sets pgflow.pgmq_flavour on every connection (PGOPTIONS for
# psql, the URL's `options` parameter for DATABASE_URL), so every install in it takes that flavour
# or fails. A pgTAP file whose header has `-- pgmq flavour: compat` (or `extension`) runs only in
# that pass; so does a vitest file named `*.pgmq-compat.test.ts` (or `*.pgmq-extension.test.ts`).
# `bash scripts/test.sh [sql|node|deno]...` runs only the named suites (default: all).
# PGFLOW_TEST_PGMQ=compat|extension runs one flavour's pass only (default: both).
# DATABASE_URL picks the server and credentials (default postgres://postgres@127.0.0.1:5432/postgres);
# PGFLOW_TEST_SQL_DB renames the SQL suite's database (default pgflow_ts_test_sql, plus _<flavour>).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"

BASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
SQL_DB_BASE="${PGFLOW_TEST_SQL_DB:-pgflow_ts_test_sql}"
MIGRATIONS_DIR="supabase/migrations"
TESTS_DIR="test-sql"
FIXTURES="$TESTS_DIR/_setup/fixtures.sql"
INSTALL_GENERATED="$TESTS_DIR/_setup/install.generated.sql"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

SUITES=("$@")
[ "${#SUITES[@]}" -eq 0 ] && SUITES=(sql node deno)
for suite in "${SUITES[@]}"; do
  case "$suite" in sql | node | deno) ;; *)
    echo "unknown suite '$suite': use sql, node or deno" >&2
    exit 2
    ;;
  esac
done
wants() { [[ " ${SUITES[*]} " == *" $1 "* ]]; }

PASSED=0 FAILED=0 SKIPPED=0 NOT_RUN=0
SUMMARY=()
FLAVOUR="" # the pgmq flavour of the pass that is running
record() { # record <suite> <pass|fail|skip|not run> <detail>
  case "$2" in pass) PASSED=$((PASSED + 1)) ;; fail) FAILED=$((FAILED + 1)) ;; skip) SKIPPED=$((SKIPPED + 1)) ;; *) NOT_RUN=$((NOT_RUN + 1)) ;; esac
  SUMMARY+=("$(printf '%-6s %-11s %-7s %s' "$1" "${FLAVOUR:-}" "$2" "$3")")
}
section() { printf '\n===== %s =====\n' "$*"; }
die() {
  printf '\nscripts/test.sh: %s\n' "$*" >&2
  exit 1
}

# libpq reads PG* variables; every psql and pg_prove below inherits them (so does any test that
# shells out to psql). PGDATABASE is set per suite.
eval "$(node -e '
  const u = new URL(process.argv[1]);
  const q = (s) => "\x27" + s.replaceAll("\x27", "\x27\\\x27\x27") + "\x27";
  const env = { PGHOST: u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username) || "postgres", PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || "postgres" };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${q(v)}`);
' "$BASE_URL")" || die "DATABASE_URL is not a valid URL: $BASE_URL"
ADMIN_DB="$PGDATABASE"
# Notices (e.g. "already exists, skipping" on the second migration pass) only add noise.
BASE_PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
export PGOPTIONS="$BASE_PGOPTIONS"

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$ADMIN_DB" -tA "$@"; }

check_server() {
  command -v psql >/dev/null || die "psql not found: apt-get install postgresql-client"
  psql_admin -c 'select 1' >/dev/null 2>&1 ||
    die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER: start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set DATABASE_URL"
}

check_sql_prerequisites() {
  command -v pg_prove >/dev/null ||
    die "pg_prove not found: apt-get install libtap-parser-sourcehandler-pgtap-perl"
  [ "$(psql_admin -c "select count(*) from pg_available_extensions where name = 'pgtap'")" = 1 ] ||
    die "pgTAP is not installed on the server: apt-get install postgresql-15-pgtap"
  [ "$(psql_admin -c "select count(*) from pg_available_extensions where name = 'pg_cron'")" = 1 ] ||
    die "pg_cron is not installed on the server: apt-get install postgresql-15-cron"
  psql_admin -c 'show shared_preload_libraries' | tr -d ' ' | tr ',' '\n' | grep -qx pg_cron ||
    die "pg_cron is not in shared_preload_libraries: run
  psql -c \"alter system set shared_preload_libraries = 'pg_cron'\" && pg_ctlcluster 15 main restart
(.ci/run does this)"
}

migration_files() { find "$MIGRATIONS_DIR" -maxdepth 1 -name '*.sql' | LC_ALL=C sort; }

# Cron tests: any folder named for a cron-only function, and any *cron*.test.sql.
is_cron_test() {
  case "$1" in
  */setup_ensure_workers_cron/* | */cleanup_ensure_workers_logs/* | *cron*.test.sql) return 0 ;;
  *) return 1 ;;
  esac
}

# The flavour a pgTAP file is limited to: its `-- pgmq flavour: <compat|extension>` header line.
sql_file_flavour() { sed -n '1,5s/^-- pgmq flavour: \([a-z]*\)$/\1/p' "$1" | head -1; }

sql_test_files() { # sql_test_files <cron|plain> [all]: paths relative to test-sql/, of this pass's flavour unless `all`
  local file only
  while IFS= read -r file; do
    if [ "${2:-}" != all ]; then
      only="$(sql_file_flavour "$file")"
      [ -z "$only" ] || [ "$only" = "$FLAVOUR" ] || continue
    fi
    if is_cron_test "$file"; then [ "$1" = cron ] && echo "${file#"$TESTS_DIR"/}"; else
      [ "$1" = plain ] && echo "${file#"$TESTS_DIR"/}"
    fi
  done < <(find "$TESTS_DIR" -name '*.test.sql' -not -path '*/_setup/*' | LC_ALL=C sort)
}

apply_migrations() { # apply_migrations <database> <pass label>
  local file
  while IFS= read -r file; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -1 -f "$file" >/dev/null ||
      { echo "migration $file failed ($2)" >&2; return 1; }
  done < <(migration_files)
}

run_pg_prove() { # run_pg_prove <database> <files...>
  local db="$1"
  shift
  (cd "$TESTS_DIR" && pg_prove --dbname "$db" --failures --timer "$@")
}

sql_suite() {
  local SQL_DB="${SQL_DB_BASE}_$FLAVOUR"
  section "SQL [$FLAVOUR]: pgTAP in database $SQL_DB"
  psql_admin -c "drop database if exists \"$SQL_DB\" with (force)" >/dev/null &&
    psql_admin -c "create database \"$SQL_DB\"" >/dev/null ||
    { record sql fail "could not create database $SQL_DB"; return; }

  local count
  count="$(migration_files | wc -l)"
  if ! apply_migrations "$SQL_DB" "first pass"; then
    record sql fail "migrations failed on the first pass"
    return
  fi
  echo "applied $count migrations; pgmq: $(psql -X -tA -d "$SQL_DB" -c "select coalesce((select 'extension ' || extversion from pg_extension where extname = 'pgmq'), 'compat')")"
  if ! apply_migrations "$SQL_DB" "second pass: every migration must be safe to apply twice"; then
    record sql fail "migrations are not re-runnable (second pass failed)"
    return
  fi
  echo "applied them again: no error"
  psql -X -q -v ON_ERROR_STOP=1 -d "$SQL_DB" -c 'create extension if not exists pgtap' >/dev/null ||
    { record sql fail "create extension pgtap failed"; return; }
  if [ -f "$FIXTURES" ]; then
    psql -X -q -v ON_ERROR_STOP=1 -d "$SQL_DB" -f "$FIXTURES" >/dev/null ||
      { record sql fail "loading $FIXTURES failed"; return; }
    echo "loaded $FIXTURES"
  fi

  local files=() all=()
  mapfile -t files < <(sql_test_files plain)
  mapfile -t all < <(sql_test_files plain all)
  if [ "${#files[@]}" -eq 0 ]; then
    record sql skip "no test-sql/**/*.test.sql files"
    return
  fi
  local out
  out="$(mktemp)"
  run_pg_prove "$SQL_DB" "${files[@]}" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  local totals
  totals="$(grep -E '^Files=' "$out" | tail -1)"
  rm -f "$out"
  local other=$((${#all[@]} - ${#files[@]})) note=""
  [ "$other" -eq 0 ] || note=" (+$other files for the other flavour only)"
  if [ "$rc" -eq 0 ]; then record sql pass "${#files[@]} files$note; $totals"; else
    record sql fail "pg_prove exit $rc; $totals"
  fi
}

# Each cron test starts with `begin; \ir ../_setup/install.generated.sql`, so pgflow exists only
# inside that test's transaction and nothing is left in the pg_cron database after its rollback.
write_install_generated() {
  {
    echo '-- Generated by scripts/test.sh (gitignored): installs pgflow inside the current transaction.'
    echo '-- Use from a cron test as: begin; \ir ../_setup/install.generated.sql'
    echo 'set local client_min_messages = warning;'
    echo '\o /dev/null'
    migration_files | while IFS= read -r file; do echo "\\ir ../../$file"; done
    echo 'create extension if not exists pgtap;'
    [ -f "$FIXTURES" ] && echo '\ir fixtures.sql'
    echo '\o'
    echo 'reset client_min_messages;'
  } >"$INSTALL_GENERATED"
}

cron_suite() {
  section "SQL [$FLAVOUR]: pg_cron tests"
  local files=()
  mapfile -t files < <(sql_test_files cron)
  write_install_generated
  if [ "${#files[@]}" -eq 0 ]; then
    record cron skip "no cron test files"
    return
  fi
  local cron_db
  cron_db="$(psql_admin -c "select current_setting('cron.database_name')")" ||
    { record cron fail "cannot read cron.database_name (is pg_cron preloaded?)"; return; }
  psql -X -q -v ON_ERROR_STOP=1 -d "$cron_db" -c 'create extension if not exists pg_cron' >/dev/null ||
    { record cron fail "create extension pg_cron failed in $cron_db"; return; }
  echo "pg_cron database: $cron_db"

  local out
  out="$(mktemp)"
  run_pg_prove "$cron_db" "${files[@]}" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  local totals
  totals="$(grep -E '^Files=' "$out" | tail -1)"
  rm -f "$out"
  local leftover
  leftover="$(psql -X -tA -d "$cron_db" -c "select count(*) from pg_namespace where nspname = 'pgflow'")"
  if [ "$rc" -eq 0 ]; then record cron pass "${#files[@]} files in $cron_db; $totals"; else
    record cron fail "pg_prove exit $rc; $totals"
  fi
  [ "$leftover" = 0 ] || echo "note: schema pgflow exists in $cron_db (installed outside the tests?)"
}

BUILT=0
build() {
  [ "$BUILT" = 1 ] && return 0
  node scripts/gen-migrations.mjs && npx turbo run build --output-logs=errors-only && BUILT=1
}

node_suite() {
  section "Node [$FLAVOUR]: build + vitest"
  if ! build; then
    record node fail "turbo run build failed"
    return
  fi
  local report
  report="$(mktemp)"
  DATABASE_URL="$FLAVOUR_URL" PGFLOW_TEST_PGMQ="$FLAVOUR" npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
  local rc=$?
  local counts
  counts="$(node -e '
    try { const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
      console.log(`${r.testResults.length} files, ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped tests`);
    } catch { console.log("no report") }' "$report")"
  rm -f "$report"
  if [ "$rc" -eq 0 ]; then record node pass "$counts"; else record node fail "vitest exit $rc; $counts"; fi
}

deno_test_files() {
  find packages/worker-deno packages/edge-function \( -name node_modules -o -name dist \) -prune -o \
    -type f \( -name '*_test.ts' -o -name '*.test.ts' -o -name 'test.ts' \) -print 2>/dev/null
}

deno_suite() {
  section "Deno [$FLAVOUR]: deno task test"
  if [ -z "$(deno_test_files)" ]; then
    record deno skip "no Deno test files"
    return
  fi
  if ! build; then
    record deno fail "turbo run build failed"
    return
  fi
  if DATABASE_URL="$FLAVOUR_URL" PGFLOW_TEST_PGMQ="$FLAVOUR" npx deno task test; then record deno pass "deno test"; else
    record deno fail "deno test failed"
  fi
}

# DATABASE_URL with `-c pgflow.pgmq_flavour=<flavour>` added to its `options` parameter, which
# libpq and postgres.js both send to the server as command-line options of the session.
# Spaces are written %20: libpq, unlike URLSearchParams, does not read + as a space.
flavour_url() {
  node -e '
    const u = new URL(process.argv[1]);
    const options = `${u.searchParams.get("options") ?? ""} -c pgflow.pgmq_flavour=${process.argv[2]}`.trim();
    u.searchParams.delete("options");
    console.log(`${u}${u.search ? "&" : "?"}options=${encodeURIComponent(options)}`);
  ' "$BASE_URL" "$1"
}

extension_available() {
  [ "$(psql_admin -c "select count(*) from pg_available_extension_versions
    where name = 'pgmq' and string_to_array(substring(version, '^\d+(?:\.\d+)*'), '.')::int[] >= array[1, 5, 1]")" != 0 ]
}

check_server
wants sql && check_sql_prerequisites

FLAVOURS=()
case "${PGFLOW_TEST_PGMQ:-both}" in
compat) FLAVOURS=(compat) ;;
extension | both)
  [ "${PGFLOW_TEST_PGMQ:-both}" = both ] && FLAVOURS=(compat)
  if extension_available; then FLAVOURS+=(extension); else
    [ "${PGFLOW_TEST_PGMQ:-both}" = both ] ||
      die "PGFLOW_TEST_PGMQ=extension, but the server has no pgmq extension >= 1.5.1 available: sudo bash scripts/install-pgmq-extension.sh [dir of pgmq's release files]"
    FLAVOUR=extension
    record all "not run" "the server has no pgmq extension >= 1.5.1 available; to test it: sudo bash scripts/install-pgmq-extension.sh [dir of pgmq's release files] (.ci/run does this)"
    FLAVOUR=""
  fi
  ;;
*) die "PGFLOW_TEST_PGMQ must be compat, extension or both, not '$PGFLOW_TEST_PGMQ'" ;;
esac

for FLAVOUR in "${FLAVOURS[@]}"; do
  FLAVOUR_URL="$(flavour_url "$FLAVOUR")"
  export PGOPTIONS="$BASE_PGOPTIONS -c pgflow.pgmq_flavour=$FLAVOUR"
  if wants sql; then
    sql_suite
    cron_suite
  fi
  wants node && node_suite
  wants deno && deno_suite
done
export PGOPTIONS="$BASE_PGOPTIONS"

section "Summary"
printf '%s\n' "${SUMMARY[@]}"
echo "suites: $PASSED passed, $FAILED failed, $SKIPPED skipped, $NOT_RUN flavour passes not run"
[ "$FAILED" -eq 0 ]
