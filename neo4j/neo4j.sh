#!/usr/bin/env bash
# Start or stop a Neo4j Community 5.26 server for dutygraph, in the background.
#
#   neo4j/neo4j.sh start | stop | status | import DIR
#
# `import DIR` runs neo4j-admin's `database import full` on DIR/nodes.csv and
# DIR/relationships.csv (as `dutygraph export --format neo4j-csv` writes them) into
# the database `neo4j` of NEO4J_HOME, which must be stopped and may not hold one yet.
#
# Environment: NEO4J_PORT (Bolt port, default 7687; NEO4J_PORT_SETTING names the
# variable that set it, for messages: the tests set NEO4J_TEST_PORT), NEO4J_HOME (data and log
# directory, default .neo4j beside this folder), NEO4J_PASSWORD (empty: no
# authentication), NEO4J_HEAP (default 512m), NEO4J_PAGECACHE (default 256m).
# The server is resolved from Maven Central by Maven on first use and listens
# on 127.0.0.1 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${NEO4J_PORT:-7687}
home=${NEO4J_HOME:-$here/../.neo4j}
mkdir -p "$home"
home=$(cd "$home" && pwd)
pidfile=$home/neo4j.pid
log=$home/neo4j.log

# A server killed with -9 stays a zombie until its parent (often PID 1) reaps it: kill -0
# still succeeds on it, so a zombie counts as not running.
running() {
  [ -f "$pidfile" ] || return 1
  local pid state
  pid=$(cat "$pidfile")
  kill -0 "$pid" 2>/dev/null || return 1
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
  [ "$state" != "Z" ]
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

build() {
  command -v java >/dev/null || { echo "neo4j: no java on PATH; install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
  command -v mvn >/dev/null || { echo "neo4j: no mvn on PATH; install Maven (Debian: apt-get install maven)" >&2; exit 1; }
  local cp=$here/target/classpath.txt
  if [ ! -f "$cp" ] || [ "$here/pom.xml" -nt "$cp" ] || [ "$here/src/main/java/dutygraph/Launcher.java" -nt "$cp" ]; then
    echo "neo4j: resolving Neo4j Community from Maven Central and compiling the launcher (first run only)…"
    MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.force=false" mvn -q -B -Dstyle.color=never -f "$here/pom.xml" compile
    touch "$cp"
  fi
}

start() {
  if running; then echo "neo4j: already running (pid $(cat "$pidfile")) on bolt://127.0.0.1:$port"; return 0; fi
  if port_open "$port"; then echo "neo4j: port $port is already in use; set ${NEO4J_PORT_SETTING:-NEO4J_PORT} to another port" >&2; exit 1; fi
  build
  nohup java -Xms128m -Xmx"${NEO4J_HEAP:-512m}" \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    -Dio.netty.tryReflectionSetAccessible=true \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
    dutygraph.Launcher "$home/data" "$port" "${NEO4J_PASSWORD:-}" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 180); do
    if grep -q "dutygraph-neo4j ready" "$log" 2>/dev/null && port_open "$port"; then
      echo "neo4j: ready on bolt://127.0.0.1:$port (pid $(cat "$pidfile"), log $log)"
      return 0
    fi
    if ! running; then echo "neo4j: failed to start; the end of $log:" >&2; tail -20 "$log" >&2; rm -f "$pidfile"; exit 1; fi
    sleep 1
  done
  echo "neo4j: not ready after 180 s; see $log" >&2
  exit 1
}

stop() {
  if ! running; then echo "neo4j: not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null; then rm -f "$pidfile"; echo "neo4j: stopped"; return 0; fi
    sleep 1
  done
  echo "neo4j: did not stop within 60 s; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

import_csv() {
  local dir=${1:-}
  if [ -z "$dir" ] || [ ! -f "$dir/nodes.csv" ] || [ ! -f "$dir/relationships.csv" ]; then
    echo "neo4j: import needs a folder with nodes.csv and relationships.csv (dutygraph export --format neo4j-csv -o DIR)" >&2; exit 2
  fi
  if running; then echo "neo4j: stop the server first (neo4j/neo4j.sh stop): import writes a new database" >&2; exit 1; fi
  if [ -d "$home/data/data/databases/neo4j" ]; then
    echo "neo4j: $home already holds a database 'neo4j'; import into a new NEO4J_HOME" >&2; exit 1
  fi
  build
  mkdir -p "$home/data/conf" && : >"$home/data/conf/neo4j.conf"
  # The launcher's data directory is the import's NEO4J_HOME: the database lands where
  # `start` opens it.
  NEO4J_HOME="$home/data" NEO4J_CONF="$home/data/conf" java -Xmx"${NEO4J_HEAP:-512m}" \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.neo4j.cli.AdminTool \
    database import full neo4j --nodes="$dir/nodes.csv" --relationships="$dir/relationships.csv" \
    --report-file="$home/import.report" >"$home/import.log" 2>&1 || {
      echo "neo4j: import failed; the end of $home/import.log:" >&2; tail -20 "$home/import.log" >&2; exit 1; }
  sed -n '/^Imported:/,/properties/p' "$home/import.log" | tr -s ' \n' ' ' | sed 's/^/neo4j: /; s/ $/\n/'
}

case "${1:-}" in
  start) start ;;
  import) import_csv "${2:-}" ;;
  stop) stop ;;
  status) if running; then echo "neo4j: running (pid $(cat "$pidfile"))"; else echo "neo4j: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|import DIR" >&2; exit 2 ;;
esac
