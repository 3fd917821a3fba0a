"""The version users see; pyproject.toml and the packaging read it from here."""

__version__ = "0.1.0"
