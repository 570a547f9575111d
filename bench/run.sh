#!/usr/bin/env bash
# The benchmark: generates the corpus (city.beacon.bench.CorpusGenerator) at each size, then, in
# rounds so that every tool sees the same machine load, times
#   Beacon cold build (no output, no cache), Hugo on the same pages (if installed), cp -r of
#   Beacon's output (the floor), then EDITS times: Beacon rebuild after editing one page, Beacon
#   no-op rebuild,
# and prints the median wall time and peak resident memory of each.
#
#   bench/run.sh                 # 1000 and 10000 pages, 3 rounds of 3 edits
#   RUNS=5 bench/run.sh 1000     # one size, 5 rounds
#   EDITS=1 bench/run.sh         # one edit (and no-op rebuild) per round
#
# The corpus is kept in git and each edit is a commit, as editors work: the build time is the last
# commit's, and a build asks git for every page's last commit.
#
# Needs JDK 17, Maven (to build the jar and the test classes when missing), GNU time (/usr/bin/time), git; Hugo optional
# (apt-get install hugo). Everything is written under bench-out/ (git-ignored).
#
# Nothing is deleted until the last round is timed: the outputs of a round are moved aside into
# bench-out/trash/ and removed at the end. On ext4 without a journal (this machine's disk) a new
# file's inode is found by skipping every inode freed in the last minutes, so creating files
# right after deleting thousands costs quadratic kernel time: cp -r of the 10 000-page site took
# 1.4 s on a quiet disk and 12.5 s straight after an rm -rf of the previous copy, and the cold
# builds of every tool swung the same way (perf: 37% of all samples in __ext4_new_inode).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
EDITS=${EDITS:-3} # one-page edits (each followed by a no-op rebuild) per round: a second each, so more of them costs little
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
JAR=$ROOT/generator/target/beacon.jar
# The corpus generator is test code (generator/src/test/java/city/beacon/bench/), not in the shipped
# jar: `mvn -DskipTests package` compiles it into target/test-classes, beside the jar.
BENCH_CP=$JAR:$ROOT/generator/target/test-classes
BEACON=${BEACON:-$ROOT/bin/beacon}
OUT=$ROOT/bench-out
TRASH=$OUT/trash
. "$ROOT/bench/lib.sh" # aside, timed, commit, median, report
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT

[ -x /usr/bin/time ] || { echo "bench: GNU time is needed: apt-get install time" >&2; exit 2; }
[ -f "$JAR" ] && [ -f "$ROOT/generator/target/test-classes/city/beacon/bench/CorpusGenerator.class" ] || mvn -q -DskipTests package
HUGO=$(command -v hugo || true)
[ -n "$HUGO" ] || echo "bench: hugo not installed (apt-get install hugo): Hugo column skipped" >&2

for N in "${SIZES[@]}"; do
  RUN_DIR=$OUT/$N
  aside "$RUN_DIR"; mkdir -p "$RUN_DIR/hugo" "$RUN_DIR/times"
  java -cp "$BENCH_CP" city.beacon.bench.CorpusGenerator "$N" "$RUN_DIR/content"
  # Kept in git as editors keep it: the build time is the last commit's, and an edit is a commit.
  commit "$RUN_DIR/content" "the corpus"
  if [ -n "$HUGO" ]; then
    cp -r bench/hugo/. "$RUN_DIR/hugo/"
    mkdir -p "$RUN_DIR/hugo/static" && cp templates/assets/beacon.css "$RUN_DIR/hugo/static/"
    java -cp "$BENCH_CP" city.beacon.bench.CorpusGenerator --hugo "$N" "$RUN_DIR/hugo"
  fi
  SITE=$RUN_DIR/public
  EDITED=$(find "$RUN_DIR/content/en/services" -name '*.md' | sort | sed -n 1p)
  for round in $(seq "$RUNS"); do
    echo "bench: $N pages, round $round of $RUNS" >&2
    aside "$SITE" "$RUN_DIR"/.public.*
    timed beacon "$BEACON" build --content "$RUN_DIR/content" --out "$SITE"
    if [ -n "$HUGO" ]; then
      aside "$RUN_DIR/hugo/public" "$RUN_DIR/hugo/resources"
      timed hugo "$HUGO" --quiet -s "$RUN_DIR/hugo" -d "$RUN_DIR/hugo/public"
    fi
    aside "$RUN_DIR/copy"
    timed cp cp -r "$SITE" "$RUN_DIR/copy"
    for edit in $(seq "$EDITS"); do
      echo "Edited in round $round, edit $edit." >>"$EDITED"
      commit "$RUN_DIR/content" "edit $edit of round $round"
      timed edit "$BEACON" build --content "$RUN_DIR/content" --out "$SITE"
      touch "$RUN_DIR/.before-noop"; sleep 0.01
      timed noop "$BEACON" build --content "$RUN_DIR/content" --out "$SITE"
      find "$SITE" -newer "$RUN_DIR/.before-noop" -type f | wc -l >>"$RUN_DIR/times/noop-written"
    done
  done
  PAGES=$(find "$SITE" -name '*.html' | wc -l)
  HUGO_PAGES=$([ -n "$HUGO" ] && find "$RUN_DIR/hugo/public" -name '*.html' | wc -l || echo 0)
  echo
  echo "== $N source pages: Beacon writes $PAGES HTML pages ($(du -sm "$SITE" | cut -f1) MiB), Hugo $HUGO_PAGES; median of $RUNS rounds ($((RUNS * EDITS)) edits and no-op rebuilds) =="
  report beacon "Beacon cold build" "$PAGES"
  report hugo "Hugo cold build" "$HUGO_PAGES"
  report cp "cp -r of Beacon's output" "$PAGES"
  report edit "Beacon rebuild, one page edited" "$PAGES"
  report noop "Beacon no-op rebuild" "$PAGES"
  echo "Files the no-op rebuilds wrote: $(sort -u "$RUN_DIR/times/noop-written" | tr '\n' ' ')"
done
