"""``python -m kehoach.bench``: see :mod:`kehoach.bench.suite`."""

import sys

from kehoach.bench.suite import main

sys.exit(main())
