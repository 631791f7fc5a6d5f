"""Account reviews and meeting briefs as PDF (File ▸ Export account review…, and
``python main.py report CLIENT --pdf OUT.pdf [--brief]``), written by Qt's own PDF
writer from the data in models/queries/review.py."""
