#!/usr/bin/env bash
# Places at city scale (issue 21): the bundled portal with content/data/places.csv grown to N places
# (city.beacon.bench.PlacesGenerator), built cold, copied to a mirror with rsync, then one place's
# status flipped in places-status.csv and built again. Prints the cold build, the flip's build
# (its --timings line: pages and pages of lists rendered), the files it wrote, and the files rsync
# sends to bring the mirror up to date.
#
#   bench/places.sh          # 5 000 places
#   bench/places.sh 20000
#
# Needs JDK 17, Maven (to build the jar and the test classes when missing), rsync, GNU time.
# Everything is written under bench-out/places/ (git-ignored; OUT=folder to put it elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
OUT=${OUT:-$PWD/bench-out/places}
JAR=generator/target/beacon.jar
[ -f "$JAR" ] && [ -f generator/target/test-classes/city/beacon/bench/PlacesGenerator.class ] || mvn -q -DskipTests package
R=$OUT/$N
rm -rf "$R"; mkdir -p "$R"
cp -r content "$R/content"
java -cp "$JAR:generator/target/test-classes" city.beacon.bench.PlacesGenerator "$N" "$R/content"
ID=$(sed -n '2p' "$R/content/data/places.csv" | cut -d, -f1)
echo "== cold build, $N places"
/usr/bin/time -f "%e s wall, %M KiB peak" bin/beacon build --content "$R/content" --out "$R/out" --base-url https://example.org/ 2>&1 \
  | grep -E '^Built|wall|heaviest'
rsync -a "$R/out/" "$R/mirror/"
sleep 1; touch "$R/mark"
printf 'id,status,note_uk,note_en,since\n%s,closed,Закрито (приклад),Closed (example),2026-12-05\n' "$ID" > "$R/content/data/places-status.csv"
echo "== one status flip ($ID closed)"
/usr/bin/time -f "%e s wall, %M KiB peak" bin/beacon build --content "$R/content" --out "$R/out" --base-url https://example.org/ --timings 2>&1 \
  | grep -E '^Built|wall|^Timings'
echo "files written: $(find "$R/out" -type f -newer "$R/mark" | wc -l)"
echo "files rsync sends to the mirror: $(rsync -ai --dry-run --delete "$R/out/" "$R/mirror/" | grep -c '^[<>*]')"
