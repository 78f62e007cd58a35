"""Qt table models fed only with the core's frozen views."""
