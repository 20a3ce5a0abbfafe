"""The use cases of kehoach, for the command line and for any other caller.

Each function takes plain values (a folder, a day, a period, a body as typed), returns
values and raises :class:`kehoach.errors.KehoachError` subclasses, which carry their
exit code. Nothing here prints, exits or touches the garbage collector: that is the
caller's business (``kehoach.cli``).
"""

from kehoach.app.plans import CheckedPlan, find_body, open_plan, open_valid_plan
from kehoach.app.reporting import (
    Evaluated,
    OverdueList,
    ReportInput,
    build_report,
    evaluate_plan,
    overdue_list,
    status_summary,
)

__all__ = [
    "CheckedPlan",
    "Evaluated",
    "OverdueList",
    "ReportInput",
    "build_report",
    "evaluate_plan",
    "find_body",
    "open_plan",
    "open_valid_plan",
    "overdue_list",
    "status_summary",
]
