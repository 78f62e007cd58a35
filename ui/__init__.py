"""The PySide6 desktop GUI: thin windows and widgets over the core (HOUSE.md B1)."""
