#!/usr/bin/env bash
# Regenerates every icon in assets/icons/ from the one source image assets/icon.svg.
#   needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick 6 `convert` (imagemagick), python3
#   run from anywhere:  packaging/icons/generate.sh
# Art direction:
#   - app-64 .. app-512 and app.icns keep the margin of the SVG (824 px body on a 1024 canvas,
#     Apple's grid), which is also what freedesktop menus expect;
#   - app-16/32/48 and every size inside app.ico are cut to the body (Windows and small menu
#     icons fill their square; a 16 px icon with a margin is a blur).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svg="$root/assets/icon.svg"
out="$root/assets/icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing" >&2; exit 1; }
done
mkdir -p "$out"

# Renders of the whole canvas (with margin) straight from the SVG, one per size.
grid() { rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$svg" -o "$2"; }
# The body only (x/y 84..940 of the 1024 canvas), downscaled from a 1024 render.
rsvg-convert --width 1024 --height 1024 "$svg" -o "$tmp/full-1024.png"
tight() {
  convert "$tmp/full-1024.png" -crop 856x856+84+84 +repage -filter Lanczos -resize "$1x$1" \
    -strip PNG32:"$2"
}

for s in 16 32 48; do tight "$s" "$out/app-$s.png"; done
for s in 64 128 256 512; do grid "$s" "$out/app-$s.png"; done

# Windows: one .ico with 16, 24, 32, 48, 64 and 256 (256 is stored as PNG by ImageMagick).
for s in 16 24 32 48 64 256; do tight "$s" "$tmp/ico-$s.png"; done
convert "$tmp"/ico-16.png "$tmp"/ico-24.png "$tmp"/ico-32.png "$tmp"/ico-48.png \
  "$tmp"/ico-64.png "$tmp"/ico-256.png "$out/app.ico"

# macOS: .icns with every PNG slot from 16 to 1024 (512@2x).
icns_args=()
for s in 16 32 64 128 256 512 1024; do
  grid "$s" "$tmp/icns-$s.png"
  icns_args+=("$s=$tmp/icns-$s.png")
done
python3 "$root/packaging/icons/write_icns.py" "$out/app.icns" "${icns_args[@]}"

ls -l "$out"
