import Foundation
import GRDB

/// The memory the final resolve may use.
///
/// Resolving a store builds the whole graph in memory (every stored record, the resolver's tables and the
/// graph's arrays): its memory grows with the store, about `bytesPerRecord` per stored entity, event, triple
/// and causal row (measured on a 50 MB JSON Lines corpus: 729,000 rows, 370 MB peak). Ingesting itself stays
/// flat; only the graph cache refresh at the end of an ingest needs this, so it is checked against a limit
/// first and refused with `StoreError.resolveTooLarge` instead of exhausting the machine.
public struct ResolveBudget: Sendable, Equatable {
    /// Estimated peak bytes per stored record row (a little above the measured 430 bytes).
    public static let bytesPerRecord = 480
    /// Fixed part of the estimate (the process, the resolver's small tables).
    public static let baseBytes = 64 << 20

    /// The limit in bytes, or nil for none.
    public var limitBytes: Int?

    public init(limitBytes: Int?) { self.limitBytes = limitBytes }

    /// The limit from `NEWSGRAPH_RESOLVE_MEMORY_MB` (megabytes; 0 means no limit), else the memory the system
    /// reports available (`MemAvailable` in /proc/meminfo), else none.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       meminfo: String? = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) -> ResolveBudget {
        if let text = environment["NEWSGRAPH_RESOLVE_MEMORY_MB"]?.trimmingCharacters(in: .whitespaces), let mb = Int(text), mb >= 0 {
            return ResolveBudget(limitBytes: mb == 0 ? nil : mb << 20)
        }
        guard let meminfo else { return ResolveBudget(limitBytes: nil) }
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kb = Int(fields[1]) { return ResolveBudget(limitBytes: kb << 10) }
        }
        return ResolveBudget(limitBytes: nil)
    }

    /// The estimated peak of resolving `records` stored rows.
    public static func estimate(records: Int) -> Int { baseBytes + records * bytesPerRecord }

    /// Throws `resolveTooLarge` when resolving `records` rows of the store at `path` is estimated above the limit.
    public func check(records: Int, path: String) throws(StoreError) {
        guard let limitBytes else { return }
        let needed = Self.estimate(records: records)
        if needed > limitBytes {
            throw StoreError.resolveTooLarge(path: path, neededMB: (needed + (1 << 20) - 1) >> 20, limitMB: limitBytes >> 20)
        }
    }
}

extension StoreLoader {
    /// The stored record rows the resolve reads (entities, events, triples, causal links).
    static func recordCount(_ db: Database) throws -> Int {
        var total = 0
        for table in ["entity", "event", "triple", "causal"] {
            total += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
        return total
    }
}
