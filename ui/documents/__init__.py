"""Documents in the window: attaching (a button, a menu, drag and drop), the lists of a
client's, a deal's and an entry's documents, opening through the private folder, and
saving a copy."""
