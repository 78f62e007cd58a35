"""Disposition: where each graded unit goes (restock, refurbish, vendor return, scrap) by rules
that are data, with the expected recovery of every route (no Qt)."""
