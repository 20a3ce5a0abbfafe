"""The benchmark run by ``make bench``: synthetic plans, timed commands, their baselines."""
