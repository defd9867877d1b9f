#!/bin/bash
# The Linux launcher of WELNO Session Console, bin/<name> of the app image (packaging/linux/launcher.sh).
#
# It starts the JVM of the app's own runtime exactly as jpackage's launcher does, from the same
# lib/app/<name>.cfg: its class path, its java-options (edit them there, e.g. -Xmx) and its main class.
# What it leaves out is what jpackage 17's Linux launcher does before every start: it asks rpm and then dpkg,
# twice, which package it was installed with. `dpkg -S` reads the whole package database, so that took half a
# second and more of the start-up before the JVM even began (packaging/README.md, "Start-up").
set -e
self=$(readlink -f "${BASH_SOURCE[0]}")
bin=$(dirname "$self")
root=$(dirname "$bin")
app=$root/lib/app
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
done < "$app/$(basename "$self").cfg"
exec "$root/lib/runtime/bin/java" -classpath "$classpath" "${options[@]}" "-Djpackage.app-path=$self" "$main" "$@"
