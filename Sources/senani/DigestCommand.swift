import ArgumentParser
import Foundation
import SenaniBot
import SenaniStore

/// `senani digest --district D [--date YYYY-MM-DD] (--print | --send)`.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Render a district's daily digest for an IST day (default: yesterday): print it, or queue it.",
        discussion: """
            --send queues the digest (text and chart) in the database's outbox for the district's digest chat (or \
            its SPs): the running `senani run` delivers it. No token is needed here. A day sent this way is also \
            recorded, so the bot does not send it again at the digest hour.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "District code, e.g. KHG.") var district: String
    @Option(help: "The IST day, YYYY-MM-DD (default: yesterday; today gives today so far).") var date: String?
    @Flag(name: .customLong("print"), help: "Write the digest's text to stdout.") var printText = false
    @Flag(name: .customLong("send"), help: "Queue the digest for the running bot to send.") var send = false
    @Option(help: "Time to acknowledge per category, for the overdue list (env SENANI_SLA).") var sla: String?
    @Option(help: "Folder of the message templates (env SENANI_TEMPLATES; default: found beside the binary).")
    var templates: String?

    func run() async throws {
        guard printText != send else { throw CLIError.usage("give exactly one of --print or --send") }
        let sla = try Settings.sla(sla)
        let now = Date()
        let today = DigestDay(containing: now)
        var day = today.advanced(by: -1)
        if let date {
            guard let parsed = DigestDay(date) else {
                throw CLIError.usage("--date must be an IST day like 2026-11-24, not \"\(date)\"")
            }
            guard parsed <= today else { throw CLIError.usage("--date \(date) is in the future") }
            day = parsed
        }
        let code = district.uppercased()
        let opened = try store.open()
        let folder = MessageTemplates.locate(explicit: Settings.value(flag: templates, environment: "SENANI_TEMPLATES"))
        let loaded: MessageTemplates
        do { loaded = try await MessageTemplates(directory: folder) } catch { throw CLIError.runtime("\(error)") }
        let builder = DigestBuilder(templates: loaded, logger: Settings.logger(level: .warning))
        let found: DigestFacts?
        do { found = try await opened.digestFacts(district: code, day: day, asOf: now, sla: sla) } catch { throw error.cliError }
        guard let facts = found else { throw CLIError.runtime("no district \(code)") }
        if printText {
            guard let text = builder.text(facts) else { throw CLIError.runtime("the digest template is missing from \(folder)") }
            print(DigestComposer.plainText(text))
            return
        }
        let chats = DigestBuilder.recipients(facts)
        guard !chats.isEmpty else {
            throw CLIError.runtime(
                "district \(code) has no digest chat (--digest-chat-id) and no SP the bot can write to: nowhere to send it")
        }
        let messages = await builder.messages(facts, to: chats)
        do {
            try await opened.queueDigest(
                district: code, day: day, messages: messages, late: false, trigger: "cli", force: true, at: now)
        } catch { throw error.cliError }
        print(
            "digest of \(code) for \(day) queued: \(messages.count) message(s) to "
                + chats.map(String.init).joined(separator: ", ") + "; the running `senani run` sends them")
    }
}
