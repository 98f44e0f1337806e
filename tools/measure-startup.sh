#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports about start-up: time from launch to the first successful
# /actuator/health with the embedded PostgreSQL, on a new (cold) and then an existing (warm) data directory,
# and the resident memory of the JVM (and of the PostgreSQL processes) after a user has signed in and opened
# the Workflows view. Needs the runnable jar (mvn package) and curl; talks only to localhost.
#
#   tools/measure-startup.sh [runs]      (default 3 runs of each)
#   JAVA_OPTS="-XX:+EnableJVMCI …" tools/measure-startup.sh   (extra JVM options, e.g. the optimizing GraalJS runtime)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=ui/target/junction-exec.jar
runs="${1:-3}"
port=18080
password=measure-admin-password
[[ -f "$jar" ]] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

start_and_wait() { # data_dir -> sets $elapsed_ms (launch to healthy) and $app_pid
  local data_dir=$1 started now
  started=$(date +%s%N)
  JUNCTION_DATA_DIR="$data_dir" JUNCTION_ADMIN_PASSWORD="$password" JUNCTION_PORT="$port" \
    "$java_bin" ${JAVA_OPTS:-} -jar "$jar" > "$data_dir.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; then
      now=$(date +%s%N)
      elapsed_ms=$(( (now - started) / 1000000 ))
      return
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "app died, see $data_dir.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "app did not become healthy in 60 s, see $data_dir.log" >&2
  exit 1
}

sign_in_and_open_workflows() {
  local jar_cookies
  jar_cookies=$(mktemp)
  curl -fs -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" >/dev/null
  curl -fs -c "$jar_cookies" -b "$jar_cookies" -o /dev/null \
    --data-urlencode "username=admin" --data-urlencode "password=$password" "http://localhost:$port/login"
  curl -fs -c "$jar_cookies" -b "$jar_cookies" -o /dev/null "http://localhost:$port/workflows"
  curl -fs -u "admin:$password" -o /dev/null "http://localhost:$port/api/v1/workflows"
  rm -f "$jar_cookies"
}

rss_mb() { # pid -> resident set in MB
  awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

postgres_rss_mb() { # sum over the postgres processes started by this app
  local total=0 pid
  for pid in $(pgrep -f "postgres -D $1" || true) $(pgrep -P "$(pgrep -f "postgres -D $1" | head -1)" 2>/dev/null || true); do
    total=$(( total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) ))
  done
  echo $(( total / 1024 ))
}

stop() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $("$java_bin" -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  data_dir=$(mktemp -d /tmp/junction-measure-XXXX)
  start_and_wait "$data_dir"; cold=$elapsed_ms
  sign_in_and_open_workflows
  jvm=$(rss_mb "$app_pid")
  pg=$(postgres_rss_mb "$data_dir/pgdata")
  stop
  start_and_wait "$data_dir"; warm=$elapsed_ms
  stop
  echo "run $run: cold start ${cold} ms, warm start ${warm} ms, RSS after sign-in: JVM ${jvm} MB, PostgreSQL ${pg} MB"
  rm -rf "$data_dir" "$data_dir.log"
done
