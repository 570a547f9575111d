#!/bin/sh
# Keep a Beacon mirror up to date, publishing only a copy that verifies.
#   sync-and-verify.sh SOURCE SERVED_DIR [PUBLIC_KEY]
# SOURCE: rsync://host/beacon/ or a folder ending in '/'. PUBLIC_KEY: the main site's
# beacon-public-key.pem, obtained once from a channel you trust. Cron, every 15 minutes:
#   */15 * * * * /usr/local/bin/sync-and-verify.sh rsync://kyiv.example.org/beacon/ /srv/beacon /etc/beacon/beacon-public-key.pem
# Exit status is not 0 when the copy does not verify; the served folder is then left as it was.
# The upstream is not trusted: a copy holding anything but regular files and folders (a symbolic
# link, a device, a FIFO), or a file or folder its manifest does not list, is refused.
set -eu
source=$1
served=${2%/}
key=${3:-}
incoming="$served.incoming"
# -r -t and --perms with --chmod: files and folders only (no -a, -l or -D: rsync never creates a
# link, device or special file, it skips them), every folder 0755 and file 0644 whatever the umask.
copy() { rsync -rt --perms --chmod=D0755,F0644 --delete "$@"; }
refuse() { echo "sync-and-verify.sh: refusing $source: $*; $served is left as it was" >&2; exit 1; }
mkdir -p "$incoming" "$served"
# The upstream's own listing: the first character of each line is the type ('-' file, 'd' folder).
rsync -r --list-only --no-motd "$source" > "$incoming.list"
if grep -v '^[-d]' "$incoming.list" >&2; then rm -f "$incoming.list"; refuse "it holds the entries above, which are not regular files or folders"; fi
rm -f "$incoming.list"
# Start from the served copy so that rsync transfers only what changed.
copy "$served/" "$incoming/"
copy "$source" "$incoming/"
cd "$incoming"
if find . ! -type f ! -type d | grep . >&2; then refuse "the entries above are not regular files or folders"; fi
# Every file listed is present with the right SHA-256 ...
sha256sum -c --quiet --strict beacon-manifest.sha256 || refuse "files differ from beacon-manifest.sha256 (see above)"
# ... and no file or folder is there that the manifest does not list.
find . -mindepth 1 ! -path ./beacon-manifest.sha256 ! -path ./beacon-manifest.sha256.sig \( -type d -printf '%P/\n' -o -printf '%P\n' \) \
  | LC_ALL=C sort > "$incoming.files"
sed 's/^[0-9a-f]*  //' beacon-manifest.sha256 \
  | awk -F/ '{ path = ""; for (i = 1; i < NF; i++) { path = path $i "/"; print path } print }' \
  | LC_ALL=C sort -u | diff - "$incoming.files" >&2 || { rm -f "$incoming.files"; refuse "files or folders not in the manifest (see above)"; }
rm -f "$incoming.files"
if [ -n "$key" ]; then
  openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in beacon-manifest.sha256 -sigfile beacon-manifest.sha256.sig \
    || refuse "beacon-manifest.sha256 is not signed by $key"
fi
copy "$incoming/" "$served/"
