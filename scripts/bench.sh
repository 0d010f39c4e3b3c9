#!/usr/bin/env bash
# Performance check of the collector against the issue's targets:
#   a full scrape takes under 20 ms, and the daemon's resident memory stays under 80 MB after 1,000 scrapes.
# Every figure is printed next to a baseline measured in the same run, and the ratio is the figure to quote
# (absolute times depend on the machine, ratios much less):
#   1. soak: the real `odooperf collect` on a free loopback port, cache TTL 0, scraped over HTTP one request
#      at a time; GET /metrics against GET / (landing page, no collection), VmRSS after against VmRSS at start.
#   2. BenchmarkDotNet: in-process FullScrape (refresh every source + text format) against ReadProcFiles
#      (the raw /proc reads any host collector must do); see the Ratio and Alloc Ratio columns.
#   3. PostgreSQL source against postgres_exporter, when it is installed.
#   4. BenchmarkDotNet: the Odoo log parser on request lines against counting newlines (target: 3,000,000
#      lines/s, 0 bytes per line).
#   5. `logs report` on a generated 1 GB Odoo log against reading it and counting newlines (target: under 10 s).
#
# Usage:  scripts/bench.sh [SCRAPES]          e.g. scripts/bench.sh 1000
#         BENCH_JOB=default scripts/bench.sh  for BenchmarkDotNet's full job (~4 min) instead of --job short
# Exit:   0 every target met, 1 a target missed, 2 a run itself failed (the soak's code first, then pg-compare's).
set -euo pipefail
cd "$(dirname "$0")/.."

scrapes="${1:-1000}"
job="${BENCH_JOB:-short}"
artifacts=tests/OdooPerf.Benchmarks/BenchmarkDotNet.Artifacts

dotnet build tests/OdooPerf.Benchmarks -c Release --nologo -v quiet

echo "== 1/5 soak: ${scrapes} scrapes of the daemon over HTTP"
soak=0
# The soak bounds itself (--timeout, default 300 s) and always stops the daemon it started.
dotnet run -c Release --no-build --project tests/OdooPerf.Benchmarks -- soak --scrapes "$scrapes" || soak=$?

echo "== 2/5 BenchmarkDotNet: FullScrape vs ReadProcFiles (job: ${job})"
rm -rf "$artifacts" && mkdir -p "$artifacts"
# BenchmarkDotNet has no overall bound of its own; this one is generous for the default job.
timeout --kill-after=10 1800 \
  dotnet run -c Release --no-build --project tests/OdooPerf.Benchmarks -- \
    --filter '*Scrape*' --job "$job" --artifacts "$artifacts" > "$artifacts/bench.log" 2>&1 \
  || { tail -40 "$artifacts/bench.log"; echo "bench: BenchmarkDotNet failed, full log in $artifacts/bench.log" >&2; exit 2; }
# The GitHub-flavoured report: machine and runtime, then the table with Ratio and Alloc Ratio.
cat "$artifacts"/results/*-report-github.md

echo "== 3/5 PostgreSQL source against postgres_exporter (1000 tables)"
pg=0
if [ -x /usr/bin/prometheus-postgres-exporter ]; then
  # A throwaway cluster, removed afterwards; bounded like the rest.
  timeout --kill-after=10 900 dotnet run -c Release --no-build --project tests/OdooPerf.Benchmarks -- \
    pg-compare --tables 1000 --scrapes 30 || pg=$?
else
  echo "skipped: install Debian's prometheus-postgres-exporter to compare (apt-get install -y prometheus-postgres-exporter)"
fi

echo "== 4/5 BenchmarkDotNet: Odoo log parser vs counting newlines (job: ${job})"
rm -rf "$artifacts" && mkdir -p "$artifacts"
timeout --kill-after=10 1800 \
  dotnet run -c Release --no-build --project tests/OdooPerf.Benchmarks -- \
    --filter '*LogParser*' --job "$job" --artifacts "$artifacts" > "$artifacts/bench.log" 2>&1 \
  || { tail -40 "$artifacts/bench.log"; echo "bench: BenchmarkDotNet failed, full log in $artifacts/bench.log" >&2; exit 2; }
cat "$artifacts"/results/*-report-github.md

echo "== 5/5 logs report on a generated 1 GB Odoo log"
report=0
# Writes the log into a temporary directory (about 1 GB free needed) and removes it afterwards.
timeout --kill-after=10 900 dotnet run -c Release --no-build --project tests/OdooPerf.Benchmarks -- \
  log-report --size-mb 1024 || report=$?

[ "$soak" -ne 0 ] && exit "$soak"
[ "$pg" -ne 0 ] && exit "$pg"
exit "$report"
