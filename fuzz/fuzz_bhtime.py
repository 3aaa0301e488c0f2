"""atheris fuzz target for ``bhtime.parse`` + ``bhtime.evaluate`` (docs/language.md §7, §8).

Input layout and checks: ``targets.check_evaluate`` (byte 0 the zone, byte 1
``now`` and the policy, the rest the expression). Checked for every input:
only ``bhtime.BhtimeError`` escapes ``parse`` and ``evaluate``; a result is an
aware datetime that ``format_instant`` accepts; the output read back as an
expression, in the same zone with the same ``now``, gives the same string
whenever the result's offset is a whole number of minutes.

Run (one core): see fuzz/README.md. With ``BHTIME_FUZZ_KEEP_GOING=1`` a finding
is written to ``fuzz/findings/`` (one file per distinct exception site) and the
run goes on, so one long run reports every kind of finding, not just the first.
"""

from __future__ import annotations

from harness import fuzz  # first: it instruments bhtime as it imports it
from targets import check_evaluate

if __name__ == "__main__":
    fuzz(check_evaluate)
