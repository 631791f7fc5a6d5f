"""Quick capture: parsing a typed note into a client, follow-ups and amounts, and its drafts."""
