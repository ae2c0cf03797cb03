"""The `masa` console script: a thin manage.py.

`masa demo`, `masa statute check`, `masa clock due …` and the other commands in README.md are Django
management commands; this entry point only picks the settings module and hands over.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masa", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
