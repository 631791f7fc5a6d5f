"""The command line: subcommands that print machine-readable results and never open a window."""
