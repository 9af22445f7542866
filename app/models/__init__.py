"""All models, imported so that Base.metadata knows every table."""

from app.models.advocacy import (
    AdvocacyRun,
    Product,
    ProductEvaluation,
    Proposal,
    Publication,
    RunInstitution,
    RunPartner,
    RunProduct,
    RunStep,
)
from app.models.attachments import Attachment
from app.models.base import Base, Synced
from app.models.cases import (
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    CaseSupport,
    NextAction,
    StageChange,
)
from app.models.events import (
    Attendance,
    Certificate,
    CertificateLog,
    Event,
    EventTrainer,
    Registration,
    Session,
)
from app.models.exchange import LedgerEntry, Peer
from app.models.networks import (
    MemberInterest,
    Network,
    NetworkMember,
    NetworkMunicipality,
    WorkItem,
    WorkItemEvent,
)
from app.models.office import Counter, LocalState, Office
from app.models.people import Consent, MergeRecord, Organisation, Person, PersonRole
from app.models.reference import (
    Community,
    Institution,
    Interest,
    Municipality,
    RefItem,
    TrainingProgramme,
)
from app.models.sync import ChangeLog, Conflict

__all__ = [
    "AdvocacyRun",
    "Attachment",
    "Attendance",
    "Base",
    "BusinessCase",
    "CaseActivity",
    "CaseFinancing",
    "CaseOutcome",
    "CaseSupport",
    "Certificate",
    "CertificateLog",
    "ChangeLog",
    "Community",
    "Conflict",
    "Consent",
    "Counter",
    "Event",
    "EventTrainer",
    "Institution",
    "Interest",
    "LedgerEntry",
    "LocalState",
    "MemberInterest",
    "MergeRecord",
    "Municipality",
    "Network",
    "NetworkMember",
    "NetworkMunicipality",
    "NextAction",
    "Office",
    "Organisation",
    "Person",
    "Peer",
    "PersonRole",
    "Product",
    "ProductEvaluation",
    "Proposal",
    "Publication",
    "RefItem",
    "Registration",
    "RunInstitution",
    "RunPartner",
    "RunProduct",
    "RunStep",
    "Session",
    "StageChange",
    "Synced",
    "TrainingProgramme",
    "WorkItem",
    "WorkItemEvent",
]


def synced_models() -> list[type[Synced]]:
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)]
