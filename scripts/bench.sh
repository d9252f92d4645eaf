#!/usr/bin/env bash
# Benchmark digest against Hugo on the shared synthetic corpus (issue 6).
#
#   scripts/bench.sh [N ...]      default: 1000 10000 (add 50000 or 100000 when wanted)
#
# For each N it generates the corpus with ../shared/bench/gencorpus (seed 1):
# digest's copy with -digest into <site>/content plus a digest.yaml written
# here, Hugo's copy into ../shared/bench/hugo-site (as run-hugo.sh does). Then
# it alternates cold builds, `hugo --minify` and `digest build` (compiled, no
# cache), output on tmpfs, and prints for both the median wall and CPU time
# (with the spread), peak RSS, output files and bytes, and the digest/Hugo
# ratios. Last it times warm digest builds after editing one entry.
#
# Env: RUNS (timed cold builds per tool, default 3), WARM_RUNS (default 3),
#      OUTROOT (where outputs go, default /dev/shm), KEEP=1 (keep temp dirs),
#      HUGO (binary, default hugo), SEED (default 1), NO_HUGO=1 (digest only).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
if [ ! -d "$ROOT/../shared/bench/gencorpus" ]; then
	echo "bench.sh: ../shared/bench (the corpus generator and the Hugo twin) is not beside the repository; nothing to compare." >&2
	exit 0
fi
BENCH=$(cd "$ROOT/../shared/bench" && pwd)
RUNS=${RUNS:-3}
WARM_RUNS=${WARM_RUNS:-3}
HUGO=${HUGO:-hugo}
SEED=${SEED:-1}
OUTROOT=${OUTROOT:-/dev/shm}
[ -d "$OUTROOT" ] || OUTROOT=${TMPDIR:-/tmp}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

