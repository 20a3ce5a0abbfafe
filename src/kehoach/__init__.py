"""kehoach: Vietnamese implementation plans as checked, tracked YAML."""

__version__ = "0.1.0"
