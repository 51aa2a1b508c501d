# Shared by lighthouse-agreement.sh and render-benchmark.sh, which source it after setting
# lighthouse_version: installs what a fresh machine lacks (Debian's Chromium, Node and Python,
# Lighthouse from npm, pinned, into .ci/tools/lighthouse), builds the benchmark program in
# Release and sets here, repo, site, lighthouse and bench, with the helpers say and as_root.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tools="$repo/.ci/tools/lighthouse"
site="$repo/src/FunnelOps.Worker/SampleSite/site"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

say() { echo "==> $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x "$CHROME_PATH" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
installed="$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$tools/node_modules/lighthouse/package.json" 2>/dev/null | head -n 1 || true)"
if [ "$installed" != "$lighthouse_version" ]; then
  say "Installing Lighthouse $lighthouse_version into $tools"
  mkdir -p "$tools"
  echo '{ "private": true }' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --save-exact "lighthouse@$lighthouse_version" >/dev/null
fi
lighthouse="$tools/node_modules/.bin/lighthouse"

say "Building the benchmark program (Release)"
build_log="$(mktemp)"
if ! dotnet build "$here/FunnelOps.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly > "$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; exit 1
fi
rm -f "$build_log"
bench="$here/bin/Release/net10.0/FunnelOps.Benchmarks"
