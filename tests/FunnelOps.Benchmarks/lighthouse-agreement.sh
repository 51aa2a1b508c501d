#!/usr/bin/env bash
# Lighthouse agreement: serves the sample site (src/FunnelOps.Worker/SampleSite/site) on
# loopback, runs Lighthouse 12.2.3 (mobile form factor, Debian's Chromium) and FunnelOps on each
# of its pages, and prints their verdicts side by side for the audits both decide. Each cell is
# "Lighthouse|FunnelOps": p pass, F fail, - not applicable, E Lighthouse could not run the audit,
# ? FunnelOps did not read the page. Disagreements are listed below the table with the reason,
# when the reason is known and deliberate.
#
#   tests/FunnelOps.Benchmarks/lighthouse-agreement.sh [--keep]
#
# Lighthouse is installed from npm, pinned, into .ci/tools/lighthouse (13.x needs Node 22).
set -euo pipefail

keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done

lighthouse_version=12.2.3
audits="viewport,font-size,image-alt,document-title,meta-description,canonical,link-text,crawlable-anchors,is-crawlable,http-status-code,html-has-lang,unsized-images,lcp-lazy-loaded"

# Chromium, Node, Lighthouse and the benchmark program (Release), installed or built as needed.
source "$(dirname "${BASH_SOURCE[0]}")/lighthouse-setup.sh"

work="$(mktemp -d /tmp/funnelops-lighthouse.XXXXXX)"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "$keep" = true ]; then say "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The sample site on loopback, served by the engine's own static server (it follows _redirects).
#    A copy, with a 404 page of its own as real sites have: for a 404 with an empty body Chrome
#    shows its own error page, and Lighthouse then gives no verdict at all.
cp -r "$site" "$work/site"
cat > "$work/site/404.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Page not found</h1><p><a href="/">Back to the home page</a></p></body></html>
HTML
"$bench" serve "$work/site" > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q '^url=' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/^url=//p' "$work/serve.out" | head -n 1)"
[ -n "$url" ] || { cat "$work/serve.err" >&2; echo "The sample site did not start." >&2; exit 1; }
say "Sample site at $url"

# The pages of the manifest, and the missing page the site links to (for http-status-code).
sed -n 's/^  - url: //p' "$repo/src/FunnelOps.Worker/SampleSite/defects.yml" > "$work/pages.txt"
echo "/blog/engineering-metrics-guide/" >> "$work/pages.txt"

# 2. FunnelOps: crawl, render every page, run the built-in playbooks.
say "FunnelOps on $(wc -l < "$work/pages.txt") pages"
"$bench" verdicts "$url" --pages "$work/pages.txt" --playbooks "$repo/playbooks" > "$work/funnelops.tsv"

# 3. Lighthouse on each page, mobile form factor, only the audits compared.
mkdir -p "$work/lighthouse"
n=0
while read -r path; do
  n=$((n + 1))
  say "Lighthouse $n: $path"
  "$lighthouse" "${url%/}$path" --quiet --form-factor=mobile --only-audits="$audits" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output-path="$work/lighthouse/$n.json" > /dev/null 2> "$work/lighthouse/$n.err" || true
  echo "$n $path" >> "$work/lighthouse/index.txt"
done < "$work/pages.txt"

# 4. The table.
python3 - "$work" "$audits" <<'PY'
import json, os, sys
work, audits = sys.argv[1], sys.argv[2].split(",")
fo = {}
for line in open(os.path.join(work, "funnelops.tsv")):
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "verdict":
        fo[(parts[1], parts[2])] = (parts[3], parts[4] if len(parts) > 4 else "")
