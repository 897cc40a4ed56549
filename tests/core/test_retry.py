"""When the apps retry a request and how long they wait (core/retry.py), without a network."""
