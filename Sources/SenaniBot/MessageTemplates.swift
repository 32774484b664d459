import Foundation
import Mustache
import SenaniStore
import TelegramBotAPI

/// The user-facing messages: Mustache files in `Templates/`, Hindi first with English beside it.
///
/// Values are HTML-escaped by Mustache and messages are sent with `parse_mode=HTML`, so a tip's words can never
/// become markup.
public struct MessageTemplates: Sendable {
    /// Templates every running bot needs; a missing one stops start-up instead of a send.
    public static let required = [
        "group_ack", "help", "start", "button_ack", "button_close", "button_details", "button_back", "commands",
        "commands_sho", "commands_sp", "commands_admin", "private_unavailable", "sho_notice", "report_full",
        "pending_list", "refused", "report_not_found", "already_done", "acknowledged", "closed", "transferred",
        "tipster_update", "sho_unreachable_group", "admin_officer_unreachable", "media_caption", "button_invalid",
        "choose_outcome", "ok", "sent_privately", "notice_transferred", "registered", "register_in_group",
        "thana_not_found", "transfer_not_possible", "usage_ack", "usage_close", "usage_show", "usage_transfer",
        "usage_register", "officer_unknown_message", "review_notice", "button_review_tip", "button_review_not_tip",
        "button_change_category", "choose_category", "review_confirmed", "review_rejected", "recategorized",
        "ask_details",
        // The confidential channel (issue 10).
        "private_ack", "private_chatter", "thana_choose", "thana_no_match", "thana_chosen", "slow_down", "ask_group",
        "ask_private", "ask_sent", "ask_unreachable", "ask_answer", "informant_followup", "relay_sent", "link_opened",
        "link_invalid", "usage_ask", "button_private", "button_answer_privately", "admin_cannot_delete", "tip_delete",
    ] + digestTemplates + ReportOutcome.allCases.filter { $0 != .imported }.map { "button_outcome_\($0.rawValue)" }

    /// The SLA timers' and the daily digest's templates. The digest and its chart words come in one language each
    /// (`_hi`, `_en`: the district's choice); `digest_part` carries text already rendered from them.
    public static let digestTemplates = [
        "sla_reminder", "sla_escalation", "digest_hi", "digest_en", "digest_chart_hi", "digest_chart_en", "digest_part",
        "usage_digest", "district_not_found",
    ]

    /// Required templates written in one language only: the digest (`_hi` or `_en`, as the district chose) and
    /// `digest_part`, which carries text rendered from them.
    public static let singleLanguage: Set<String> = [
        "digest_hi", "digest_en", "digest_chart_hi", "digest_chart_en", "digest_part",
    ]

    private let library: MustacheLibrary
    public let directory: String

    /// Loads every `*.mustache` file of `directory` and checks the required ones are there.
    public init(directory: String) async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(message: "templates folder \(directory) not found (set SENANI_TEMPLATES)")
        }
        do {
            library = try await MustacheLibrary(directory: directory)
        } catch {
            throw TemplateError(message: "templates in \(directory) do not parse: \(error)")
        }
        self.directory = directory
        let missing = Self.required.filter { library.getTemplate(named: $0) == nil }
        guard missing.isEmpty else {
            throw TemplateError(message: "templates missing from \(directory): \(missing.joined(separator: ", "))")
        }
    }

    /// The text of template `name` with `values`, or nil when there is no such template.
    public func render(_ name: String, _ values: [String: String]) -> String? {
        library.render(values, withTemplate: name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of template `name` rendered with a structured context (dictionaries and arrays, for lists such
    /// as the digest's thanas), or nil when there is no such template.
    public func render(_ name: String, context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A command menu from a `commands*` template's text: one `name - description` a line.
    public static func commandLines(_ text: String) -> [BotCommand] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " - ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return BotCommand(
                command: parts[0].trimmingCharacters(in: .whitespaces),
                description: String(parts[1].trimmingCharacters(in: .whitespaces).prefix(256)))
        }
    }

    /// Finds the templates folder: the one given, else beside the installed binary, else the source tree's.
    public static func locate(explicit: String?, executablePath: String = CommandLine.arguments[0]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent("../share/senani/Templates").standardized.path,
            FileManager.default.currentDirectoryPath + "/Templates",
            // A development build run from anywhere: Sources/SenaniBot/ → package root.
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates")
                .standardized.path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/group_ack.mustache") }
            ?? candidates[0]
    }
}

/// The templates could not be loaded.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension MessageTemplates: CustomStringConvertible {
    /// Short on purpose: ServiceLifecycle names each service by `"\(service)"`, and reflecting every parsed template
    /// of the services that hold them took seconds of a cooperative thread at each start in a debug build.
    public var description: String { "MessageTemplates(\(directory))" }
}
