"""An embedded, stateful, spec-true stand-in for the Wix account service.

    with Sandbox() as sandbox:
        credentials = sandbox.default_credentials()
        sandbox.seed(credentials.account_id, sites=500, folders=20)
        client = httpx.Client(transport=sandbox.transport(), base_url="http://sandbox")

It serves every operation of openapi.yaml (Site List v2, Site Folders v2, trash, duplicate, publish
and transfer), keeps its state in
SQLite, authenticates API keys and signed requests (`wixauth`) and validates requests and responses
against the spec. `serve` runs it over HTTP; ``python -m wixsandbox`` is its command line.
"""

from wixsandbox.faults import Fault, FaultPlan
from wixsandbox.seed import SeedSummary
from wixsandbox.server import serve
from wixsandbox.service import Credentials, Sandbox

__all__ = ["Credentials", "Fault", "FaultPlan", "Sandbox", "SeedSummary", "serve"]