lh, lh_note, lh_why = {}, {}, {}
pages = []
for line in open(os.path.join(work, "lighthouse", "index.txt")):
    n, path = line.split(maxsplit=1)
    path = path.strip(); pages.append(path)
    try:
        report = json.load(open(os.path.join(work, "lighthouse", n + ".json")))
    except Exception as error:
        for a in audits: lh[(path, a)] = "E"
        lh_note[path] = "no report: " + str(error)[:80]
        continue
    runtime = report.get("runtimeError")
    for a in audits:
        audit = report.get("audits", {}).get(a)
        if audit is None or audit.get("scoreDisplayMode") == "error":
            lh[(path, a)] = "E"
        elif audit.get("scoreDisplayMode") in ("notApplicable", "informative", "manual"):
            lh[(path, a)] = "-"
        else:
            lh[(path, a)] = "p" if audit.get("score") == 1 else "F"
            if audit.get("explanation"):
                lh_why[(path, a)] = audit["explanation"][:120]
    if runtime:
        lh_note[path] = runtime.get("code", "") + ": " + runtime.get("message", "")[:100]
        # Lighthouse refuses to audit a page that answers with an error status: that is its
        # http-status-code verdict.
        if "Status code" in runtime.get("message", ""):
            lh[(path, "http-status-code")] = "F"

letter = {"pass": "p", "fail": "F", "not-read": "?"}
short = {a: a[:9] for a in audits}
width = max(len(p) for p in pages)
print()
print("Lighthouse 12.2.3 | FunnelOps, per page and audit (p pass, F fail, - not applicable, E error, ? not read)")
print("page".ljust(width) + " " + " ".join(short[a].rjust(9) for a in audits))
agree = disagree = compared = 0
rows = []
for path in pages:
    cells = []
    for a in audits:
        l = lh.get((path, a), "E"); f = letter.get(fo.get((path, a), ("?", ""))[0], "?")
        cells.append((l + "|" + f).rjust(9))
        if l in "pF" and f in "pF":
            compared += 1
            if l == f or (l == "-" and f == "p"): agree += 1
            else:
                disagree += 1; rows.append((path, a, l, f, fo.get((path, a), ("", ""))[1]))
        elif l == "-" and f == "F":
            disagree += 1; rows.append((path, a, l, f, fo.get((path, a), ("", ""))[1]))
    print(path.ljust(width) + " " + " ".join(cells))
print()
print(f"compared {compared} verdicts where both ran: {agree} agree, {disagree} differ")
# Differences that are understood and deliberate, by audit and what Lighthouse said.
known = [
    ("canonical", "Is not an absolute URL",
     "FunnelOps resolves a relative canonical against the page, as browsers and search engines do "
     "(see canonical-points-elsewhere.yml); Lighthouse requires an absolute address."),
]
explained = {}
for path, a, l, f, why in rows:
    said = lh_why.get((path, a), "")
    reason = next((r for audit, text, r in known if audit == a and text in said), None)
    if reason:
        explained.setdefault((a, reason), []).append(path)
    else:
        print(f"differ: {path} {a}: Lighthouse {l} ({said}), FunnelOps {f} {why}")
for (a, reason), paths in explained.items():
    print(f"differ, explained: {a} on {len(paths)} page(s): {reason}")
errored = sorted({a for (p, a), v in lh.items() if v == "E"})
for a in errored:
    count = sum(1 for p in pages if lh.get((p, a)) == "E")
    print(f"note: Lighthouse had no verdict for {a} on {count} page(s)" +
          (": it cannot read the trace format of Debian's Chromium for this audit." if a == "lcp-lazy-loaded" else "."))
for path in pages:
    verdict, why = fo.get((path, audits[0]), ("", ""))
    if verdict == "not-read":
        print(f"note: FunnelOps did not read {path}: {why}; Lighthouse's is-crawlable says {lh.get((path, 'is-crawlable'))}.")
for path, note in lh_note.items():
    print(f"note: Lighthouse on {path}: {note}")
for (path, a), (v, why) in sorted(fo.items()):
    if "stricter:" in why:
        print(f"stricter: {path} {a}: FunnelOps also reports {why.split('stricter:', 1)[1].split()[0]} (deliberately stricter; see that playbook)")
PY
