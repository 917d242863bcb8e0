"""``python -m deepdive``."""

from deepdive.cli import run

run()
