import Foundation

/// An answer of the fake server before it is put on the wire.
enum FakeAnswer {
    case ok(JSONValue)
    /// A pre-serialized `result` (getUpdates joins stored update JSON without re-encoding it).
    case okRaw(Data)
    case error(code: Int, description: String, parameters: JSONValue? = nil)
    case drop
    case raw(status: Int, contentType: String, body: Data)
}

extension FakeBotAPI {
    /// Routes `/bot<TOKEN>/<method>` like api.telegram.org.
    func handle(_ request: HTTPRequestHead) -> HTTPServerAction {
        let answer = route(request)
        return Self.serialize(answer)
    }

    private func route(_ request: HTTPRequestHead) -> FakeAnswer {
        guard request.method == "POST" || request.method == "GET",
            request.path.hasPrefix("/bot")
        else { return .error(code: 404, description: "Not Found") }
        let rest = request.path.dropFirst(4)
        guard let slash = rest.firstIndex(of: "/") else { return .error(code: 404, description: "Not Found") }
        let requestToken = String(rest[..<slash])
        let method = String(rest[rest.index(after: slash)...])
        guard let (params, files) = Self.parameters(of: request) else {
            return .error(code: 400, description: "Bad Request: can't parse request body")
        }
        let authorized = requestToken == token
        state.withLock { state in
            state.requests.append(
                RecordedRequest(
                    method: method, params: params, time: Date(), httpMethod: request.method, authorized: authorized,
                    files: files))
        }
        guard authorized else { return .error(code: 401, description: "Unauthorized") }
        guard let handler = handler(for: method, request, files: files) else {
            return .error(code: 404, description: "Not Found")
        }
        if let fault = state.withLock({ $0.takeFault(for: method) }) {
            if case .delay(let duration) = fault {
                if !pause(until: Date() + duration.timeInterval, request) { return .drop }
            } else {
                return Self.answer(for: fault)
            }
        }
        return handler(params)
    }

    /// The methods the fake answers; nil for any other (404, like Telegram).
    private func handler(
        for method: String, _ request: HTTPRequestHead, files: [String: UploadedFile]
    ) -> (([String: JSONValue]) -> FakeAnswer)? {
        switch method.lowercased() {
        case "getupdates": { self.getUpdates($0, request) }
        case "getme": { _ in .ok(self.botUserJSON) }
        case "sendmessage": sendMessage
        case "sendphoto": { self.sendPhoto($0, files: files) }
        case "sendlocation": sendLocation
        case "editmessagetext": editMessageText
        case "editmessagereplymarkup": editMessageReplyMarkup
        case "answercallbackquery": answerCallbackQuery
        case "deletemessage": deleteMessage
        case "setmycommands": setMyCommands
        case "getmycommands": getMyCommands
        case "deletemycommands": deleteMyCommands
        case "getchatmember": getChatMember
        case "deletewebhook", "sendchataction", "logout", "close": { _ in .ok(true) }
        default: nil
        }
    }

    /// Waits until `deadline` in short slices; false when the fake stopped or the client hung up meanwhile, so
    /// an abandoned request does not hold its thread (and the fake) for the whole delay.
    func pause(until deadline: Date, _ request: HTTPRequestHead) -> Bool {
        while Date() < deadline {
            let slice = min(deadline, Date() + Self.abandonCheckInterval)
            if stopped.wait(until: slice) || request.isPeerClosed() { return false }
        }
        return true
    }

    /// How often a waiting request checks that its client is still there.
    static let abandonCheckInterval = 0.2

