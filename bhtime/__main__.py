"""``python -m bhtime``: the same as the ``bhtime`` command."""

import sys

from .cli import main

sys.exit(main())
