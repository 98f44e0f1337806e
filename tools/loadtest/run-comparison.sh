#!/usr/bin/env bash
# Runs the same job — webhook → map → HTTP POST /orders to a remote stand-in in its own process — on Junction (its
# runnable jar, default settings, a fresh embedded PostgreSQL, the workflow published through the REST API) and on
# Node-RED 5 (in memory), one after the other in the same run, and prints the load test's figures for each:
# saturation (16 connections), then a fixed rate at half of the saturation figure. With --two-nodes it also runs two
# Junction nodes on one PostgreSQL (the first node's, which the second reaches as an external database) and drives
# both. Everything listens on 127.0.0.1 only. See docs/benchmarks.md, "Run path over HTTP (issue 20)".
#
#   tools/loadtest/run-comparison.sh [--duration 20] [--warmup 10] [--connections 16] [--latency-ms 0]
#                                    [--skip-node-red] [--skip-single] [--two-nodes] [--rate N]
#   flock /tmp/bench.lock tools/loadtest/run-comparison.sh      (so that two benchmarks never overlap)
#
# Environment: JAR (default ui/target/junction-exec.jar, built with mvn when missing), JAVA_HOME (a JDK 25),
# NODE (a Node.js ≥ 22 for Node-RED; default: `node` when new enough, else Vaadin's ~/.vaadin/node-v24.17.0),
# NODE_RED_DIR (where node-red is installed with npm when missing; default /tmp/junction-loadtest-node-red — never
# inside the repository), JAVA_OPTS (extra options of the app's JVM).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=20 warmup=10 connections=16 latency=0 node_red=1 single=1 two_nodes=0 fixed_rate=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --latency-ms) latency=$2; shift 2 ;;
    --skip-node-red) node_red=0; shift ;;
    --skip-single) single=0; shift ;;
    --two-nodes) two_nodes=1; shift ;;
    --rate) fixed_rate=$2; shift 2 ;; # only a fixed rate of N requests/s (no saturation first): CPU per run compares best so
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="${JAR:-ui/target/junction-exec.jar}"
if [[ ! -f "$jar" ]]; then
  echo "building $jar (mvn -q -DskipTests package -pl ui -am)" >&2
  mvn -q -DskipTests package -pl ui -am
fi
work=$(mktemp -d /tmp/junction-loadtest.XXXXXX)
remote_port=19090 app_port=18080 node_red_port=1880
password="loadtest-$RANDOM$RANDOM"
started=()

