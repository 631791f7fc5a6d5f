"""The pipeline: a board of every client's deals in columns by stage (drag or
Ctrl+arrows to move a deal), and a sortable list of all deals (View ▸ Pipeline)."""
