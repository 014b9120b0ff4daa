"""``python -m wixsites``: the command line."""

from wixsites.cli import main

main()
