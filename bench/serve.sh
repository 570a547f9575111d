#!/usr/bin/env bash
# The live preview's benchmark: generates the corpus (city.beacon.bench.CorpusGenerator), starts
# `bin/beacon serve` on it (127.0.0.1, a free port), and times how long one page's edit takes to be
# served: EDITS saves of its body, then EDITS of its title (city.beacon.bench.PreviewLatency), each
# from the file write to the GET that returns the changed page. Prints median, min and max; stops
# the preview it started.
#
#   bench/serve.sh               # 10 000 pages, 20 edits of each kind
#   EDITS=10 bench/serve.sh 1000
#   WAIT=1 bench/serve.sh        # fetch the page as an open page does (on each new version), not every 2 ms
#   TIMINGS=1 bench/serve.sh     # the preview prints the milliseconds of each step of each rebuild
#   BODY_ONLY=1 bench/serve.sh   # body edits only (e.g. to profile them: BEACON_JAVA_OPTS=-XX:StartFlightRecording=...)
#
# Needs JDK 17 and Maven (to build the jar and the test classes when missing). The corpus is written under
# bench-out/serve/ (git-ignored; OUT=folder to put it elsewhere). Extra JVM options for the
# preview (e.g. a flight recording): BEACON_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
EDITS=${EDITS:-20}
OUT=${OUT:-$PWD/bench-out/serve}
JAR=generator/target/beacon.jar
# The corpus generator and PreviewLatency are test code (generator/src/test/java/city/beacon/bench/),
# not in the shipped jar: `mvn -DskipTests package` compiles them into target/test-classes.
BENCH_CP=$JAR:generator/target/test-classes

[ -f "$JAR" ] && [ -f generator/target/test-classes/city/beacon/bench/PreviewLatency.class ] || mvn -q -DskipTests package
CONTENT=$OUT/$N
rm -rf "$CONTENT"
java -cp "$BENCH_CP" city.beacon.bench.CorpusGenerator "$N" "$CONTENT"
java -cp "$BENCH_CP" city.beacon.bench.PreviewLatency ${WAIT:+--wait} ${BODY_ONLY:+--body-only} "$CONTENT" "$EDITS" bin/beacon serve --templates templates ${TIMINGS:+--timings}
