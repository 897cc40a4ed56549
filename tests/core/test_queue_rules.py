"""The queue's own rules (core/rules.py): ticket codes, the state transitions, the priority policy, the estimate."""