    static func answer(for fault: Fault) -> FakeAnswer {
        switch fault {
        case .rateLimited(let seconds):
            .error(
                code: 429, description: "Too Many Requests: retry after \(seconds)",
                parameters: ["retry_after": .int(Int64(seconds))])
        case .serverError(let status):
            .raw(status: status, contentType: "text/html", body: Data(nginxPage(status).utf8))
        case .dropConnection: .drop
        case .invalidJSON: .raw(status: 200, contentType: "application/json", body: Data("{\"ok\":tru".utf8))
        case .rawBody(let body): .raw(status: 200, contentType: "application/json", body: body)
        case .delay: .error(code: 500, description: "Internal Server Error")  // handled by the caller
        case .conflict:
            .error(
                code: 409,
                description:
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
            )
        case .unauthorized: .error(code: 401, description: "Unauthorized")
        case .forbidden(let description): .error(code: 403, description: description)
        case .badRequest(let description): .error(code: 400, description: description)
        case .chatMigrated(let newID): migratedError(newID)
        }
    }

    static func migratedError(_ newID: Int64) -> FakeAnswer {
        .error(
            code: 400, description: "Bad Request: group chat was upgraded to a supergroup chat",
            parameters: ["migrate_to_chat_id": .int(newID)])
    }

    private static func nginxPage(_ status: Int) -> String {
        let title = "\(status) \(HTTPWire.reason(status))"
        return "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
            + "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
    }

    static func serialize(_ answer: FakeAnswer) -> HTTPServerAction {
        switch answer {
        case .drop:
            return .drop
        case .raw(let status, let contentType, let body):
            return .respond(status: status, contentType: contentType, body: body)
        case .ok(let result):
            var body = Data("{\"ok\":true,\"result\":".utf8)
            body.append(result.jsonData)
            body.append(UInt8(ascii: "}"))
            return .respond(status: 200, contentType: "application/json", body: body)
        case .okRaw(let result):
            var body = Data("{\"ok\":true,\"result\":".utf8)
            body.append(result)
            body.append(UInt8(ascii: "}"))
            return .respond(status: 200, contentType: "application/json", body: body)
        case .error(let code, let description, let parameters):
            var envelope: [String: JSONValue] = [
                "ok": false, "error_code": .int(Int64(code)), "description": .string(description),
            ]
            if let parameters { envelope["parameters"] = parameters }
            return .respond(status: code, contentType: "application/json", body: JSONValue.object(envelope).jsonData)
        }
    }

    /// Parameters from the query string and the body (JSON, form-encoded or multipart/form-data, where each
    /// text value may itself be JSON), and the files of a multipart body by field name. A file's parameter reads
    /// as a placeholder string (it is `InputFile or String` in the spec), its bytes are in the files.
    static func parameters(of request: HTTPRequestHead) -> ([String: JSONValue], [String: UploadedFile])? {
        var params: [String: JSONValue] = [:]
        if let query = request.query { params.merge(formFields(query), uniquingKeysWith: { _, new in new }) }
        guard !request.body.isEmpty else { return (params, [:]) }
        let rawContentType = request.headers["content-type"] ?? ""
        let contentType = rawContentType.lowercased()
        if contentType.contains("application/x-www-form-urlencoded") {
            let form = formFields(String(decoding: request.body, as: UTF8.self))
            params.merge(form, uniquingKeysWith: { _, new in new })
            return (params, [:])
        }
        if contentType.hasPrefix("multipart/form-data") {
            guard let form = MultipartForm(body: request.body, contentType: rawContentType) else { return nil }
            var files: [String: UploadedFile] = [:]
            for part in form.parts {
                if let fileName = part.fileName {
                    files[part.name] = UploadedFile(fileName: fileName, contentType: part.contentType, data: part.data)
                    params[part.name] = .string("<uploaded \(fileName), \(part.data.count) bytes>")
                } else {
                    params[part.name] = formValue(String(decoding: part.data, as: UTF8.self))
                }
            }
            return (params, files)
        }
        guard case .object(let members) = JSONValue(json: request.body) else { return nil }
        params.merge(members, uniquingKeysWith: { _, new in new })
        return (params, [:])
    }

    private static func formFields(_ text: String) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let name = decode(parts[0])
            fields[name] = formValue(parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }

    /// Telegram reads form values that look like JSON (numbers, booleans, objects) as JSON, others as text.
    private static func formValue(_ value: String) -> JSONValue {
        JSONValue(json: Data(value.utf8)) ?? .string(value)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
