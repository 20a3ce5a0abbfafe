"""Evaluation: what state each task is in on a given day."""
