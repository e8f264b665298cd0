"""Archive use cases and the name resolution every archive implementation shares."""
