"""View ▸ Competitors: the competitor list, what was heard about each across every client,
and the deals won and lost against it."""
