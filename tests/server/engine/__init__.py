"""The queue engine's rules at engine level (tests/support/engine.py): issuing, the loket's actions
and a ticket's transitions, without HTTP."""
