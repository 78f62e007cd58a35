"""The station camera as a barcode scanner: capture, the latest-frame hand-over, de-duplication
of sightings and the camera's states (no Qt)."""
