#!/usr/bin/env bash
# Makes `CREATE EXTENSION pgmq` available on the local PostgreSQL server (as root): copies pgmq's
# release files (pgmq.control and pgmq--<version>.sql; pgmq 1.5.x is SQL only) from DIR into
# $(pg_config --sharedir)/extension. The suites then also run on the real extension (scripts/test.sh).
#   bash scripts/install-pgmq-extension.sh [DIR]
# DIR defaults to $PGMQ_RELEASE_DIR, then to the pgmq 1.5.1 fixture of this workplace
# (/work/shared/vendor/pgmq-1.5.1, or ../shared/vendor/pgmq-1.5.1 next to the checkout).
set -euo pipefail

cd "$(dirname "$0")/.."
dir="${1:-${PGMQ_RELEASE_DIR:-}}"
if [ -z "$dir" ]; then
  for candidate in /work/shared/vendor/pgmq-1.5.1 ../shared/vendor/pgmq-1.5.1; do
    if [ -f "$candidate/pgmq.control" ]; then dir="$candidate" && break; fi
  done
fi
if [ -z "$dir" ] || [ ! -f "$dir/pgmq.control" ]; then
  echo "install-pgmq-extension: no pgmq release files found (pgmq.control and pgmq--<version>.sql); pass their directory" >&2
  exit 1
fi
target="$(pg_config --sharedir)/extension"
cp "$dir/pgmq.control" "$dir"/pgmq--*.sql "$target/"
echo "pgmq $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$dir/pgmq.control") installed into $target from $dir"
