import ArgumentParser
import Foundation

/// Writing to standard output and standard error.
enum Output {
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data([0x0A]))
    }

    static func line(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// A TSV field with tabs and newlines replaced by spaces.
    static func tsvField(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

/// Prints a one-line error to standard error.
func printError(_ message: String) {
    let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data(("newsgraph: " + oneLine + "\n").utf8))
}

/// Turns library errors into one-line messages and exit code 1.
enum CLIError {
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }

    static func wrap<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
