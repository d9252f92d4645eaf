#!/bin/sh
# serve-bench.sh [N] [SAVES]: how long digest serve takes from saving an entry
# to the browser showing it, on an N-entry site (default 10000) from
# ../shared/bench/gencorpus, median over SAVES saves (default 20), and the peak
# RSS of the serving process. Needs go and chromium; skips without ../shared.
# KEEP=1 keeps the work folder; OUTROOT=/dev/shm puts it on tmpfs.
set -eu
N=${1:-10000}
SAVES=${2:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/../shared/bench
if [ ! -d "$BENCH/gencorpus" ]; then
	echo "serve-bench: $BENCH/gencorpus not found; skipping"
	exit 0
fi
WORK=$(mktemp -d "${OUTROOT:-${TMPDIR:-/tmp}}/digest-serve-bench.XXXXXX")
if [ "${KEEP:-}" != 1 ]; then
	trap 'rm -rf "$WORK"' EXIT
fi
echo "serve-bench: $N entries in $WORK"
(cd "$BENCH" && go run ./gencorpus -digest -n "$N" -seed 1 -out "$WORK/site/content" >/dev/null)
cat >"$WORK/site/digest.yaml" <<YAML
title: Serve Bench
base_url: https://example.org/bench/
YAML
(cd "$ROOT" && go build -o "$WORK/digest" ./cmd/digest)
cd "$ROOT" && go run ./scripts/serve-bench -digest "$WORK/digest" -site "$WORK/site" -saves "$SAVES"
