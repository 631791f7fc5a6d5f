"""Proposals in the window: the dialog (template, fields filled, text edited with a live
preview), rendering the Markdown to PDF with Qt, and saving it to the deal."""
