#!/usr/bin/env bash
# Runs the whole test suite (`mvn -B verify`) while three CPU-busy processes compete with it for the cores, the
# way a shared CI runner or a busy laptop does, and exits with Maven's status. A test that passes alone but fails
# here depends on timing: it should wait for a condition, not for a fixed time or a fast machine.
#
#   packaging/verify-under-load.sh             mvn -B verify
#   packaging/verify-under-load.sh -o          extra arguments go to mvn (here: offline)
#   HOGS=4 packaging/verify-under-load.sh      another number of busy processes (default 3)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

hogs=()
stop_hogs() {
  if [ ${#hogs[@]} -gt 0 ]; then
    kill "${hogs[@]}" 2>/dev/null
    wait "${hogs[@]}" 2>/dev/null
    hogs=()
  fi
}
trap stop_hogs EXIT
trap 'stop_hogs; exit 130' INT TERM

for _ in $(seq 1 "${HOGS:-3}"); do
  ( while :; do :; done ) &
  hogs+=("$!")
done
echo "verify-under-load: ${#hogs[@]} busy processes (${hogs[*]}) on $(nproc) cores; running mvn -B $* verify" >&2

mvn -B "$@" verify
status=$?
stop_hogs
echo "verify-under-load: mvn exited $status" >&2
exit "$status"
