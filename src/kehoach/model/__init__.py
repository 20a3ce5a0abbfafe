"""The plan's data model (pydantic v2): what a valid file looks like, field by field."""

from kehoach.model.bodies import BodiesFile, Body
from kehoach.model.events import Event, EventsFile
from kehoach.model.plan import Document, PlanInfo, Section, Signer, Term
from kehoach.model.tasks import Dependencies, Role, Source, Status, Task, TaskFile, Update

__all__ = [
    "BodiesFile",
    "Body",
    "Dependencies",
    "Document",
    "Event",
    "EventsFile",
    "PlanInfo",
    "Role",
    "Section",
    "Signer",
    "Source",
    "Status",
    "Task",
    "TaskFile",
    "Term",
    "Update",
]
