"""One module per ``auditor`` subcommand (see ``auditor/cli.py``)."""
