#!/usr/bin/env bash
# regen.sh — rebuild the golden conversion files in this folder.
#
#   testdata/golden/regen.sh [CORPUS_DIR [OPENCC_REF]]
#
# Inputs: about 300 KB (360 KB asked, less where files run short) of real text per script, sampled deterministically
# (every k-th non-empty line, k = corpus bytes / 360 KB, an equal share from
# each file in name order) from the shared development corpus:
#   hans.txt     zh-hans-*      input of s2t s2tw s2twp s2hk s2hkp jp2t
#   hant-tw.txt  zh-hant-tw-*   input of t2s t2tw t2hk t2jp tw2s tw2sp tw2t
#   hant-hk.txt  zh-hant-hk-*   input of hk2s hk2sp hk2t
# Outputs: CONFIG.txt, the OpenCC reference engine's conversion of the input
# (tofu-risk dictionaries included, as the library default). The convert
# package's golden test requires tongwen to reproduce them byte for byte.
# Needs the reference tool (Debian package opencc behind shared/tools/opencc-ref).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../shared/corpus}
ref=${2:-$here/../../../shared/tools/opencc-ref}
size=360000

sample() { # PATTERN OUT
  local files=("$corpus"/$1) f
  local k=$(( $(cat "${files[@]}" | wc -c) / size ))
  [ "$k" -ge 1 ] || k=1
  : > "$here/$2"
  for f in "${files[@]}"; do
    # head closes the pipe early on purpose; only its output matters.
    { awk -v k="$k" 'NF > 0 && ++n % k == 0' "$f" || true; } | { head -c $((size / ${#files[@]})) || true; } | sed '$d' >> "$here/$2"
  done
}
sample 'zh-hans-*.txt' hans.txt
sample 'zh-hant-tw-*.txt' hant-tw.txt
sample 'zh-hant-hk-*.txt' hant-hk.txt

input_of() {
  case $1 in
    s2*|jp2t) echo hans.txt ;;
    hk2*) echo hant-hk.txt ;;
    *) echo hant-tw.txt ;;
  esac
}
for c in s2t t2s s2tw tw2s s2hk hk2s s2twp tw2sp s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t; do
  "$ref" "$c" < "$here/$(input_of "$c")" > "$here/$c.txt"
done
echo "regen.sh: wrote golden files to $here" >&2
