#!/usr/bin/env bash
# Prints the home of a JDK whose feature version is at least $1 (default 25), or exits 1 when there is none.
# Looks at ATELIER_JAVA_HOME, JAVA_HOME, the usual install folders, then the default java. Shared by the
# launcher (packaging/bin/atelier) and the installer build (packaging/build-installers.sh).
set -euo pipefail
REQUIRED=${1:-25}

java_major() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

find_jdk() {
  local candidates=()
  [ -n "${ATELIER_JAVA_HOME:-}" ] && candidates+=("$ATELIER_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local d
  for d in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in "${candidates[@]}"; do
    local v
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$REQUIRED" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

find_jdk
