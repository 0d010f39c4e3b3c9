#!/usr/bin/env bash
# Runs every test of the solution, the same way CI does.
#
# Tests use real programs, never mocks: promtool and the Prometheus server (Debian package "prometheus"), node_exporter
# ("prometheus-node-exporter"), PostgreSQL ("postgresql"), python3, headless Chromium ("chromium", for the
# HTML log report), journalctl ("systemd") and systemd-journal-remote (to write the journals the journald
# tailer reads). Missing ones are installed from Debian's packages first (as root, or through sudo).
#
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Host".
# The last line printed is the total over all test projects: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/prometheus-node-exporter ] || missing+=(prometheus-node-exporter)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v journalctl >/dev/null 2>&1 || missing+=(systemd)
[ -x /lib/systemd/systemd-journal-remote ] || missing+=(systemd-journal-remote)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing from Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test OdooPerf.sln --logger trx --results-directory "$results" "$@" || status=$?

# dotnet test prints one summary per test project; add them up from the TRX files.
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test result was written
fi
echo "$passed passed, $failed failed"
exit "$status"
