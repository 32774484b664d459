import Foundation
import SenaniStore

/// The SHO's notification of a report, its photos and pin, its updates in place, and what goes to the group
/// when the SHO cannot be reached.
enum Notices {
    /// A new report's notification for each of its thana's SHOs (its district's SPs when the thana has none);
    /// to the group (without the tip) for an SHO the bot cannot write to.
    static func forNew(_ report: Report, thana: Thana, officers: [Officer], spsIfNoSHO: [Officer] = []) -> [OutboxDraft] {
        if officers.isEmpty {
            return spsIfNoSHO.filter { $0.reachable != false }.flatMap { notice(report, thana: thana, to: $0.telegramID) }
        }
        var drafts: [OutboxDraft] = []
        var fallback = false
        for officer in officers {
            if officer.reachable == false {
                fallback = true
                continue
            }
            drafts += notice(report, thana: thana, to: officer.telegramID)
        }
        if fallback, let group = groupFallback(report, thana: thana) { drafts.append(group) }
        return drafts
    }

    /// One officer's notification, then the tip's photos and pin re-sent by file id.
    static func notice(_ report: Report, thana: Thana?, to officerID: Int64) -> [OutboxDraft] {
        var drafts = [
            OutboxDraft(
                chatID: officerID, template: "sho_notice", parameters: ReportView.parameters(report, thana: thana),
                buttons: ReportView.buttons(report), reportRef: report.ref, noticeFor: officerID)
        ]
        drafts += attachments(report.media, location: report.location, ref: report.ref, to: officerID)
        return drafts
    }

    /// Photos and a pin, sent by file id without downloading them.
    static func attachments(_ media: [MediaRef], location: GeoPoint?, ref: String, to chatID: Int64) -> [OutboxDraft] {
        var drafts: [OutboxDraft] = []
        for item in media where item.kind == "photo" {
            drafts.append(
                OutboxDraft(
                    chatID: chatID, template: "media_caption", parameters: ["ref": ref], kind: .photo(fileID: item.fileID),
                    reportRef: ref))
        }
        if let location {
            drafts.append(OutboxDraft(chatID: chatID, template: "media_caption", kind: .location(location), reportRef: ref))
        }
        return drafts
    }

    /// Every copy of a report's notification, edited to show it as it is now.
    static func edits(_ report: Report, thana: Thana?, notices: [Notice]) -> [OutboxDraft] {
        notices.map {
            OutboxDraft(
                chatID: $0.chatID, template: "sho_notice", parameters: ReportView.parameters(report, thana: thana),
                buttons: ReportView.buttons(report), kind: .edit(.outboxRow($0.outboxID)), reportRef: report.ref)
        }
    }

    /// "New tip REF — SHO, please open the bot": the ref only, never the tip, for a thana whose SHO the bot
    /// cannot write to.
    static func groupFallback(_ report: Report, thana: Thana) -> OutboxDraft? {
        guard let group = thana.chatID else { return nil }
        return OutboxDraft(chatID: group, template: "sho_unreachable_group", parameters: ["ref": report.ref], reportRef: report.ref)
    }

    /// The informant hears that his tip moved on: a reply to his message (privately for a private tip), with the
    /// ref and the new status only.
    static func tipsterUpdate(_ report: Report) -> OutboxDraft? {
        if report.source == "private" {
            // His private chat, which only the store can open.
            return .toInformant(
                of: report.ref, template: "tipster_update",
                parameters: ["ref": report.ref, "status_\(report.status.rawValue)": "1"])
        }
        guard report.source == "group", report.chatID < 0 else { return nil }
        return OutboxDraft(
            chatID: report.chatID, template: "tipster_update",
            parameters: ["ref": report.ref, "status_\(report.status.rawValue)": "1"], replyToMessageID: report.messageID,
            reportRef: report.ref)
    }
}
