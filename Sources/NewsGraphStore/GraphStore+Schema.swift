// Opening a store's schema: telling a complete newsgraph store from an empty file, another application's
// database or a newer schema; creating or migrating it under the directory lock; switching to WAL.

import Foundation
import GRDB
import NewsGraphCore

extension GraphStore {
    private struct SchemaState {
        var tables: [String]
        var application: String?
        var superseded: Bool
        var complete: Bool
    }

    private func schemaState() throws -> SchemaState {
        let migrator = StoreSchema.migrator
        return try guarded {
            try dbQueue.read { db -> SchemaState in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                var application: String?
                if tables.contains("meta") {
                    application = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                }
                let superseded = tables.contains("grdb_migrations") ? try migrator.hasBeenSuperseded(db) : false
                let complete = tables.contains("grdb_migrations") ? try migrator.hasCompletedMigrations(db) : false
                return SchemaState(tables: tables, application: application, superseded: superseded, complete: complete)
            }
        }
    }

    func prepareSchema(create: Bool) throws {
        // The common case, a complete store of this version, needs no lock and writes nothing.
        let first = try schemaState()
        if first.complete && !first.superseded && first.application == StoreSchema.application {
            if !readOnly { try ensureWAL() }
            return
        }
        // Anything else (a new file, a store being created by another process right now, an older schema)
        // is looked at again, and changed, only under the directory lock.
        try StorePath.withCreationLock(for: path, timeout: lockTimeout) {
            let state = try schemaState()
            if state.superseded {
                let unknown = try guarded { try dbQueue.read { db in try StoreSchema.migrator.appliedIdentifiers(db) } }
                    .subtracting(StoreSchema.knownMigrations)
                throw StoreError.newerSchema(path: path, unknown: unknown.sorted())
            }
            if !state.tables.isEmpty && state.application != StoreSchema.application {
                let shown = state.tables.sorted().prefix(5).joined(separator: ", ")
                throw StoreError.notAStore(path: path, reason: "a SQLite database with other tables (\(shown)) and no newsgraph metadata")
            }
            if state.tables.isEmpty && !create {
                throw StoreError.notAStore(path: path, reason: "an empty SQLite database")
            }
            if state.complete { if !readOnly { try ensureWAL() }; return }
            if readOnly { throw StoreError.needsUpgrade(path: path) }
            try ensureWAL()
            try guarded { try StoreSchema.migrator.migrate(dbQueue) }
        }
    }

    /// WAL, switched on once (for a file known to be a newsgraph store or empty); an open never needs the
    /// write lock afterwards, so opening a store while another process writes to it does not wait.
    private func ensureWAL() throws {
        try guarded {
            try dbQueue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
    }
}
