/// An input that could not be used: the path (or article) it concerns and a one-line message that names it.
public struct InputFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, directory or article the failure is about.
    public var path: String
    /// One line, starting with the path, saying what is wrong and what to do.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { message }
}
