"""Receiving at the dock: parcels, units and their match against the RMA (no Qt)."""
