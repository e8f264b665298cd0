"""Backup use cases."""
