"""atheris fuzz target: ``explain`` agrees with ``evaluate``, and the output reads back.

The second target (issue 11): for every input, as ``targets.check_explain``
says, ``explain`` fails exactly when ``evaluate`` does (same code and
position), else gives the same result with one step per modifier in order;
and ``format_instant``'s output, read back in the same zone with the same
``now``, is the same instant truncated to the millisecond (docs/language.md §7).
Input layout as fuzz_bhtime.py's; the same seeds and dictionary serve.
"""

from __future__ import annotations

from harness import fuzz  # first: it instruments bhtime as it imports it
from targets import check_explain

if __name__ == "__main__":
    fuzz(check_explain)
