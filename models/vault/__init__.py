"""Keeping the database safe: keys, unlock, re-key, recovery, backups, restore, integrity."""
