"""Shared test set-up: hypothesis profiles.

Every run is deterministic unless asked otherwise: the default profile `deterministic` (used locally
and in CI) derives each test's examples from the test itself (`derandomize`) and keeps no example
database, so a run does not depend on the runs before it, and a failure is the same failure on every
machine. `thorough` (HYPOTHESIS_PROFILE=thorough) is a long randomized hunt; what it finds belongs in
an explicit `@example` or a regression test.
"""

import os
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile(
    "deterministic",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

# Stored CLI profiles live in the user's config directory: never read a developer's own in tests.
os.environ["WIXSITES_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wixsites-test-config-")
