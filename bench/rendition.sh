#!/usr/bin/env bash
# Renditions of a 24-megapixel (6000 x 4000) photo-like JPEG made in code: the standard widths (320, 640, 960, 1280,
# 1920) in JPEG and WebP, the whole picture (crop "o"), time per rendition and the heap's peak; then the smallest
# -Xmx that still renders the largest width in both formats (the floor). Runs org.dateline.bench.RenditionBench
# (src/test/java, not part of the suite) from the Spring Boot fat jar through its PropertiesLauncher, so it also shows
# which ImageIO plugins the packaged application finds and that libwebp's encoder loads from the nested jar.
# Usage: bench/rendition.sh        (after ./mvnw -o -q package -DskipTests -Ddateline.cds.skip=true)
#   env: RUNS=5 HEAP=512m FLOORS="256m 192m 160m 128m 112m 96m" JAVA=java
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
HEAP=${HEAP:-512m}
FLOORS=${FLOORS:-256m 192m 160m 128m 112m 96m}
JAVA=${JAVA:-$JAVA17}
CLASSES=$ROOT_DIR/target/test-classes
[ -f "$CLASSES/org/dateline/bench/RenditionBench.class" ] || { echo "missing $CLASSES: package without -Dmaven.test.skip" >&2; exit 1; }

WORK=$(mktemp -d /tmp/dateline-bench-rendition.XXXXXX)
trap 'rm -rf "$WORK"' EXIT INT TERM

bench() {
    local heap=$1
    shift
    "$JAVA" -Xmx"$heap" -cp "$JAR" -Dloader.path="$CLASSES" -Dloader.main=org.dateline.bench.RenditionBench \
        -Dbench.photo="$WORK/photo.jpg" \
        org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

echo "## rendition $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- $RUNS timed runs per line after 2 of warm-up, one thread, -Xmx$HEAP; heap peak: the heap pools' peaks after a GC before each run, summed (an upper bound)"
bench "$HEAP" "$RUNS"
echo
echo "### Heap floor (1920 wide, JPEG and WebP, one run each, the photo read from a file)"
echo
for heap in $FLOORS; do
    if out=$(bench "$heap" 1 1920 2>&1); then
        echo "- -Xmx$heap: rendered"
    else
        echo "- -Xmx$heap: failed ($(grep -o -m1 -E 'OutOfMemoryError[^"]*' <<<"$out" || echo "exit code $?"))"
    fi
done
