"""History use cases: record, list, read, delete questions; save and share answers."""
