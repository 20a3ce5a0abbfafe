"""Tests of the portfolio layer: many plans, shared registries, cross-plan checks."""
