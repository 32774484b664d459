import Foundation

/// Checks requests against the machine-readable Bot API spec (`api.json` of PaulSonOfLars/telegram-bot-api-spec):
/// the method exists, every parameter exists with a compatible JSON type, and required parameters are present.
public struct BotAPIConformance: Sendable {
    private struct Spec: Decodable {
        struct Field: Decodable {
            var name: String
            var types: [String]
            var required: Bool
        }
        struct Method: Decodable {
            var name: String
            var fields: [Field]?
        }
        struct TypeSpec: Decodable {
            var name: String
            var fields: [Field]?
            var subtypes: [String]?
        }
        var methods: [String: Method]
        var types: [String: TypeSpec]
    }

    private let spec: Spec

    /// Reads `api.json`.
    public init(apiJSON: Data) throws {
        spec = try JSONDecoder().decode(Spec.self, from: apiJSON)
    }

    /// Every problem found in `requests`, as readable lines; empty when all conform.
    public func problems(in requests: [RecordedRequest]) -> [String] {
        requests.flatMap { problems(method: $0.method, params: $0.params) }
    }

    /// Problems of one call.
    public func problems(method: String, params: [String: JSONValue]) -> [String] {
        guard let spec = spec.methods[method] ?? self.spec.methods.values.first(where: { $0.name.lowercased() == method.lowercased() })
        else { return ["\(method): no such Bot API method"] }
        return check(params, against: spec.fields ?? [], at: method, requireAll: true)
    }

    /// Problems of an object said to be of Bot API type `type` (e.g. a re-encoded `Update`): unknown fields and
    /// wrong field types; with `requireAll`, missing required fields too.
    public func problems(in object: JSONValue, ofType type: String, requireAll: Bool = true) -> [String] {
        check(object, type: type, at: type, requireAll: requireAll)
    }

    private func check(
        _ object: [String: JSONValue], against fields: [Spec.Field], at path: String, requireAll: Bool
    ) -> [String] {
        var problems: [String] = []
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let field = byName[name] else {
                problems.append("\(path).\(name): no such parameter")
                continue
            }
            if case .null = value {
                problems.append("\(path).\(name): null (omit the parameter instead)")
                continue
            }
            let attempts = field.types.map { check(value, type: $0, at: "\(path).\(name)", requireAll: requireAll) }
            if !attempts.contains(where: \.isEmpty) {
                problems.append(
                    "\(path).\(name): \(describe(value)) does not match \(field.types.joined(separator: " or "))")
                if attempts.count == 1 { problems.append(contentsOf: attempts[0]) }
            }
        }
        for field in fields where requireAll && field.required && object[field.name] == nil {
            problems.append("\(path).\(field.name): required but missing")
        }
        return problems
    }

    private func check(_ value: JSONValue, type: String, at path: String, requireAll: Bool) -> [String] {
        let mismatch = ["\(path): expected \(type)"]
        if type.hasPrefix("Array of ") {
            guard case .array(let elements) = value else { return mismatch }
            let elementType = String(type.dropFirst("Array of ".count))
            return elements.enumerated().flatMap { check($1, type: elementType, at: "\(path)[\($0)]", requireAll: requireAll) }
        }
        switch (type, value) {
        case ("Integer", .int), ("Float", .int), ("Float", .double), ("String", .string), ("Boolean", .bool):
            return []
        case ("True", .bool(true)):
            return []
        case ("Integer", _), ("Float", _), ("String", _), ("Boolean", _), ("True", _):
            return mismatch
        default:
            break
        }
        guard let typeSpec = spec.types[type] else { return ["\(path): unknown type \(type)"] }
        guard case .object(let members) = value else { return mismatch }
        if let subtypes = typeSpec.subtypes, !subtypes.isEmpty {
            let attempts = subtypes.map { check(value, type: $0, at: path, requireAll: requireAll) }
            return attempts.contains(where: \.isEmpty) ? [] : mismatch
        }
        return check(members, against: typeSpec.fields ?? [], at: path, requireAll: requireAll)
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a float"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension FakeBotAPI {
    /// Checks every recorded request against `api.json`; returns the problems (empty when all conform).
    public func validateRequests(against apiJSON: Data) -> [String] {
        do {
            return try BotAPIConformance(apiJSON: apiJSON).problems(in: requests)
        } catch {
            return ["api.json could not be read: \(error)"]
        }
    }
}