cleanup() { # stops what this script started, by pid, newest first
  for (( i=${#started[@]}-1; i>=0; i-- )); do
    kill "${started[$i]}" 2>/dev/null || true
    wait "${started[$i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

loadtest() { "$java_bin" tools/loadtest/LoadTest.java "$@"; }

wait_healthy() { # url pid log
  for _ in $(seq 1 1200); do
    curl -fs "$1/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "the app died, see $3" >&2; exit 1; }
    sleep 0.2
  done
  echo "the app did not become healthy in 4 minutes, see $3" >&2; exit 1
}

start_junction() { # port data_dir log [extra env…] -> sets $app_pid
  local port=$1 data=$2 log=$3; shift 3
  env JUNCTION_PORT="$port" JUNCTION_DATA_DIR="$data" JUNCTION_ADMIN_PASSWORD="$password" \
      JUNCTION_OUTBOUND_ALLOW="127.0.0.1:$remote_port" "$@" \
      "$java_bin" ${JAVA_OPTS:-} -jar "$jar" > "$log" 2>&1 &
  app_pid=$!
  started+=("$app_pid")
  wait_healthy "http://127.0.0.1:$port" "$app_pid" "$log"
}

stop_last() { # stops the newest process this script started
  local pid=${started[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'started[-1]'
}

postmaster_of() { # data_dir -> the pid of the PostgreSQL serving it
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-D $1/pgdata"; then
      if [[ "$(awk '{print $4}' "/proc/$pid/stat")" == 1 ]] || ! grep -q postgres "/proc/$(awk '{print $4}' "/proc/$pid/stat")/cmdline" 2>/dev/null; then
        echo "$pid"; return
      fi
    fi
  done
}

value() { grep "^$1=" "$2" | cut -d= -f2-; }

summaries=()
measure() { # label then LoadTest run options; remembers the summary line and the sustained rate
  local label=$1; shift
  loadtest run --label "$label" --duration "$duration" --warmup "$warmup" "$@" | tee "$work/last.txt"
  summaries+=("$(grep '^summary ' "$work/last.txt")")
  rate_seen=$(grep '^summary ' "$work/last.txt" | sed -E 's/.* sustained_per_s=([0-9.NaN]+).* remote_orders_per_s=([0-9.NaN]+).*/\1 \2/')
}

half_of() { # "sustained remote" -> half of the first figure that is a number
  local a b; read -r a b <<< "$1"
  [[ "$a" =~ ^[0-9]+$ ]] && { echo $(( a / 2 )); return; }
  echo $(( ${b%.*} / 2 ))
}

"$java_bin" tools/loadtest/Remote.java --port "$remote_port" --latency-ms "$latency" > "$work/remote.log" 2>&1 &
started+=("$!")
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$remote_port/stats" >/dev/null 2>&1 && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg); work dir $work"

if (( single )); then
  start_junction "$app_port" "$work/junction" "$work/junction.log"
  jvm=$app_pid; pg=$(postmaster_of "$work/junction")
  loadtest setup --app "http://127.0.0.1:$app_port" --admin-password "$password" \
      --remote "http://127.0.0.1:$remote_port" > "$work/setup.txt"
  common=(--url "$(value webhook "$work/setup.txt")" --api "http://127.0.0.1:$app_port"
          --api-token "$(value apiToken "$work/setup.txt")" --remote "http://127.0.0.1:$remote_port" --pids "$jvm,$pg")
  if [[ -n "$fixed_rate" ]]; then
    measure "Junction at $fixed_rate per second" "${common[@]}" --mode rate --rate "$fixed_rate"
  else
    measure "Junction saturation" "${common[@]}" --mode saturation --connections "$connections"
    measure "Junction at half rate" "${common[@]}" --mode rate --rate "$(half_of "$rate_seen")"
  fi
  stop_last
fi

if (( node_red )); then
  node_bin="${NODE:-}"
  if [[ -z "$node_bin" ]]; then
    if command -v node >/dev/null && (( $(node -p 'process.versions.node.split(".")[0]') >= 22 )); then
      node_bin=node
    else
      node_bin="$HOME/.vaadin/node-v24.17.0/bin/node"
    fi
  fi
  node_red_dir="${NODE_RED_DIR:-/tmp/junction-loadtest-node-red}"
  if [[ ! -f "$node_red_dir/node_modules/node-red/red.js" ]]; then
    mkdir -p "$node_red_dir"
    (cd "$node_red_dir" && npm install --no-audit --no-fund --silent node-red@5.0.7)
  fi
  mkdir -p "$work/node-red"
  PORT=$node_red_port "$node_bin" "$node_red_dir/node_modules/node-red/red.js" \
      --settings tools/loadtest/node-red/settings.js --userDir "$work/node-red" \
      tools/loadtest/node-red/flows.json > "$work/node-red.log" 2>&1 &
  nr=$!; started+=("$nr")
  for _ in $(seq 1 300); do
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"orderId":"probe"}' \
        "http://127.0.0.1:$node_red_port/hooks/orders" && break
    sleep 0.2
  done
  common=(--url "http://127.0.0.1:$node_red_port/hooks/orders" --remote "http://127.0.0.1:$remote_port" --pids "$nr")
  if [[ -n "$fixed_rate" ]]; then
    measure "Node-RED at $fixed_rate per second" "${common[@]}" --mode rate --rate "$fixed_rate"
  else
    measure "Node-RED saturation" "${common[@]}" --mode saturation --connections "$connections"
    measure "Node-RED at half rate" "${common[@]}" --mode rate --rate "$(half_of "$rate_seen")"
  fi
  stop_last
fi

if (( two_nodes )); then
  # node A runs the embedded PostgreSQL; node B uses it as an external database, with A's vault key (the secrets
  # in the database are sealed with it)
  start_junction "$app_port" "$work/node-a" "$work/node-a.log"
  a=$app_pid; pg=$(postmaster_of "$work/node-a")
  pg_port=$(grep -o 'embedded PostgreSQL on port [0-9]*' "$work/node-a.log" | grep -o '[0-9]*$' | head -1)
  start_junction $(( app_port + 1 )) "$work/node-b" "$work/node-b.log" \
      JUNCTION_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" JUNCTION_DB_USER=postgres \
      JUNCTION_DB_PASSWORD="$(cat "$work/node-a/pgdata/junction-db.password")" \
      JUNCTION_MASTER_KEY_FILE="$work/node-a/master.key"
  b=$app_pid
  loadtest setup --app "http://127.0.0.1:$app_port" --admin-password "$password" \
      --remote "http://127.0.0.1:$remote_port" > "$work/setup-2.txt"
  hook=$(value webhook "$work/setup-2.txt")
  common=(--url "$hook" --url "${hook/:$app_port\//:$(( app_port + 1 ))/}" --api "http://127.0.0.1:$app_port"
          --api-token "$(value apiToken "$work/setup-2.txt")" --remote "http://127.0.0.1:$remote_port"
          --pids "$a,$b,$pg")
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
  a_from=$(cpu_ticks "$a") b_from=$(cpu_ticks "$b")
  measure "Two Junction nodes saturation" "${common[@]}" --mode saturation --connections "$connections"
  echo "CPU seconds of each node's JVM during the test (intake and workers): A $(( ($(cpu_ticks "$a") - a_from) / 100 )), B $(( ($(cpu_ticks "$b") - b_from) / 100 ))"
  echo "remote after the two-node run (each run once: orders = requests, no replays): $(curl -s "http://127.0.0.1:$remote_port/stats")"
  stop_last; stop_last
fi

echo
echo "== summaries (load average at each window's end) =="
printf '%s\n' "${summaries[@]}"
