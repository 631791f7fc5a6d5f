"""The create/edit dialogs: one form base built from the field declarations
(``base``, ``editors``) and a small module per dialog."""
