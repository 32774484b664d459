import SenaniStore

/// ☑️ Close (then an outcome) and `/close REF [outcome] [resolution]`: → `closed` with an outcome.
enum CloseReport {
    /// The outcomes an officer picks from, in button order.
    static let buttonOutcomes: [ReportOutcome] = [.actionTaken, .noSubstance, .duplicate, .notPoliceMatter]

    static func command(_ request: CommandRequest) -> Outcome {
        guard let ref = request.arguments.first?.uppercased() else { return .send(request.reply("usage_close")) }
        var words = Array(request.arguments.dropFirst())
        var outcome = ReportOutcome.actionTaken
        if let first = words.first {
            if let named = Self.outcome(named: first) {
                outcome = named
                words.removeFirst()
            } else if words.count == 1, first.contains("_") {
                return .send(request.reply("usage_close"))
            }
        }
        let resolution = resolutionText(request.rest, droppingWords: request.arguments.count - words.count)
        return .effect(
            .act(
                FactsRequest(actorID: request.senderID, ref: ref),
                decide: decide(ref, outcome: outcome, resolution: resolution, reply: ActionReply(request))))
    }

    /// An outcome button: close with it.
    static func button(_ request: ButtonRequest) -> Outcome {
        guard let outcome = ButtonAction.outcome(of: request.data.action) else { return .skip(.badButton) }
        return .effect(
            .act(
                FactsRequest(actorID: request.query.from.id, ref: request.data.ref),
                decide: decide(
                    request.data.ref, outcome: outcome, resolution: nil, reply: ActionReply(request),
                    version: request.data.version)))
    }

    /// ☑️ Close: show the outcomes under the tapped message; nothing changes yet.
    static func menu(_ request: ButtonRequest) -> Outcome {
        keyboard(request, outcomes: true)
    }

    /// ↩︎ Back: the ordinary buttons again.
    static func back(_ request: ButtonRequest) -> Outcome {
        keyboard(request, outcomes: false)
    }

    private static func keyboard(_ request: ButtonRequest, outcomes: Bool) -> Outcome {
        let reply = ActionReply(request)
        let ref = request.data.ref
        return .effect(
            .act(FactsRequest(actorID: request.query.from.id, ref: ref)) { facts in
                guard let report = facts.report else { return reply.notFound(ref) }
                if let refusal = AccessPolicy.check(facts.actor, .close, report: report) {
                    return reply.refuse(refusal, ref: ref)
                }
                guard report.status != .closed, let tapped = request.tapped else {
                    var decision = Decision(messages: [reply.say("already_done", ReportView.parameters(report, thana: facts.reportThana))])
                    decision.refresh(report, thana: facts.reportThana, notices: facts.notices, reply: reply)
                    return decision
                }
                return Decision(messages: [
                    reply.say(outcomes ? "choose_outcome" : "ok"),
                    OutboxDraft(
                        chatID: tapped.chatID, template: "sho_notice",
                        parameters: ReportView.parameters(report, thana: facts.reportThana),
                        buttons: outcomes ? ReportView.closeButtons(report) : ReportView.buttons(report),
                        kind: .edit(.message(tapped.messageID)), reportRef: ref),
                ])
            })
    }

    /// - Parameter version: the version a button was signed with; nil for a command.
    static func decide(
        _ ref: String, outcome: ReportOutcome, resolution: String?, reply: ActionReply, version: Int? = nil
    ) -> Decide {
        { facts in
            guard let report = facts.report else { return reply.notFound(ref) }
            if let refusal = AccessPolicy.check(facts.actor, .close, report: report) {
                return reply.refuse(refusal, ref: ref)
            }
            guard let actor = facts.actor, report.status != .closed, version.map({ $0 == report.version }) ?? true else {
                var decision = Decision(messages: [reply.say("already_done", ReportView.parameters(report, thana: facts.reportThana))])
                if reply.isButton { decision.refresh(report, thana: facts.reportThana, notices: facts.notices, reply: reply) }
                return decision
            }
            let updated = ReportView.changed(report) {
                $0.status = .closed
                $0.closedAt = facts.now
                $0.outcome = outcome
                $0.resolution = resolution
                if $0.acknowledgedBy == nil {
                    $0.acknowledgedBy = actor.name
                    $0.acknowledgedAt = facts.now
                }
            }
            var decision = Decision(
                mutations: [.close(ref: ref, by: actor, outcome: outcome, resolution: resolution)],
                messages: [reply.say("closed", ["ref": ref, "outcome_\(outcome.rawValue)": "1"])],
                audit: [
                    AuditEntry(
                        at: facts.now, by: actor, action: "close", ref: ref, before: report.status.rawValue,
                        after: "closed: \(outcome.rawValue)", detail: resolution)
                ])
            decision.refresh(updated, thana: facts.reportThana, notices: facts.notices, reply: reply)
            if let tipster = Notices.tipsterUpdate(updated) { decision.messages.append(tipster) }
            return decision
        }
    }

    /// `action_taken`, `no_substance`… also with dashes or spaces dropped, and a few words officers type.
    static func outcome(named word: String) -> ReportOutcome? {
        let key = word.lowercased().replacingOccurrences(of: "-", with: "_")
        if let outcome = ReportOutcome(rawValue: key), outcome != .imported { return outcome }
        let synonyms: [String: ReportOutcome] = [
            "action": .actionTaken, "actiontaken": .actionTaken, "done": .actionTaken, "raid": .actionTaken,
            "nosubstance": .noSubstance, "false": .noSubstance, "fake": .noSubstance, "nothing": .noSubstance,
            "dup": .duplicate, "notpolice": .notPoliceMatter, "not_police": .notPoliceMatter,
        ]
        return synonyms[key.replacingOccurrences(of: "_", with: "")] ?? synonyms[key]
    }

    /// The officer's words after the ref and outcome, as typed (line breaks kept).
    private static func resolutionText(_ rest: String, droppingWords count: Int) -> String? {
        var remainder = Substring(rest)
        for _ in 0..<count {
            remainder = remainder.drop(while: \.isWhitespace).drop(while: { !$0.isWhitespace })
        }
        let text = remainder.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : String(text.prefix(1000))
    }
}