# Tools: hugo and GNU time from apt when missing.
need=()
[ -x /usr/bin/time ] || need+=(time)
[ "${NO_HUGO:-0}" = 1 ] || command -v "$HUGO" >/dev/null || need+=(hugo)
if [ ${#need[@]} -gt 0 ]; then
	echo "# installing ${need[*]} with apt-get" >&2
	SUDO=
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need[@]}" >/dev/null
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/digest-bench.XXXXXX")
OUTD=$(mktemp -d "$OUTROOT/digest-bench-out.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "# keeping $WORK $OUTD" >&2
else
	trap 'rm -rf "$WORK" "$OUTD"' EXIT
fi

echo "# building digest and gencorpus" >&2
(cd "$ROOT" && go build -o "$WORK/digest" ./cmd/digest)
(cd "$BENCH" && go build -o "$WORK/gencorpus" ./gencorpus)

# timed LABEL CMD...: runs CMD under GNU time; sets T_WALL, T_CPU (s) and T_RSS (MB).
timed() {
	local label=$1
	shift
	if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/$label.log" 2>&1; then
		echo "bench.sh: $label failed:" >&2
		tail -20 "$WORK/$label.log" >&2
		exit 1
	fi
	T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$WORK/time.txt")
	T_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$WORK/time.txt")
	T_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time.txt")
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }
files_of() { find "$1" -type f | wc -l; }
bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# make_sites N: the digest site in $WORK/digest-N and the Hugo site in $WORK/hugo-N.
make_sites() {
	local n=$1 d=$WORK/digest-$1 h=$WORK/hugo-$1
	mkdir -p "$d"
	"$WORK/gencorpus" -n "$n" -seed "$SEED" -digest -out "$d/content" >&2
	# No topics: declared, so any slug gencorpus writes is allowed; 20 items a
	# feed and 20 a list page, as the Hugo twin has.
	cat >"$d/digest.yaml" <<-EOF
		title: Digest Bench
		description: The shared benchmark corpus.
		base_url: https://digest.example/
		language: en
		timezone: UTC
		per_page: 20
		feed_items: 20
	EOF
	cp -r "$BENCH/hugo-site" "$h"
	"$WORK/gencorpus" -n "$n" -seed "$SEED" -out "$h/content" >&2
	find "$h/content" -mindepth 1 -type d | while read -r dir; do
		printf -- '---\ntitle: "%s"\n---\n' "${dir#"$h/content"/}" >"$dir/_index.md"
	done
}

ROWS=()
add_row() { # tool n walls cpus rsss files bytes
	ROWS+=("$(printf '| %s | %d | %.2f (%s) | %.2f | %.0f | %d | %.1f |' "$1" "$2" "$(median $3)" "$(spread $3)" \
		"$(median $4)" "$(median $5)" "$6" "$(awk -v b="$7" 'BEGIN { print b / 1e6 }')")")
}
RATIOS=()

for n in "${SIZES[@]}"; do
	echo "# N=$n: generating the corpus" >&2
	make_sites "$n"
	sync
	HW=() HC=() HR=() DW=() DC=() DR=()
	for i in $(seq "$RUNS"); do
		if [ "${NO_HUGO:-0}" != 1 ]; then
			rm -rf "$OUTD/hugo" "$WORK/hugo-$n/resources" "$WORK/hugo-$n/.hugo_build.lock"
			cd "$WORK/hugo-$n"
			timed "hugo-$n-$i" "$HUGO" --minify --quiet --destination "$OUTD/hugo"
			cd "$ROOT"
			HW+=("$T_WALL") HC+=("$T_CPU") HR+=("$T_RSS")
			echo "N=$n run $i hugo:   wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS} MB" >&2
		fi
		rm -rf "$OUTD/digest" "$WORK/digest-$n/.digest-cache"
		timed "digest-$n-$i" "$WORK/digest" build --quiet --site "$WORK/digest-$n" --out "$OUTD/digest"
		DW+=("$T_WALL") DC+=("$T_CPU") DR+=("$T_RSS")
		echo "N=$n run $i digest: wall ${T_WALL}s cpu ${T_CPU}s rss ${T_RSS} MB" >&2
	done
	add_row "digest build" "$n" "${DW[*]}" "${DC[*]}" "${DR[*]}" "$(files_of "$OUTD/digest")" "$(bytes_of "$OUTD/digest")"
	if [ "${NO_HUGO:-0}" != 1 ]; then
		add_row "hugo --minify" "$n" "${HW[*]}" "${HC[*]}" "${HR[*]}" "$(files_of "$OUTD/hugo")" "$(bytes_of "$OUTD/hugo")"
		RATIOS+=("$(awk -v n="$n" -v dw="$(median "${DW[@]}")" -v hw="$(median "${HW[@]}")" \
			-v dc="$(median "${DC[@]}")" -v hc="$(median "${HC[@]}")" \
			-v dr="$(median "${DR[@]}")" -v hr="$(median "${HR[@]}")" \
			'BEGIN { printf "| %d | %.2f | %.2f | %.2f |", n, dw / hw, dc / hc, dr / hr }')")
	fi

	# Warm: the cache is primed by the last cold build; edit one entry, rebuild.
	WW=()
	entry=$(find "$WORK/digest-$n/content" -name '*.md' | sort | awk 'NR == 1')
	for i in $(seq "$WARM_RUNS"); do
		printf '\nEdited for warm run %d.\n' "$i" >>"$entry"
		timed "digest-warm-$n-$i" "$WORK/digest" build --quiet --site "$WORK/digest-$n" --out "$OUTD/digest"
		WW+=("$T_WALL")
		echo "N=$n warm $i: wall ${T_WALL}s rss ${T_RSS} MB" >&2
	done
	ROWS+=("$(printf '| digest build, warm (1 entry edited) | %d | %.2f (%s) | | | | |' "$n" "$(median "${WW[@]}")" "$(spread "${WW[@]}")")")
	rm -rf "$WORK/digest-$n" "$WORK/hugo-$n" "$OUTD/digest" "$OUTD/hugo"
done

echo
echo "digest $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $("$HUGO" version 2>/dev/null | awk '{ print $1, $2 }'), $(nproc) cores, output on $OUTROOT, $RUNS runs each (median, min-max)"
echo
echo '| tool | N | wall s (spread) | CPU s | peak RSS MB | output files | output MB |'
echo '| --- | ---: | --- | ---: | ---: | ---: | ---: |'
printf '%s\n' "${ROWS[@]}"
if [ ${#RATIOS[@]} -gt 0 ]; then
	echo
	echo '| N | digest/Hugo wall | digest/Hugo CPU | digest/Hugo peak RSS |'
	echo '| ---: | ---: | ---: | ---: |'
	printf '%s\n' "${RATIOS[@]}"
fi
