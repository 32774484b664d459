import SenaniStore

/// Telegram refused an SHO's notification: he never pressed Start, or blocked the bot.
enum Unreachable {
    static func decide(officerID: Int64) -> Decide {
        { facts in
            var decision = Decision()
            if let report = facts.report, let thana = facts.reportThana, let group = Notices.groupFallback(report, thana: thana) {
                decision.messages.append(group)
            }
            guard let officer = facts.actor, officer.reachable != false else { return decision }
            // Told once: the officer stays marked until he presses Start.
            decision.mutations.append(.setReachable(officerID: officerID, false))
            decision.audit.append(
                AuditEntry(
                    at: facts.now, actorID: nil, actor: "bot", action: "officer.unreachable", ref: facts.report?.ref,
                    before: "reachable", after: "unreachable", detail: "officer \(officerID)"))
            let parameters = ["officer": officer.name, "officer_id": String(officerID), "thana": officer.thanaCode ?? ""]
            decision.messages += facts.admins.filter { $0.telegramID != officerID }.map {
                OutboxDraft(chatID: $0.telegramID, template: "admin_officer_unreachable", parameters: parameters)
            }
            return decision
        }
    }
}
