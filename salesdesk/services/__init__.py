"""Use cases: each mutating call is one transaction returning a ChangeSet and its inverse."""

from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.operations import Operation, RestoreSnapshots

__all__ = ["ContactService", "Operation", "Outcome", "RestoreSnapshots"]
