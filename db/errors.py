"""Storage problems the rest of the app expects and can explain to a user."""


class StorageUnavailable(Exception):
    """The database could not do the work now (locked, unreachable, read-only, disk full).

    Nothing was written: the transaction was rolled back. The user can try again.
    """


class SchemaMismatch(Exception):
    """The database's schema is not the one this version of the app works with."""


class SchemaTooNew(SchemaMismatch):
    """The database was upgraded by a newer version of the app; this one must not touch it."""


class SchemaOutdated(SchemaMismatch):
    """The database needs ``receiving-app db upgrade`` before this version can use it."""
