#!/usr/bin/env bash
# Builds libcmark from Debian's source with coverage and ASan, as one relocatable object that the
# fuzz binary links ahead of the system's libcmark.so (see README.md, "Instrumenting cmark").
# usage: Fuzz/instrumented-cmark.sh CMARK_SOURCE_DIR   (the folder `apt-get source cmark` made)
# writes Fuzz/.build-cmark/cmark-fuzz.o
set -euo pipefail
src="$(cd "$1" && pwd)/src"
out="$(cd "$(dirname "$0")" && pwd)/.build-cmark"
clang="${CLANG:-$(command -v clang)}"
version=$(sed -n 's/^project(cmark VERSION \([0-9.]*\)).*/\1/p' "$src/../CMakeLists.txt")
IFS=. read -r major minor patch <<<"${version:-0.30.2}"
mkdir -p "$out/gen"
sed -e 's/#cmakedefine \(HAVE_STDBOOL_H\|HAVE___BUILTIN_EXPECT\|HAVE___ATTRIBUTE__\)/#define \1/' \
    "$src/config.h.in" > "$out/gen/config.h"
sed -e "s/@PROJECT_VERSION_MAJOR@/$major/g; s/@PROJECT_VERSION_MINOR@/$minor/g; s/@PROJECT_VERSION_PATCH@/$patch/g" \
    "$src/cmark_version.h.in" > "$out/gen/cmark_version.h"
printf '#ifndef CMARK_EXPORT_H\n#define CMARK_EXPORT_H\n#define CMARK_EXPORT __attribute__((visibility("default")))\n#define CMARK_NO_EXPORT\n#endif\n' \
    > "$out/gen/cmark_export.h"
objects=()
for c in blocks buffer cmark cmark_ctype commonmark houdini_href_e houdini_html_e houdini_html_u html \
         inlines iterator latex man node references render scanners utf8 xml; do
    "$clang" -c -O1 -g -fsanitize=fuzzer-no-link,address -I"$out/gen" -I"$src" "$src/$c.c" -o "$out/$c.o"
    objects+=("$out/$c.o")
done
ld -r "${objects[@]}" -o "$out/cmark-fuzz.o"
echo "$out/cmark-fuzz.o (cmark $major.$minor.$patch)"
