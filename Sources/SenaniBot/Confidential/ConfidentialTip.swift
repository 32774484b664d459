import Foundation
import SenaniStore
import TelegramBotAPI
import TipAnalysis

/// A citizen's private message to the bot: a confidential tip, a follow-up to one, an answer to the police, or
/// the thana he means. Officers see his pseudonym only; his chat id is kept sealed.
enum ConfidentialTip {
    static func handle(_ message: Message, context: RouteContext) -> Outcome {
        guard let sender = message.from, !sender.isBot else { return .skip(.fromBot) }
        let body = message.body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let text = body.isEmpty ? nil : GroupTip.truncated(body)
        let analysis = text.map { context.analyzer.analyze($0) }
        let incoming = InformantMessage(
            userID: sender.id, chatID: message.chat.id, messageID: message.messageID,
            replyToMessageID: message.replyToMessage?.messageID, text: text, media: GroupTip.media(of: message),
            location: (message.location ?? message.venue?.location).map {
                GeoPoint(latitude: $0.latitude, longitude: $0.longitude)
            },
            forwardOrigin: message.forwardOrigin?.type, receivedAt: Date(timeIntervalSince1970: TimeInterval(message.date)))
        guard text != nil || !incoming.media.isEmpty || incoming.location != nil else { return .skip(.noContent) }
        return .effect(.informant(incoming, decide: decide(incoming, analysis: analysis, context: context)))
    }

    static func decide(_ message: InformantMessage, analysis: TipAnalysis?, context: RouteContext) -> InformantDecide {
        { facts in
            // An informant who floods the bot is answered once, politely; everything he sent is still kept.
            let quiet = facts.burst > Store.burstLimit
            var decision: InformantDecision
            if let question = facts.question {
                decision = Relay.answer(message, question: question, facts: facts)
            } else if let bound = facts.bound {
                decision = Relay.followUp(message, report: bound, facts: facts)
            } else if let thana = facts.thana {
                decision = tip(message, analysis: analysis, thana: thana, facts: facts, quiet: quiet, context: context)
            } else {
                decision = firstTip(message, analysis: analysis, facts: facts, context: context)
            }
            if quiet {
                decision.messages.removeAll { $0.confidential && $0.chatID == message.chatID }
                if !facts.slowed {
                    decision.steps.append(.slowed)
                    decision.messages.append(.toInformant(message.chatID, template: "slow_down"))
                }
            }
            return decision
        }
    }

    /// His thana is known: a tip is queued there, photos and follow-ups go to his latest report.
    static func tip(
        _ message: InformantMessage, analysis: TipAnalysis?, thana: Thana, facts: InformantFacts, quiet: Bool,
        context: RouteContext
    ) -> InformantDecision {
        let chat = message.chatID
        if let text = message.text, let analysis, analysis.decision != .notTip, let id = message.messageID {
            let report = NewReport(
                thanaCode: thana.code, chatID: message.userID, messageID: id, reporterUserID: message.userID, text: text,
                receivedAt: message.receivedAt, analysis: analysis, media: message.media, location: message.location,
                forwardOrigin: message.forwardOrigin)
            return InformantDecision(steps: [.queue(report, followUp: followUp(chat: chat, quiet: quiet))])
        }
        if let recent = facts.recent {
            return Relay.followUp(message, report: recent, facts: facts)
        }
        // Chatter, or a photo with nothing to attach it to: ask for what the police need.
        return InformantDecision(messages: [.toInformant(chat, template: "private_chatter", replyToMessageID: message.messageID)])
    }

    /// No thana chosen yet: a tip waits while he is asked which thana; a short answer may name it.
    static func firstTip(
        _ message: InformantMessage, analysis: TipAnalysis?, facts: InformantFacts, context: RouteContext
    ) -> InformantDecision {
        let chat = message.chatID
        let signer = context.buttons
        if !facts.held.isEmpty, let text = message.text, analysis?.isTip != true, ThanaMatcher.looksLikeAName(text) {
            let matches = ThanaMatcher.matches(text, in: facts.thanas)
            if matches.count == 1 {
                return ThanaPicker.chosen(matches[0], chat: chat, userID: message.userID, facts: facts, context: context)
            }
            if matches.isEmpty {
                return InformantDecision(messages: [
                    ThanaPicker.ask(chat, thanas: facts.thanas, all: facts.thanas, template: "thana_no_match", signer: signer)
                ])
            }
            return InformantDecision(messages: [ThanaPicker.ask(chat, thanas: matches, all: facts.thanas, signer: signer)])
        }
        // A possible tip is kept like a tip: an officer confirms it; a missed tip is worse than queued chatter.
        let isTip = analysis.map { $0.decision != .notTip } ?? false
        let isAttachment = message.text == nil && !facts.held.isEmpty
        guard isTip || isAttachment else {
            return InformantDecision(messages: [.toInformant(chat, template: "private_chatter", replyToMessageID: message.messageID)])
        }
        var decision = InformantDecision(steps: [.hold])
        // Asked once per waiting tip: the list stays above for a photo that follows.
        if isTip { decision.messages.append(ThanaPicker.ask(chat, thanas: facts.thanas, all: facts.thanas, signer: signer)) }
        return decision
    }

    /// The held tips, queued to `thana`: a held photo or pin goes with the tip before it.
    static func queueHeld(_ held: [HeldTip], thana: Thana, userID: Int64, quiet: Bool, context: RouteContext) -> [InformantStep] {
        var reports: [NewReport] = []
        for tip in held {
            if tip.text.isEmpty, var last = reports.popLast() {
                last.media += tip.media.filter { !last.media.contains($0) }
                last.location = last.location ?? tip.location
                reports.append(last)
                continue
            }
            guard !tip.text.isEmpty else { continue }
            reports.append(
                NewReport(
                    thanaCode: thana.code, chatID: userID, messageID: tip.messageID, reporterUserID: userID, text: tip.text,
                    receivedAt: tip.receivedAt, analysis: context.analyzer.analyze(tip.text), media: tip.media,
                    location: tip.location, forwardOrigin: tip.forwardOrigin))
        }
        guard !held.isEmpty else { return [] }
        return reports.map { .queue($0, followUp: followUp(chat: userID, quiet: quiet)) } + [.releaseHeld]
    }

    /// The private reply with the reference, and the SHO's notification (or the repeat's count updated).
    static func followUp(chat: Int64, quiet: Bool) -> TipFollowUp {
        { tip in
            var drafts: [OutboxDraft] = []
            var parameters = ["ref": tip.report.ref, "thana": tip.thana.name]
            if let original = tip.original { parameters["duplicate_of"] = original.ref }
            if !quiet { drafts.append(.toInformant(chat, template: "private_ack", parameters: parameters)) }
            if let original = tip.original {
                drafts += Notices.edits(original, thana: tip.thana, notices: tip.originalNotices)
            } else if tip.report.needsReview {
                // A possible tip goes into the SHO's gathered review message, as from a group.
                let reviewers = tip.officers.isEmpty ? tip.districtOfficers : tip.officers
                drafts += reviewers.filter { $0.reachable != false }.map { ReviewTip.reviewDraft(tip.report, to: $0.telegramID) }
            } else {
                drafts += Notices.forNew(tip.report, thana: tip.thana, officers: tip.officers, spsIfNoSHO: tip.districtOfficers)
            }
            return drafts
        }
    }
}
