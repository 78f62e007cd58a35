"""The app's screens; each receives its services in the constructor."""
