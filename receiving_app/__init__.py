"""Returns Receiving: the core of the returns-dock application (no Qt)."""

__version__ = "0.1.0"
