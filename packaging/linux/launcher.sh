#!/bin/bash
# The Linux launcher of WELNO Session Console, bin/<name> of the app image (packaging/linux/launcher.sh).
#
# It starts the JVM of the app's own runtime exactly as jpackage's launcher does, from the same
# lib/app/<name>.cfg: its class path, its java-options (edit them there, e.g. -Xmx) and its main class.
# What it leaves out is what jpackage 17's Linux launcher does before every start: it asks rpm and then dpkg,
# twice, which package it was installed with. `dpkg -S` reads the whole package database, so that took half a
# second and more of the start-up before the JVM even began (packaging/README.md, "Start-up").
#
# Two things it adds (packaging/README.md, "Start-up: the Linux launcher script"):
# - a short command (list, show, an action, audit, --help) runs on a JVM tuned for a few seconds of work: the
#   quick compiler only and the serial collector, instead of the window's G1 options;
# - an application class-data sharing archive per kind of start (window, command, long-running command) in the
#   user's cache, made by the first such start (at its exit) and used from the second on. JDK 17 ties such an
#   archive to the jars' absolute paths and time stamps, so it cannot be made at packaging time; its name carries
#   both, so a moved or upgraded app makes a new one. WELNO_APP_CDS=0 leaves it out.
# The JVM's own warnings go to standard error, so that `list --json` writes nothing but JSON to standard output.
set -e
self=$(readlink -f "${BASH_SOURCE[0]}")
bin=$(dirname "$self")
root=$(dirname "$bin")
app=$root/lib/app
cfg=$app/$(basename "$self").cfg
classpath=
main=
options=()
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  line=${line//\$BINDIR/$bin}
  line=${line//\$ROOTDIR/$root}
  case $line in
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$cfg"

case ${1-} in
  ''|--smoke-test) kind=window ;;
  watch|tilko-sim|bench) kind=service ;;
  *) kind=command ;;
esac
if [ "$kind" = command ]; then
  # A command is over in seconds: C2 compiling and G1's threads cost it more CPU than they save (on two cores a
  # listing of 100,000 sessions took half the time; docs/BENCHMARKS.md, P1-CLI). -Xmx stays as configured.
  tuned=()
  for option in "${options[@]}"; do
    case $option in
      -XX:+UseG1GC|-XX:+UseStringDeduplication|-XX:MaxGCPauseMillis=*) ;;
      *) tuned+=("$option") ;;
    esac
  done
  options=("${tuned[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
fi
options+=(-Xlog:all=off:stdout -Xlog:all=warning:stderr)

archive=
cache=${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}
# A dynamic archive is layered on the runtime's base archive: a runtime built without it (-Dinstaller.cds=false)
# would refuse to start with -XX:ArchiveClassesAtExit, so then there is none.
if [ "${WELNO_APP_CDS:-1}" != 0 ] && [ -n "$cache" ] && [ -f "$root/lib/runtime/lib/server/classes.jsa" ]; then
  dir=$cache/welno-console/cds
  key=$( { echo "$root"; stat -c '%n %s %Y' "$cfg" "$app"/*.jar "$root/lib/runtime/lib/server/libjvm.so"; } 2>/dev/null \
    | cksum | cut -d' ' -f1)
  archive=$dir/$kind-$key.jsa
fi
if [ -n "$archive" ] && [ -f "$archive" ]; then
  exec "$root/lib/runtime/bin/java" -classpath "$classpath" "${options[@]}" -XX:SharedArchiveFile="$archive" \
    "-Djpackage.app-path=$self" "$main" "$@"
fi
if [ -n "$archive" ] && mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
  # The first start of its kind records the classes it loads; the archive is written when the JVM exits, under a
  # name of its own and then renamed, so that a start at the same time never maps half an archive.
  partial=$archive.$$.partial
  status=0
  "$root/lib/runtime/bin/java" -classpath "$classpath" "${options[@]}" -XX:ArchiveClassesAtExit="$partial" \
    "-Djpackage.app-path=$self" "$main" "$@" || status=$?
  if [ -s "$partial" ]; then
    rm -f "$dir/$kind"-*.jsa
    mv -f "$partial" "$archive" 2>/dev/null || rm -f "$partial"
  else
    rm -f "$partial"
  fi
  exit $status
fi
exec "$root/lib/runtime/bin/java" -classpath "$classpath" "${options[@]}" "-Djpackage.app-path=$self" "$main" "$@"
