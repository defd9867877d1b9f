#!/usr/bin/env bash
# Smoke test of a packaged WELNO Session Console: starts the launcher with --smoke-test (the app opens
# its window on the embedded DEMO, waits for the first rendered batch of sessions and exits 0) and
# fails unless it exits 0 within SMOKE_TIMEOUT seconds (default 180).
#
#   packaging/smoke-test.sh              the app image of `mvn -Pinstaller -DskipTests package` on this OS
#   packaging/smoke-test.sh LAUNCHER     any launcher, e.g. /opt/welno-console/bin/welno-console
#
# Linux without a display runs it under xvfb-run (Debian/Ubuntu package xvfb). Runs in bash on Linux,
# macOS and Windows (Git Bash, as on GitHub's runners).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
timeout_s="${SMOKE_TIMEOUT:-180}"

case "$(uname -s)" in
  Linux*)               default="$root/target/installer/welno-console/bin/welno-console" ;;
  Darwin*)              default="$root/target/installer/WELNO Session Console.app/Contents/MacOS/WELNO Session Console" ;;
  MINGW*|MSYS*|CYGWIN*) default="$root/target/installer/WELNO Session Console/WELNO Session Console.exe" ;;
  *)                    default="" ;;
esac
launcher="${1:-$default}"

if [ -z "$launcher" ] || [ ! -f "$launcher" ]; then
  echo "smoke-test: FAILED: no launcher at '${launcher}' (build it with: mvn -Pinstaller -DskipTests package)" >&2
  exit 2
fi

cmd=("$launcher" --smoke-test)
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null; then
    echo "smoke-test: FAILED: no display and no xvfb-run (apt-get install xvfb)" >&2
    exit 2
  fi
  cmd=(xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" "${cmd[@]}")
fi

# A time limit that works everywhere: coreutils timeout (Linux, Git Bash), else perl's alarm (macOS).
if command -v timeout >/dev/null && timeout --version >/dev/null 2>&1; then
  limit=(timeout --kill-after=15 "$timeout_s")
else
  limit=(perl -e 'alarm shift @ARGV; exec @ARGV or die "exec: $!"' "$timeout_s")
fi

echo "smoke-test: ${cmd[*]}"
start=$(date +%s)
"${limit[@]}" "${cmd[@]}"
rc=$?
elapsed=$(( $(date +%s) - start ))

case "$rc" in
  0)       echo "smoke-test: OK: exit 0 after ${elapsed}s" ;;
  124|142) echo "smoke-test: FAILED: no exit within ${timeout_s}s (killed)" >&2 ;;
  *)       echo "smoke-test: FAILED: exit code $rc after ${elapsed}s (see the output above)" >&2 ;;
esac
exit "$rc"
