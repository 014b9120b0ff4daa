"""Examples to copy; not part of the installed package."""
