"""Sends what the outbox holds: each due row through its channel, then sent, tried again later with a
growing wait, or dead after the last try (shown in the console, where it can be sent again)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta

from core.retry import RetryPolicy
from server.clock import Clock
from server.notify.channels import Channel, Outcome
from server.notify.outbox import Claimed, Outbox

log = logging.getLogger(__name__)

# Eight tries over about half an hour: a gateway down for a few minutes loses nothing, one down for good
# shows up as dead letters the same morning rather than retrying all day.
DEFAULT_POLICY = RetryPolicy(max_attempts=8, base_delay=15.0, max_delay=900.0, max_retry_after=900.0)


class OutboxWorker:
    def __init__(self, box: Outbox, channels: Mapping[str, Channel], clock: Clock,
                 policy: RetryPolicy = DEFAULT_POLICY) -> None:
        self.box = box
        self.channels = channels
        self.clock = clock
        self.policy = policy

    def run_once(self) -> int:
        """Send every row due now; how many were sent."""
        sent = 0
        for claimed in self.box.claim_due(self.clock.now()):
            sent += self._send(claimed)
        return sent

    def _send(self, claimed: Claimed) -> int:
        channel = self.channels.get(claimed.channel)
        if channel is None:
            self.box.dead(claimed.id, f"channel {claimed.channel} is not configured on this server")
            return 0
        try:
            outcome = channel.send(claimed.message)
        except Exception as exc:  # a channel's own defect must not stop the others' messages
            log.exception("outbox message %d: %s channel failed", claimed.id, claimed.channel)
            outcome = Outcome.later(type(exc).__name__)
        now = self.clock.now()
        if outcome.sent:
            self.box.sent(claimed.id, now, outcome.provider_ref)
            log.info("outbox message %d sent by %s (try %d)", claimed.id, claimed.channel, claimed.attempts)
            return 1
        if outcome.retry and claimed.attempts < self.policy.max_attempts:
            wait = self.policy.delay(claimed.attempts, outcome.retry_after)
            self.box.later(claimed.id, now + timedelta(seconds=wait), outcome.reason)
            log.warning("outbox message %d not sent (%s), try %d of %d again in %.0f s", claimed.id,
                        outcome.reason, claimed.attempts, self.policy.max_attempts, wait)
            return 0
        self.box.dead(claimed.id, outcome.reason)
        log.error("outbox message %d given up after %d tries: %s", claimed.id, claimed.attempts, outcome.reason)
        return 0
