#!/usr/bin/env bash
# process.sh — time whole processes on a 16 MiB input: Debian's opencc
# command-line tool (package opencc) against tongwen convert.
#
#   bench/process.sh [CONFIG...]        default: s2t s2twp t2s
#
# Builds tongwen, builds the input with the shared make-bench-input tool
# (TONGWEN_SHARED, default ../../shared), and times each command with
# hyperfine (Debian package hyperfine) when present, else with `time`.
# Needs: apt-get install -y opencc hyperfine
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${TONGWEN_SHARED:-$here/../../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(s2t s2twp t2s)

command -v opencc >/dev/null || { echo "process.sh: needs Debian's opencc (apt-get install -y opencc)" >&2; exit 2; }
(cd "$here/.." && go build -o "$work/tongwen" ./cmd/tongwen)
"$shared/tools/make-bench-input" "$work/hans.txt" 16 hans
"$shared/tools/make-bench-input" "$work/hant.txt" 16 hant-tw
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); opencc $(opencc --version 2>&1 | grep -o '[0-9.]*' | head -1)"
for c in "${configs[@]}"; do
  in=$work/hans.txt
  case $c in t2*|tw2*|hk2*) in=$work/hant.txt ;; esac
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 --export-markdown "$work/$c.md" \
      -n "opencc -c $c" "opencc -c $c.json -i $in -o $work/out-opencc.txt" \
      -n "tongwen convert -c $c" "$work/tongwen convert -c $c -o $work/out-tongwen.txt $in" >&2
    cat "$work/$c.md"
  else
    echo "== $c"; time opencc -c "$c.json" -i "$in" -o "$work/out-opencc.txt"
    time "$work/tongwen" convert -c "$c" -o "$work/out-tongwen.txt" "$in"
  fi
done
