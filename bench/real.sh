#!/usr/bin/env bash
# The benchmark on a real site: a checkout of a Hugo site (the figures in docs/performance.md are of
# vitessio/website at commit ad92a7c1ae28a1fd510ab2349f83d72f0f34b3b5, about 3 900 documentation
# pages in English and Chinese), brought into Beacon with `beacon import hugo` and made to publish
# as an editor would (city.beacon.bench.ImportFixes), then, in rounds so that every tool sees the
# same machine load, times
#   Beacon cold build (no output, no cache; `bin/beacon build`, the README's command), Hugo cold
#   build of the checkout (`hugo -s SITE -d OUT --quiet`), cp -r of Beacon's output (the floor),
# and prints the median wall time, peak resident memory and CPU time of each.
#
#   bench/real.sh SITE           # 3 rounds
#   RUNS=1 bench/real.sh SITE    # one round
#
# SITE is copied to bench-out/real/hugo-site first: made a git repository with one commit when it
# is not one (Hugo's enableGitInfo and Beacon both read each page's last commit), and a Sass file
# that imports from node_modules/ when the checkout has none (npm install was not run) is replaced
# by a stub, with a line saying so (Hugo stops otherwise). The imported content
# (bench-out/real/content) is kept in git as editors keep it, and ImportFixes' edits are its second commit.
#
# Needs JDK 17, Maven (to build the jar and the test classes when missing), GNU time (/usr/bin/time),
# git, Hugo (extended, for Sass: apt-get install hugo). Everything is written under bench-out/real/
# (git-ignored). As in run.sh, nothing is deleted until the last round is timed: the outputs of a
# round are moved aside into bench-out/real/trash/ and removed at the end (why: run.sh's header).
set -euo pipefail
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: bench/real.sh SITE   (SITE: a checkout of a Hugo site)" >&2; exit 2; }
SOURCE=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-3}
JAR=$ROOT/generator/target/beacon.jar
# ImportFixes is test code (generator/src/test/java/city/beacon/bench/), not in the shipped jar:
# `mvn -DskipTests package` compiles it into target/test-classes, beside the jar.
BENCH_CP=$JAR:$ROOT/generator/target/test-classes
BEACON=${BEACON:-$ROOT/bin/beacon}
OUT=$ROOT/bench-out/real
TRASH=$ROOT/bench-out/real-trash
. "$ROOT/bench/lib.sh" # aside, timed, commit, median, report
RUN_DIR=$OUT

[ -x /usr/bin/time ] || { echo "bench: GNU time is needed: apt-get install time" >&2; exit 2; }
HUGO=$(command -v hugo || true)
[ -n "$HUGO" ] || { echo "bench: hugo is needed (apt-get install hugo)" >&2; exit 2; }
[ -f "$JAR" ] && [ -f "$ROOT/generator/target/test-classes/city/beacon/bench/ImportFixes.class" ] || mvn -q -DskipTests package
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT
aside "$OUT" # an earlier run's
mkdir -p "$OUT/times"

