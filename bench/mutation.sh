#!/usr/bin/env bash
# Mutation testing (PIT, DEFAULTS mutators) of the rules, mappers, validation, canonical model, retries
# and ledger, with the fast tests that exercise them. Not part of CI. Report: target/pit-reports/.
# Usage: bench/mutation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage > target/mutation.log 2>&1 || {
  tail -40 target/mutation.log; exit 1; }
python3 - <<'PY'
import xml.etree.ElementTree as ET
root = ET.parse("target/pit-reports/mutations.xml").getroot()
statuses = [m.get("status") for m in root.iter("mutation")]
killed = sum(s in ("KILLED", "TIMED_OUT", "MEMORY_ERROR") for s in statuses)
survived = statuses.count("SURVIVED")
covered = killed + survived
print("survivors:")
for m in root.iter("mutation"):
    if m.get("status") == "SURVIVED":
        print("  %s.%s line %s: %s" % (m.findtext("mutatedClass"), m.findtext("mutatedMethod"),
                                     m.findtext("lineNumber"), m.findtext("description")))
print("mutation strength %d%% (killed %d of covered %d, %d survived)"
      % (round(100 * killed / covered) if covered else 0, killed, covered, survived))
PY
