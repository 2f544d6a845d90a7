#!/usr/bin/env bash
# Regenerate demo course covers from catalogue.json: bash src/scripts/demo-catalogue/make-covers.sh  (needs ImageMagick 6+, Node, DejaVu fonts)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CATALOGUE="$DIR/catalogue.json"
OUT="$DIR/covers"
W=800
H=450

if command -v magick >/dev/null 2>&1; then IM=(magick); ID=(magick identify); else IM=(convert); ID=(identify); fi
"${IM[@]}" -version 2>/dev/null | grep -q ImageMagick || {
  echo "ImageMagick is required (apt-get install -y imagemagick fonts-dejavu-core)" >&2
  exit 1
}

font_file() {
  local f
  f="$(fc-match -f '%{file}' "$1" 2>/dev/null || true)"
  if [ -n "$f" ] && [ -f "$f" ]; then echo "$f"; else echo "$2"; fi
}
FONT_BOLD="$(font_file 'DejaVu Sans:bold' DejaVu-Sans-Bold)"
FONT_REG="$(font_file 'DejaVu Sans' DejaVu-Sans)"

# Gradient pairs per category colour family; courses within a category cycle through them.
palette() {
  case "$1:$2" in
    generative-ai:0) echo "#3b0a7a #a01fd0" ;;
    generative-ai:1) echo "#4a0e5c #c2267a" ;;
    generative-ai:2) echo "#24125e #7b3fe4" ;;
    generative-ai:3) echo "#5b1370 #9d3bb8" ;;
    machine-learning:0) echo "#0b2a66 #1b78c2" ;;
    machine-learning:1) echo "#0a3550 #15899a" ;;
    machine-learning:2) echo "#131c5e #3a5fd0" ;;
    machine-learning:3) echo "#07324a #1f6fa8" ;;
    llm-engineering:0) echo "#063d33 #128a6c" ;;
    llm-engineering:1) echo "#0b3b22 #2f8a3e" ;;
    llm-engineering:2) echo "#053a45 #0f8a7e" ;;
    llm-engineering:3) echo "#17402a #3c8f5a" ;;
    ai-for-business:0) echo "#6e1a0c #c8501a" ;;
    ai-for-business:1) echo "#7a2d05 #c9760e" ;;
    ai-for-business:2) echo "#6b0f25 #c2453a" ;;
    ai-for-business:3) echo "#5e2a0a #b86a1c" ;;
    *) echo "#1f2937 #4b5563" ;;
  esac
}

STROKE="rgba(255,255,255,0.22)"
FILL_SOFT="rgba(255,255,255,0.10)"

# Each motif prints -draw primitives for the right-hand side of the cover.
motif() {
  local kind="$1" d="" i j x y
  case "$kind" in
    0) # concentric rings
      for r in 40 80 120 160 200 240 280; do d+="circle 690,110 $((690 + r)),110 "; done ;;
    1) # dot grid
      for ((y = 36; y <= 216; y += 36)); do
        for ((x = 500; x <= 776; x += 36)); do d+="circle $x,$y $((x + 4)),$y "; done
      done ;;
    2) # small neural network
      local -a l1=(60 130 200) l2=(35 95 155 215) l3=(95 165)
      for i in "${l1[@]}"; do for j in "${l2[@]}"; do d+="line 540,$i 640,$j "; done; done
      for i in "${l2[@]}"; do for j in "${l3[@]}"; do d+="line 640,$i 740,$j "; done; done
      for i in "${l1[@]}"; do d+="circle 540,$i 551,$i "; done
      for i in "${l2[@]}"; do d+="circle 640,$i 651,$i "; done
      for i in "${l3[@]}"; do d+="circle 740,$i 751,$i "; done ;;
    3) # diagonal stripes
      for ((x = 480; x <= 1100; x += 34)); do d+="line $x,0 $((x - 300)),300 "; done ;;
    4) # hexagon cluster
      local cx cy
      for p in "610,60" "690,60" "650,130" "730,130" "570,130" "690,200" "610,200"; do
        cx="${p%,*}"; cy="${p#*,}"
        d+="polygon $((cx - 23)),$((cy - 40)) $((cx + 23)),$((cy - 40)) $((cx + 46)),$cy $((cx + 23)),$((cy + 40)) $((cx - 23)),$((cy + 40)) $((cx - 46)),$cy "
      done ;;
    5) # rising bars
      local hgt=(50 80 65 115 100 150 190)
      for i in "${!hgt[@]}"; do
        x=$((540 + i * 34)); d+="rectangle $x,$((228 - ${hgt[$i]})) $((x + 22)),228 "
      done ;;
  esac
  printf '%s' "$d"
}

mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# handle \t category \t index-in-category \t global index \t EN title \t level \t hours \t lessons \t EN category name
node -e '
  const c = require(process.argv[1]);
  const names = Object.fromEntries(c.categories.map((x) => [x.handle, x.name.en]));
  const seen = {};
  c.courses.forEach((x, i) => {
    const k = seen[x.category] = (seen[x.category] ?? -1) + 1;
    console.log([x.cover.replace(/\.png$/, ""), x.category, k % 4, i, x.title.en, x.level,
      x.duration_hours, x.lessons, names[x.category] ?? ""].join("\t"));
  });
' "$CATALOGUE" > "$TMP/courses.tsv"

while IFS=$'\t' read -r handle category idx gidx title level hours lessons catname; do
  read -r c1 c2 <<< "$(palette "$category" "$idx")"
  angle=$((120 + (gidx * 37) % 60))
  level_uc="$(echo "$level" | tr '[:lower:]' '[:upper:]')"
  cat_uc="$(echo "$catname" | tr '[:lower:]' '[:upper:]')"

  # Title: wrapped at 700px, 52pt, with a soft shadow for contrast.
  "${IM[@]}" -background none -fill white -font "$FONT_BOLD" -pointsize 52 -interline-spacing -4 \
    -size 700x caption:"$title" \
    \( +clone -background black -shadow 55x4+0+3 \) +swap -background none -layers merge +repage \
    "$TMP/title.png"

  # Level badge: rounded pill with the level name.
  "${IM[@]}" -background none -fill white -font "$FONT_BOLD" -pointsize 17 label:"$level_uc" \
    -bordercolor none -border 16x9 "$TMP/badge_text.png"
  read -r bw bh <<< "$("${ID[@]}" -format '%w %h' "$TMP/badge_text.png")"
  "${IM[@]}" -size "${bw}x${bh}" xc:none -fill "rgba(0,0,0,0.32)" -stroke "rgba(255,255,255,0.75)" -strokewidth 2 \
    -draw "roundrectangle 1,1 $((bw - 2)),$((bh - 2)) $((bh / 2 - 1)),$((bh / 2 - 1))" \
    "$TMP/badge_text.png" -compose over -composite "$TMP/badge.png"

  "${IM[@]}" -size "${W}x${H}" -define gradient:angle="$angle" gradient:"$c1-$c2" \
    -fill "$FILL_SOFT" -stroke none -draw "circle $((560 + gidx * 23 % 180)),$((380 + gidx * 17 % 60)) $((760 + gidx * 23 % 180)),$((380 + gidx * 17 % 60))" \
    -fill none -stroke "$STROKE" -strokewidth 2 -draw "$(motif $((gidx % 6)))" \
    -stroke none -fill "rgba(255,255,255,0.78)" -font "$FONT_BOLD" -pointsize 17 \
    -gravity northwest -annotate +50+42 "$cat_uc" \
    -fill "rgba(255,255,255,0.85)" -font "$FONT_REG" -pointsize 20 \
    -gravity southwest -annotate +50+38 "$hours h  ·  $lessons lessons" \
    "$TMP/title.png" -gravity southwest -geometry +44+82 -compose over -composite \
    "$TMP/badge.png" -gravity southeast -geometry +44+30 -compose over -composite \
    -strip +dither -colors 200 -define png:compression-level=9 \
    "PNG8:$OUT/$handle.png"
  echo "covers/$handle.png"
done < "$TMP/courses.tsv"
