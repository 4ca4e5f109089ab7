import Foundation

/// The tagger and parser weights of spaCy's `en_core_web_sm` 3.8, read from newsgraph's model resource
/// (`Resources/Model/tagger-parser.ngsm`, format in `Resources/Model/FORMAT.md`).
///
/// The resource is written once by `scripts/spacy_model/convert_weights.py`; nothing here needs Python.
public struct SyntaxModel: Sendable {
    /// The hash-embedding and encoder settings of the shared token-to-vector network.
    public struct Tok2VecSettings: Sendable, Decodable {
        public var columns: [String]
        public var width: Int
        public var rows: [Int]
        public var seeds: [UInt32]
        public var maxoutPieces: Int
        public var depth: Int
        public var windowSize: Int
        public var padding: Int
        public var layerNormEpsilon: Float
    }

    /// The transition parser's settings and its action names ("S", "D", "L-nsubj", "R-dobj", "B-ROOT", …).
    public struct ParserSettings: Sendable, Decodable {
        public var features: Int
        public var hidden: Int
        public var pieces: Int
        public var actions: [String]
        public var unseenActions: [Int]
    }

    /// Where the weights came from (the spaCy package's meta).
    public struct Provenance: Sendable, Decodable {
        public var lang: String?
        public var name: String?
        public var version: String?
        public var license: String?
    }

    private struct TensorEntry: Decodable {
        var shape: [Int]
        var offset: Int
    }

    private struct Header: Decodable {
        var format: String
        var model: Provenance
        var tok2vec: Tok2VecSettings
        var tags: [String]
        var posRules: PartOfSpeechRules
        var parser: ParserSettings
        var tensors: [String: TensorEntry]
    }

    public let provenance: Provenance
    public let tok2vec: Tok2VecSettings
    public let parser: ParserSettings
    /// The tagger's labels, in output order.
    public let tags: [String]
    /// The attribute ruler's part-of-speech rules (tag, text, label, whitespace), in order.
    public let posRules: PartOfSpeechRules
    private let tensors: [String: Tensor]

    /// The magic bytes that open a model resource.
    static let magic = Array("NGSM0001".utf8)

    /// Reads a model resource.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw SyntaxModelError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: url.path)
    }

    /// Reads a model resource from its bytes; `path` names it in errors.
    public init(data: Data, path: String = "model") throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, Array(bytes[0..<8]) == Self.magic else {
            throw SyntaxModelError.malformed(path: path, reason: "it does not start with NGSM0001")
        }
        let headerLength = Int(UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24)
        guard headerLength > 0, 12 + headerLength <= bytes.count else {
            throw SyntaxModelError.malformed(path: path, reason: "its header is cut short")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + headerLength)]))
        } catch {
            throw SyntaxModelError.malformed(path: path, reason: "its header is not the expected JSON (\(error))")
        }
        let dataStart = (12 + headerLength + 63) / 64 * 64
        var tensors: [String: Tensor] = [:]
        for (name, entry) in header.tensors {
            let count = entry.shape.reduce(1, *)
            let start = dataStart + entry.offset
            guard entry.offset >= 0, count >= 0, start + count * 4 <= bytes.count else {
                throw SyntaxModelError.malformed(path: path, reason: "tensor \(name) lies outside the file")
            }
            var values = [Float](repeating: 0, count: count)
            values.withUnsafeMutableBytes { dst in
                bytes.withUnsafeBytes { src in
                    dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[start..<(start + count * 4)]))
                }
            }
            #if _endian(big)
            values = values.map { Float(bitPattern: $0.bitPattern.byteSwapped) }
            #endif
            tensors[name] = Tensor(shape: entry.shape, values: values)
        }
        self.provenance = header.model
        self.tok2vec = header.tok2vec
        self.parser = header.parser
        self.tags = header.tags
        self.posRules = header.posRules
        self.tensors = tensors
    }

    /// The tensor of that name, with its expected shape checked.
    public func tensor(_ name: String, shape: [Int]? = nil) throws -> Tensor {
        guard let t = tensors[name] else { throw SyntaxModelError.missingTensor(name) }
        if let shape, shape != t.shape {
            throw SyntaxModelError.malformed(path: name, reason: "shape \(t.shape), expected \(shape)")
        }
        return t
    }

    /// The model shipped with newsgraph.
    public static func bundled() throws -> SyntaxModel {
        try SyntaxModel(contentsOf: try SyntaxResources.url(of: "tagger-parser.ngsm"))
    }
}

/// A model resource that cannot be used; the message says what to do.
public enum SyntaxModelError: Error, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case missingTensor(String)
    case resourceMissing(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the parser model \(path): \(reason)"
        case .malformed(let path, let reason):
            return "the parser model \(path) is damaged: \(reason); reinstall newsgraph or rerun scripts/spacy_model/convert_weights.py"
        case .missingTensor(let name):
            return "the parser model lacks the tensor \(name); rerun scripts/spacy_model/convert_weights.py"
        case .resourceMissing(let name):
            return "the parser resource \(name) is missing from the installation; reinstall with `make install PREFIX=…`"
        }
    }
}
