"""Security adapters: argon2id password hashing, PyJWT tokens, the common-password list."""
