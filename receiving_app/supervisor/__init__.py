"""The supervisor's desk without Qt: the approval, exception and ageing queues, and put-away."""
