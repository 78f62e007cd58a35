"""The peewee models of Returns Receiving: master data, orders and RMAs, parcels and units, audit,
checklists and inspections.

Models are bound to ``database_proxy``; ``db.connection.open_database`` points it at a real
database. Every field that a scan looks up is indexed (the scan path must stay under 25 ms on a
database of a million orders).
"""

from __future__ import annotations

from db.models.base import BaseModel, database_proxy
from db.models.disposition import CustomerOutcome, RoutingRulesVersion, UnitDisposition
from db.models.dock import AuditHead, AuditRecord, Parcel, PrintJob, Sequence, Setting, Unit
from db.models.inspection import ChecklistVersion, Inspection, InspectionAnswer, Photo
from db.models.master import (
    RMA,
    Channel,
    Customer,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    SoldSerial,
    Station,
    User,
    Vendor,
)
from db.models.supervisor import (
    ExceptionResolution,
    OverrideReview,
    RtvBatch,
    RtvBatchLine,
    RtvCarton,
)

MODELS: tuple[type[BaseModel], ...] = (
    Channel,
    Customer,
    Vendor,
    Product,
    ProductGTIN,
    Order,
    OrderLine,
    SoldSerial,
    RMA,
    RMALine,
    Station,
    User,
    Parcel,
    Unit,
    Sequence,
    PrintJob,
    Setting,
    AuditRecord,
    AuditHead,
    ChecklistVersion,
    Inspection,
    InspectionAnswer,
    Photo,
    RoutingRulesVersion,
    UnitDisposition,
    CustomerOutcome,
    ExceptionResolution,
    OverrideReview,
    RtvBatch,
    RtvCarton,
    RtvBatchLine,
)

__all__ = [m.__name__ for m in MODELS] + ["MODELS", "BaseModel", "database_proxy"]
