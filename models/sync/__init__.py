"""Team sync (placeholder; the API follows)."""
