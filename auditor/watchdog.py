"""A time limit on every plugin call, so one runaway check cannot hang a run.

While an article is checked, one interval timer ticks (``SIGALRM`` from
``signal.setitimer``); the engine stamps the start of each hook call (one
clock read) and a tick after the deadline raises :class:`PluginTimeout` inside the
call.  The call then ends as if the plugin had raised: a problem naming the plugin
and the place (the sentence it was given), and the run goes on with the other
plugins and files.  A check of one sentence gets the limit; a call over the whole
article (segmenter, attribution finder, article check) gets it per started
megabyte of text, so a long article is not mistaken for a runaway.

The limit needs the main thread of a process on a POSIX system (signals are
delivered there only); elsewhere, and when the program already runs a timer of
its own, calls run without one.  A single call into C code (one huge regular
expression match) is stopped when it next returns to Python.
"""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

#: Seconds one hook call may take by default (``auditor audit --time-limit``); a call
#: over a whole article (segmenter, finder, article check) gets it per started megabyte.
DEFAULT_TIME_LIMIT = 10.0
MEGABYTE = 1_000_000


class PluginTimeout(BaseException):
    """Raised inside a hook call that ran longer than the time limit.  Not an
    ``Exception``, so a plugin's ``except Exception:`` cannot swallow it."""


class Watchdog:
    """``with watchdog.armed():`` around an article; ``with watchdog:`` around each call,
    or, where a ``with`` costs too much (a call per sentence), ``watchdog.call_started =
    time.monotonic()`` before the call and ``= None`` after it: the call gets ``limit``."""

    def __init__(self, limit: float | None = DEFAULT_TIME_LIMIT) -> None:
        self.limit = limit if limit and limit > 0 else None
        self._budget = self.limit  # of the current call
        self.call_started: float | None = None  # time.monotonic() when the current call began
        self._armed = False

    # -- one article ------------------------------------------------------------
    def armed(self) -> "_Armed":
        return _Armed(self)

    def _arm(self) -> bool:
        if (self.limit is None or self._armed or not hasattr(signal, "setitimer")
                or threading.current_thread() is not threading.main_thread()
                or signal.getitimer(signal.ITIMER_REAL)[0]):
            return False
        self._previous = signal.signal(signal.SIGALRM, self._tick)
        tick = min(self.limit / 4, 1.0)  # a runaway call is stopped within limit + tick
        signal.setitimer(signal.ITIMER_REAL, tick, tick)
        self._armed = True
        return True

    def _disarm(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        self._armed = False
        self.call_started = None

    def _tick(self, signum: int, frame: Any) -> None:
        started = self.call_started
        if started is None or time.monotonic() - started <= self._budget:
            return
        # Never interrupt the engine's own bookkeeping around a call, only the call itself;
        # a plugin that swallows even this (a bare ``except:``) gets it again at every tick.
        if frame is not None and frame.f_globals.get("__name__") in ("auditor.engine", __name__):
            return
        raise PluginTimeout(f"ran longer than the time limit of {self._budget:g} s")

    # -- one call ---------------------------------------------------------------
    def whole_article(self, length: int) -> "Watchdog":
        """``with watchdog.whole_article(len(text)):`` the limit per started megabyte."""
        if self.limit is not None:
            self._budget = self.limit * max(1, -(-length // MEGABYTE))
        return self

    def __enter__(self) -> None:
        self.call_started = time.monotonic()

    def __exit__(self, *exc: Any) -> None:
        self.call_started, self._budget = None, self.limit


class _Armed:
    def __init__(self, watchdog: Watchdog) -> None:
        self.watchdog, self.armed = watchdog, False

    def __enter__(self) -> None:
        self.armed = self.watchdog._arm()

    def __exit__(self, *exc: Any) -> None:
        if self.armed:
            self.watchdog._disarm()
