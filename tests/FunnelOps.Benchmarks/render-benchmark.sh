#!/usr/bin/env bash
# Render benchmark: serves the sample site (src/FunnelOps.Worker/SampleSite/site) on loopback and
# renders each of its pages with FunnelOps in a warm browser (every metric, one page at a time,
# --runs times), printing the median and 90th percentile per render; then runs Lighthouse 12.2.3
# (mobile, performance, SEO and best-practices categories) on the same pages against an already
# running Chromium, and prints each page's Lighthouse time against FunnelOps's median for it.
# It prints figures; it does not fail on them.
#
#   tests/FunnelOps.Benchmarks/render-benchmark.sh [--runs 3] [--screenshots] [--keep]
set -euo pipefail

runs=3
screenshots=false
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --screenshots) screenshots=true; shift ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done

# The targets from the requirements.
target_median_ms=500
target_ratio=10
lighthouse_version=12.2.3

# Chromium, Node, Lighthouse and the benchmark program (Release), installed or built as needed.
source "$(dirname "${BASH_SOURCE[0]}")/lighthouse-setup.sh"

work="$(mktemp -d /tmp/funnelops-render-benchmark.XXXXXX)"

chrome_pid=""
cleanup() {
  for pid in "$chrome_pid" "$server_pid"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if [ "$keep" = true ]; then say "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$bench" serve "$site" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q '^url=' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/^url=//p' "$work/serve.out" | head -n 1)"
[ -n "$url" ] || { cat "$work/serve.err" >&2; echo "The sample site did not start." >&2; exit 1; }
say "Sample site at $url"

# The pages the crawl reaches (the thank-you page is disallowed in robots.txt).
sed -n 's/^  - url: //p' "$repo/src/FunnelOps.Worker/SampleSite/defects.yml" | grep -v '^/thank-you/$' > "$work/pages.txt"

# 1. FunnelOps: one warm browser, every metric, one page at a time.
say "FunnelOps: $(wc -l < "$work/pages.txt") pages x $runs runs"
shots=()
[ "$screenshots" = true ] && shots=(--screenshots "$work/screenshots")
"$bench" render "$url" --pages "$work/pages.txt" --runs "$runs" "${shots[@]}" > "$work/funnelops.out"

# 2. Lighthouse against an already running Chromium (so that both start warm).
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$CHROME_PATH" --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port="$port" \
  --user-data-dir="$work/chrome-profile" about:blank > "$work/chrome.log" 2>&1 &
chrome_pid=$!
for _ in $(seq 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/json/version', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
: > "$work/lighthouse.txt"
while read -r path; do
  say "Lighthouse: $path"
  start=$(date +%s%N)
  "$lighthouse" "${url%/}$path" --port="$port" --quiet --form-factor=mobile \
    --only-categories=performance,seo,best-practices --output=json --output-path="$work/lh.json" > /dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$path $(( (end - start) / 1000000 ))" >> "$work/lighthouse.txt"
done < "$work/pages.txt"

# 3. The figures.
python3 - "$work" "$target_median_ms" "$target_ratio" "$runs" <<'PY'
import os, statistics, sys
work, target_ms, target_ratio, runs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
per_page, summary = {}, ""
for line in open(os.path.join(work, "funnelops.out")):
    if line.startswith("page "):
        fields = dict(f.split("=", 1) for f in line.split()[1:])
        per_page.setdefault(fields["path"], []).append(float(fields["ms"]))
    elif line.startswith("funnelops_render"):
        summary = line.strip()
fields = dict(f.split("=", 1) for f in summary.split()[1:])
lh = {p: float(ms) for p, ms in (l.split() for l in open(os.path.join(work, "lighthouse.txt")))}
print()
print(f"Render benchmark: the sample site on loopback, {len(per_page)} pages, {runs} FunnelOps runs each, {os.cpu_count()} cores")
print(f"{'page':52} {'FunnelOps ms':>13} {'Lighthouse ms':>14} {'ratio':>7}")
ratios = []
for path, times in per_page.items():
    median = statistics.median(times)
    ratio = lh.get(path, 0) / median if median else 0
    ratios.append(ratio)
    print(f"{path:52} {median:13.0f} {lh.get(path, 0):14.0f} {ratio:6.1f}x")
print()
median_ms, p90_ms = float(fields["median_ms"]), float(fields["p90_ms"])
print(f"FunnelOps per render: median {median_ms:.0f} ms, p90 {p90_ms:.0f} ms (screenshots: {fields['screenshots']})")
print(f"Lighthouse per page: median {statistics.median(lh.values()):.0f} ms")
print(f"ratio per page: median {statistics.median(ratios):.1f}x, lowest {min(ratios):.1f}x")
print(f"target: median <= {target_ms:.0f} ms          {'met' if median_ms <= target_ms else 'NOT met'} ({median_ms:.0f} ms)")
print(f"target: >= {target_ratio:.0f}x Lighthouse per page   {'met' if min(ratios) >= target_ratio else 'NOT met'} (lowest {min(ratios):.1f}x)")
PY
