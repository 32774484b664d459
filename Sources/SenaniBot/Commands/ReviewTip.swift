import SenaniStore
import TipAnalysis

/// An officer's word on what a report is: a possible tip confirmed (✅) or rejected (❌), or a tip's category
/// changed (🏷). Each is kept as a labelled example, so the model learns from the officers.
enum ReviewTip {
    /// The categories an officer picks from, in button order.
    static let categories: [TipCategory] = [.liquor, .wantedCriminal, .electionDisturbance, .other]

    static func confirm(_ request: ButtonRequest) -> Outcome {
        review(request, isTip: true)
    }

    static func reject(_ request: ButtonRequest) -> Outcome {
        review(request, isTip: false)
    }

    private static func review(_ request: ButtonRequest, isTip: Bool) -> Outcome {
        let reply = ActionReply(request)
        let ref = request.data.ref
        return .effect(
            .act(FactsRequest(actorID: request.query.from.id, ref: ref)) { facts in
                guard let report = facts.report else { return reply.notFound(ref) }
                if let refusal = AccessPolicy.check(facts.actor, .acknowledge, report: report) {
                    return reply.refuse(refusal, ref: ref)
                }
                guard let actor = facts.actor, report.needsReview, report.status != .closed else {
                    return Decision(messages: [reply.say("already_done", ReportView.parameters(report, thana: facts.reportThana))])
                }
                let updated = ReportView.changed(report) {
                    $0.needsReview = false
                    if !isTip {
                        $0.status = .closed
                        $0.outcome = .notPoliceMatter
                        $0.closedAt = facts.now
                    }
                }
                var decision = Decision(
                    mutations: [.review(ref: ref, by: actor, isTip: isTip, category: report.category)],
                    messages: [reply.say(isTip ? "review_confirmed" : "review_rejected", ["ref": ref, "cat_\(report.category.rawValue)": "1"])],
                    audit: [
                        AuditEntry(
                            at: facts.now, by: actor, action: isTip ? "review.tip" : "review.not_tip", ref: ref,
                            before: "possible tip", after: isTip ? "tip: \(report.category.rawValue)" : "not a tip")
                    ])
                // A confirmed tip now reaches its SHOs like any other.
                if isTip {
                    decision.messages += Notices.forNew(
                        updated, thana: facts.reportThana ?? Thana(code: report.thanaCode, districtCode: report.districtCode, name: report.thanaCode),
                        officers: facts.reportOfficers.filter { $0.role == .sho })
                }
                return decision
            })
    }

    /// 🏷 Change category: the four categories under the tapped message.
    static func menu(_ request: ButtonRequest) -> Outcome {
        let reply = ActionReply(request)
        let ref = request.data.ref
        return .effect(
            .act(FactsRequest(actorID: request.query.from.id, ref: ref)) { facts in
                guard let report = facts.report else { return reply.notFound(ref) }
                if let refusal = AccessPolicy.check(facts.actor, .acknowledge, report: report) {
                    return reply.refuse(refusal, ref: ref)
                }
                guard let tapped = request.tapped else { return Decision(messages: [reply.say("ok")]) }
                let buttons = categories.map {
                    OutboxButton(text: "button_category", action: ButtonAction.recategorize($0), version: report.version,
                                 values: ["cat_\($0.rawValue)": "1"])
                }
                return Decision(messages: [
                    reply.say("choose_category"),
                    OutboxDraft(
                        chatID: tapped.chatID, template: "report_full",
                        parameters: ReportView.parameters(report, thana: facts.reportThana, now: facts.now),
                        buttons: [Array(buttons.prefix(2)), Array(buttons.dropFirst(2))],
                        kind: .edit(.message(tapped.messageID)), reportRef: ref),
                ])
            })
    }

    static func recategorize(_ request: ButtonRequest) -> Outcome {
        guard let category = ButtonAction.category(of: request.data.action) else { return .skip(.badButton) }
        let reply = ActionReply(request)
        let ref = request.data.ref
        return .effect(
            .act(FactsRequest(actorID: request.query.from.id, ref: ref)) { facts in
                guard let report = facts.report else { return reply.notFound(ref) }
                if let refusal = AccessPolicy.check(facts.actor, .acknowledge, report: report) {
                    return reply.refuse(refusal, ref: ref)
                }
                guard let actor = facts.actor, report.category != category else {
                    return Decision(messages: [reply.say("ok")])
                }
                let updated = ReportView.changed(report) { $0.category = category }
                var decision = Decision(
                    mutations: [.recategorize(ref: ref, by: actor, category: category)],
                    messages: [reply.say("recategorized", ["ref": ref, "cat_\(category.rawValue)": "1"])],
                    audit: [
                        AuditEntry(
                            at: facts.now, by: actor, action: "category", ref: ref, before: report.category.rawValue,
                            after: category.rawValue)
                    ])
                decision.refresh(updated, thana: facts.reportThana, notices: facts.notices, reply: reply)
                return decision
            })
    }

    /// The line and buttons a possible tip adds to its SHO's review message.
    static func reviewDraft(_ report: Report, to officerID: Int64) -> OutboxDraft {
        let words = report.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let excerpt = words.count > 90 ? String(words.prefix(89)) + "…" : words
        let short = String(report.ref.split(separator: "-").last ?? Substring(report.ref))
        let values = ["n": short, "cat_\(report.category.rawValue)": "1"]
        return OutboxDraft(
            chatID: officerID, template: "review_notice",
            parameters: ["items": "• \(report.ref) — \(excerpt)", "count": "1"],
            buttons: [[
                OutboxButton(text: "button_review_tip", action: ButtonAction.confirmTip, version: report.version, ref: report.ref, values: values),
                OutboxButton(text: "button_review_not_tip", action: ButtonAction.notATip, version: report.version, ref: report.ref, values: values),
            ]],
            reportRef: report.ref,
            coalesce: OutboxDraft.Coalesce(key: "review:\(officerID)", period: 30 * 60))
    }
}
