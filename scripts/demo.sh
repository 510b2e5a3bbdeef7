#!/usr/bin/env bash
# The main job end to end on the bundled corpus, offline:
# ingest -> corpus summary -> extract -> pool -> report -> check the seed study against the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=sirolimus-cytopenias
CORPUS=corpora/$NAME
EXTRACTED=extracted/$NAME
META=meta/$NAME
SEED_PMID=38740383

step() { printf '\n== %s\n' "$*"; }

# Run a stage; a failure stops the demo with the stage's own one-line error above.
run() {
    "$@" || { local status=$?; echo "demo: '$*' failed with status $status" >&2; exit "$status"; }
}

step "ingest the bundled corpus ($CORPUS)"
run evidence ingest "$CORPUS"/pubmed.xml --corpus "$CORPUS"

step "what the corpus holds"
run evidence corpus "$CORPUS"

step "extract cohort sizes and response figures"
mkdir -p extracted
run evidence extract "$CORPUS" --out "$EXTRACTED.jsonl"
run evidence extract "$CORPUS" --format csv --out "$EXTRACTED.csv"
echo "wrote $EXTRACTED.jsonl and $EXTRACTED.csv"
python3 - "$EXTRACTED.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    figures = ", ".join((f"{o['measure']} {o['events']}/{o['total']}" if o["events"] is not None
                         else f"{o['measure']} {o['percent']}%")
                        + (f" [{o['group']}]" if o["group"] else "") for o in r["outcomes"])
    print(f"  {r['pmid']:>10}  n={r['cohort_n']!s:<4} {figures or '(no response figures)'}")
PY

step "pool the overall response rate (ORR) across studies"
run evidence pool "$EXTRACTED.jsonl" --measure ORR

step "report with forest and funnel plots into $META/"
run evidence report "$EXTRACTED.jsonl" --measure ORR --out "$META"

step "check the seed study (PMID $SEED_PMID, 13/17) against the rest"
grep -v "\"pmid\": \"$SEED_PMID\"" "$EXTRACTED.jsonl" > "$EXTRACTED.without-seed.jsonl"
run evidence check "$EXTRACTED.without-seed.jsonl" --events 13 --total 17 --measure ORR
exit 0
