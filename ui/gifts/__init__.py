"""The gift compliance log in the window: logging a gift from a client (with the
recipients' running totals and the over-cap warning before saving), the log by
recipient and year with its CSV export, and the cap rules and exchange rates."""
