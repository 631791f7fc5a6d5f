"""Read-only queries that return plain rows: clients, timeline, follow-ups, search, stats."""
