"""Command-line tools behind the `plenum` subcommands: simulate, validate, lab, bench, replay, reports."""
