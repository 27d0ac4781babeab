// Nothing to report.
