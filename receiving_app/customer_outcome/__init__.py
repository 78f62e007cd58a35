"""The customer's outcome of a return (refund, exchange, repair) from the dock's policy (no Qt)."""
