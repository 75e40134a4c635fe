"""One function per user action: open a unit of work, apply domain rules, commit, report."""
