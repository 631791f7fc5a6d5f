"""The gift compliance log without a database: exact money (amounts typed, shares,
conversion to a cap's currency), and the ledger that finds each recipient's running
total per calendar year and the gifts that pass the cap in force on their day."""
