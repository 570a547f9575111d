# What bench/run.sh and bench/real.sh share: sourced by both, which set TRASH (where outputs go until
# the end) and RUN_DIR (where times/ and the timed command's log are kept) first.

aside() { # moves what exists of its arguments into the trash (a rename: no inode is freed)
  local bin
  bin=$(mktemp -d "$TRASH/XXXXXX")
  for f in "$@"; do [ -e "$f" ] && mv "$f" "$bin/"; done
  return 0
}

# timed LABEL COMMAND...: runs COMMAND, appends "seconds kib cpu-seconds" to $RUN_DIR/times/LABEL (CPU:
# user + system, steadier than wall time on a shared machine). The disk is synced first, untimed,
# so that no command pays for writing back the hundreds of MB the one before it wrote.
timed() {
  local label=$1; shift
  sync
  /usr/bin/time -o "$RUN_DIR/.time" -f "%e %M %U %S" "$@" >"$RUN_DIR/.log" 2>&1 || { cat "$RUN_DIR/.log" >&2; exit 1; }
  awk '{print $1, $2, $3 + $4}' "$RUN_DIR/.time" >>"$RUN_DIR/times/$label"
}

commit() { # folder message: commits everything in folder (a repository is made first), at a fixed time a minute later each commit
  local when
  [ -d "$1/.git" ] || git -C "$1" init -q
  when=$(( 1795000000 + $(git -C "$1" rev-list --count --all 2>/dev/null || echo 0) * 60 ))
  git -C "$1" add -A
  GIT_AUTHOR_DATE="@$when +0200" GIT_COMMITTER_DATE="@$when +0200" \
    git -C "$1" -c user.name=Bench -c user.email=bench@example.org commit -q -m "$2"
}

median() { # column of file
  sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

report() { # label name pages
  local f=$RUN_DIR/times/$1
  [ -s "$f" ] || return 0
  local s kib cpu
  s=$(median "$f" 1); kib=$(median "$f" 2); cpu=$(median "$f" 3)
  printf '%-34s %9.2f s %9.0f pages/s %7.0f MiB %8.2f s CPU\n' "$2" "$s" "$(awk -v p="$3" -v s="$s" 'BEGIN{print (s > 0 ? p/s : 0)}')" \
    "$(awk -v k="$kib" 'BEGIN{print k/1024}')" "$cpu"
}
