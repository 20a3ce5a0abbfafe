"""Rendering: turn results into text for people (tables, Markdown) or scripts (JSON, CSV)."""
