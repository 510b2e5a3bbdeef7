"""A request-rate limit shared by every thread of one client.

NCBI allows 3 requests a second without an API key and 10 with one, counted per user, not per
thread. Bio.Entrez keeps its clock in a module global and sleeps inside the request call;
here the clock is an object the client's worker threads share, so three EFetch threads
together still start at most ``rate`` requests a second.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

#: Start requests a little further apart than 1/rate: arrival times at the server jitter by
#: milliseconds, and a request that lands early makes a sliding one-second window count one
#: too many (Bio.Entrez uses 0.37 s for 3/s for the same reason, and 0.1 s for 10/s).
SPACING_MARGIN = 1.03


class RateLimiter:
    """Hands out request start times at least ``SPACING_MARGIN / rate`` seconds apart."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, not {rate}")
        self.rate = rate
        self.interval = SPACING_MARGIN / rate
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        """Block until this caller may start a request; each caller gets its own slot."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self._sleep(slot - now)

    def hold_off(self, seconds: float) -> None:
        """Start no request for ``seconds`` (a server's ``Retry-After`` applies to every thread)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)
