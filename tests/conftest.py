"""Shared test set-up: hypothesis profiles.

`ci` (selected when CI is set) uses fixed example counts and no deadline so the whole suite keeps to
a few minutes on two cores; `dev` is the default for local runs; `thorough` is for a long hunt.
"""

import os
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# Stored CLI profiles live in the user's config directory: never read a developer's own in tests.
os.environ["WIXSITES_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wixsites-test-config-")
