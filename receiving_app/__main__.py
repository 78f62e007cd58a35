"""``receiving-app`` and ``python -m receiving_app``: a sub-command, or the GUI without one."""

from __future__ import annotations

import os
import sys

EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE


def main(argv: list[str] | None = None) -> int:
    from receiving_app.cli import run

    args = sys.argv[1:] if argv is None else argv
    try:
        code = run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the guard, not at exit
    except BrokenPipeError:
        # The reader went away (`receiving-app checklist show x | head`): stop quietly, and
        # keep Python from complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    if code is not None:
        return code
    from ui.app import run_gui  # the one sanctioned core -> ui edge (HOUSE.md B1)

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
