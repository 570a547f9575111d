#!/bin/sh
# Keep a Beacon mirror up to date, publishing only a copy that verifies.
#   sync-and-verify.sh SOURCE SERVED_DIR [PUBLIC_KEY]
# SOURCE: rsync://host/beacon/ or a folder ending in '/'. PUBLIC_KEY: the main site's
# beacon-public-key.pem, obtained once from a channel you trust. Cron, every 15 minutes:
#   */15 * * * * /usr/local/bin/sync-and-verify.sh rsync://kyiv.example.org/beacon/ /srv/beacon /etc/beacon/beacon-public-key.pem
# Exit status is not 0 when the copy does not verify; the served folder is then left as it was.
set -eu
source=$1
served=${2%/}
key=${3:-}
incoming="$served.incoming"
mkdir -p "$incoming" "$served"
# Start from the served copy so that rsync transfers only what changed.
rsync -a --delete "$served/" "$incoming/"
rsync -a --delete "$source" "$incoming/"
cd "$incoming"
# Every file listed is present with the right SHA-256 ...
sha256sum -c --quiet --strict beacon-manifest.sha256
# ... and no file is there that the manifest does not list.
find . -type f ! -name beacon-manifest.sha256 ! -name beacon-manifest.sha256.sig | sed 's|^\./||' | LC_ALL=C sort > "$incoming.files"
sed 's/^[0-9a-f]*  //' beacon-manifest.sha256 | LC_ALL=C sort | diff - "$incoming.files" >&2 || { echo "files not in the manifest (see above)" >&2; exit 1; }
rm -f "$incoming.files"
if [ -n "$key" ]; then
  openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in beacon-manifest.sha256 -sigfile beacon-manifest.sha256.sig
fi
rsync -a --delete "$incoming/" "$served/"
