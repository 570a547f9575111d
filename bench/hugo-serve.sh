#!/usr/bin/env bash
# Hugo's live server beside Beacon's preview (bench/serve.sh): starts `hugo server` (in memory, its
# fast render mode on, 127.0.0.1) on the Hugo copy of the N-page corpus that bench/run.sh made
# (bench-out/N/hugo), then appends a new sentence to the same page bench/serve.sh edits EDITS times
# (after 2 not counted) and times each from the file write to the GET of the page that returns it
# with the sentence. Prints median, min and max; restores the page and stops the server.
#
#   bench/run.sh 10000 && bench/hugo-serve.sh 10000
#   EDITS=20 bench/hugo-serve.sh 1000
#
# Needs Hugo, curl and date with nanoseconds (GNU coreutils).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
EDITS=${EDITS:-10}
PORT=${PORT:-1399}
SITE=$PWD/bench-out/$N/hugo
PAGE=$(find "$SITE/content/en/services" -name '*.md' ! -name '_*' 2>/dev/null | sort | sed -n 1p)
[ -n "$PAGE" ] && [ -f "$PAGE" ] || { echo "no Hugo corpus at $SITE: run bench/run.sh $N first" >&2; exit 2; }
URL=http://127.0.0.1:$PORT/en/services/$(basename "$PAGE" .md)/
ORIGINAL=$(mktemp)
cp "$PAGE" "$ORIGINAL"
hugo server -s "$SITE" --bind 127.0.0.1 --port "$PORT" --disableLiveReload --quiet >/dev/null 2>&1 &
SERVER=$!
trap 'cp "$ORIGINAL" "$PAGE"; rm -f "$ORIGINAL"; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
now() { date +%s%N; }
start=$(now)
until curl -sf -o /dev/null "$URL"; do sleep 0.2; done
echo "hugo server: first render $(( ($(now) - start) / 1000000 )) ms; editing $PAGE" >&2
times=()
for i in $(seq $((EDITS + 2))); do
  word="Zebrafinch${i}x"
  t=$(now)
  { cat "$ORIGINAL"; printf '\nA new sentence %s.\n' "$word"; } >"$PAGE"
  until [[ "$(curl -sf "$URL" || true)" == *"$word"* ]]; do sleep 0.002; done
  [ "$i" -gt 2 ] && times+=($(( ($(now) - t) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{v[NR]=$1} END {printf "hugo server body edit   median %.1f ms   min %.1f ms   max %.1f ms   (%d edits)\n", v[int((NR+1)/2)]/1000, v[1]/1000, v[NR]/1000, NR}'
