"""``receiving-app`` and ``python -m receiving_app``: a sub-command, or the GUI without one."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from receiving_app.cli import run

    args = sys.argv[1:] if argv is None else argv
    code = run(args)
    if code is not None:
        return code
    from ui.app import run_gui  # the one sanctioned core -> ui edge (HOUSE.md B1)

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
