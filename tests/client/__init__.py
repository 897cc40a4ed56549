"""Tests of the backend client, its retries and the event follower, against the real server."""
