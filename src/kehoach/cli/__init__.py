"""The thin command-line layer: parse options, call the core, print, choose the exit code."""
