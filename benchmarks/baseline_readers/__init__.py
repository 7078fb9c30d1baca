"""The dedicated readers that readers/exports.py replaced, as they were before (commit 678de69), kept
only as the baseline of benchmarks/readers.py. Not part of careerladder."""