# The Hugo site: the checkout without what Hugo makes (public/, resources/_gen/ when git does not track it).
SITE=$OUT/hugo-site
echo "bench: copying $SOURCE to $SITE" >&2
mkdir -p "$SITE"
(cd "$SOURCE" && tar --exclude=./public --exclude=./resources/_gen -cf - .) | (cd "$SITE" && tar -xf -)
[ -n "$(git -C "$SOURCE" ls-files resources/_gen 2>/dev/null | head -1)" ] && cp -r "$SOURCE/resources/_gen" "$SITE/resources/"
GEN_TRACKED=$([ -d "$SITE/resources/_gen" ] && echo 1 || echo 0)
[ -d "$SITE/.git" ] || commit "$SITE" "the site"
if [ ! -d "$SITE/node_modules" ]; then
  # A Sass import that is no file of the assets (bulma/sass/...) is read from node_modules/ (Hugo's includePaths).
  while IFS= read -r sass; do
    dir=$(dirname "$sass")
    missing=""
    while IFS= read -r imported; do
      found=0
      for base in "$dir" "$SITE/assets" "$SITE/assets/sass"; do
        for f in "$base/$imported" "$base/$imported".s[ac]ss "$(dirname "$base/$imported")/_$(basename "$imported")".s[ac]ss; do
          [ -f "$f" ] && found=1
        done
      done
      [ $found = 1 ] || { missing=$imported; break; }
    done < <(sed -n 's/^[[:space:]]*@import[[:space:]]*"\([^":]*\)".*/\1/p' "$sass")
    if [ -n "$missing" ]; then
      echo "bench: ${sass#"$SITE"/} imports \"$missing\" from node_modules/, which the checkout lacks (npm install): replaced by a stub" >&2
      case "$sass" in
        *.sass) printf 'body\n  color: black\n' >"$sass" ;;
        *) printf 'body { color: black; }\n' >"$sass" ;;
      esac
    fi
  done < <(find "$SITE/assets" -name '*.s[ac]ss' 2>/dev/null | sort)
fi

# Beacon's content: imported, made to publish, kept in git.
CONTENT=$OUT/content
"$BEACON" import hugo "$SITE" --content "$CONTENT" | tail -n 2 >&2
commit "$CONTENT" "imported from Hugo"
java -cp "$BENCH_CP" city.beacon.bench.ImportFixes "$CONTENT" "$BEACON" | tee "$OUT/import-fixes.txt" | grep -v ': 0$' >&2
commit "$CONTENT" "the fixes an editor makes so that it publishes"
# One build, untimed, that the timed ones are alike: it proves the site publishes, and leaves what
# the launcher keeps beside the jar between builds (bin/beacon: the class-data archive) made.
"$BEACON" build --content "$CONTENT" --out "$OUT/first-build" >"$OUT/first-build.log" 2>&1 || { tail -n 30 "$OUT/first-build.log" >&2; exit 1; }
aside "$OUT/first-build" "$OUT"/.first-build.*

BUILT=$OUT/public
for round in $(seq "$RUNS"); do
  echo "bench: real site, round $round of $RUNS" >&2
  aside "$BUILT" "$OUT"/.public.*
  timed beacon "$BEACON" build --content "$CONTENT" --out "$BUILT"
  aside "$OUT/hugo-public"
  [ "$GEN_TRACKED" = 1 ] || aside "$SITE/resources/_gen"
  timed hugo "$HUGO" -s "$SITE" -d "$OUT/hugo-public" --quiet
  aside "$OUT/copy"
  timed cp cp -r "$BUILT" "$OUT/copy"
done
SOURCE_PAGES=$(find "$CONTENT" -name '*.md' | wc -l)
PAGES=$(find "$BUILT" -name '*.html' | wc -l)
HUGO_PAGES=$(find "$OUT/hugo-public" -name '*.html' | wc -l)
echo
echo "== $(git -C "$SOURCE" remote get-url origin 2>/dev/null || basename "$SOURCE") at $(git -C "$SITE" rev-parse --short HEAD): $SOURCE_PAGES Markdown files after the import;" \
  "Beacon writes $PAGES HTML pages ($(du -sm "$BUILT" | cut -f1) MiB), Hugo $HUGO_PAGES ($(du -sm "$OUT/hugo-public" | cut -f1) MiB); median of $RUNS rounds =="
report beacon "Beacon cold build" "$PAGES"
report hugo "Hugo cold build" "$HUGO_PAGES"
report cp "cp -r of Beacon's output" "$PAGES"
echo "Fixes made to the imported content (bench-out/real/import-fixes.txt, git -C bench-out/real/content show --stat):"
grep -v ': 0$' "$OUT/import-fixes.txt" | grep -v 'check [0-9]' | sed 's/^import fixes: /  /'
