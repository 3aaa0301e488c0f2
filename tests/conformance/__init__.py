"""Differential conformance: bhtime against the JDK's java.time and GNU date (issue 3).

Run with ``pytest tests/conformance -q``. The JDK suite starts the JVM once
(``java tests/conformance/JdkReference.java``) for every generated case and prints
its counts at the end of the run; without ``java`` on PATH it is skipped.
"""
