"""The counter staff app: log in, open a loket, call and serve citizens, see who waits."""
