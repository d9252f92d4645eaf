#!/bin/sh
# eval-ingest.sh: score digest ingest on the shared corpora (../shared/corpora).
# usage: scripts/eval-ingest.sh [html|raw|titles|titles-raw|all]
# Needs python3; the corpora live beside the repository and are never committed.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpora=${CORPORA:-$root/../shared/corpora}
[ -d "$corpora" ] || { echo "no corpora at $corpora" >&2; exit 1; }
what=${1:-all}
[ $# -gt 0 ] && shift
bin=$(mktemp -d)/digest
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$root" && go build -o "$bin" ./cmd/digest)
run() { # CORPUS KIND INPUT [extra eval args]
	c=$1 k=$2 i=$3; shift 3
	echo "== $c $i $*"
	python3 "$corpora/eval_ingest.py" "$corpora/$c" --kind "$k" --input "$i" --digest "$DIGEST" "$@"
}
DIGEST="$bin"
case $what in
html | all) run scrapinghub-dev scrapinghub html ;;
esac
case $what in
raw | all) run scrapinghub-dev scrapinghub raw ;;
esac
case $what in
titles | all) run readability-pages readability html --only-news ;;
esac
case $what in
titles-raw | all) run readability-pages readability raw --only-news ;;
esac
