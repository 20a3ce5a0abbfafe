"""Tests of collecting progress: bulk update, the journal, forms, show, calendar."""
