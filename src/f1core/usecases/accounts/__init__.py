"""Account use cases: register, log in, tokens, and the admin's user management."""
