"""The supervisor's desk: one tab per part of the dock's day (dashboard, queues, vendor returns,
reports)."""
