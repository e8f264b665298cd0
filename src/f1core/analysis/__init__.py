"""The analysis suite: pure functions over a ``Session``, each behind a question kind."""
