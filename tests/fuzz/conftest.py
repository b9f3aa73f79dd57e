"""Hypothesis profiles for the fuzz tests.

The default run (``make test``) keeps each property short; ``make fuzz`` passes
``--hypothesis-profile=long`` for a bounded long run. Tests read the active
profile through :data:`EXAMPLES` instead of pinning ``max_examples`` themselves,
so the profile decides.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Many more examples, no per-example deadline (a slow case is reported by the
# per-test timeout instead), and the data-too-large check off for big byte strings.
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
