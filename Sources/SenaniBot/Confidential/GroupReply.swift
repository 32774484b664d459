import SenaniStore

/// The group's side of informant protection: the reply to a group tip carries a button that opens a private chat
/// bound to the report (so follow-up never goes into the group), and in a thana with `--delete-tips on` the tip
/// itself is deleted from the group once stored.
enum GroupReply {
    static func wrap(_ followUp: @escaping TipFollowUp, context: RouteContext) -> TipFollowUp {
        let bot = context.botUsername
        let signer = context.buttons
        return { tip in
            var drafts = followUp(tip)
            let report = tip.report
            guard report.source == "group" else { return drafts }
            let delete = tip.thana.deleteTips
            for index in drafts.indices where drafts[index].template == "group_ack" && drafts[index].chatID == report.chatID {
                // A repeat links to the first telling, which is the report that stays open.
                if let bot, let token = DeepLink.token(for: tip.original?.ref ?? report.ref, signer: signer) {
                    drafts[index].buttons = [[OutboxButton(text: "button_private", url: "https://t.me/\(bot)?start=\(token)")]]
                }
                if delete { drafts[index].parameters["deleted"] = "1" }
            }
            if delete {
                drafts.append(
                    OutboxDraft(
                        chatID: report.chatID, template: "tip_delete", kind: .delete(messageID: report.messageID),
                        reportRef: report.ref))
            }
            return drafts
        }
    }
}

/// The bot could not delete a tip in a thana's group (`--delete-tips on`) because it is not an admin there who
/// may delete messages: the admins are told once; nothing else fails.
enum DeleteTipsRefused {
    static func decide(chatID: Int64) -> Decide {
        { facts in
            guard let thana = facts.groupThana, thana.deleteTips, !thana.deleteTipsWarned else { return Decision() }
            return Decision(
                mutations: [.deleteTipsWarned(thana: thana.code)],
                messages: facts.admins.filter { $0.reachable != false }.map {
                    OutboxDraft(
                        chatID: $0.telegramID, template: "admin_cannot_delete",
                        parameters: ["thana": thana.name, "code": thana.code, "chat": String(chatID)])
                },
                audit: [
                    AuditEntry(
                        at: facts.now, actor: "bot", action: "thana.delete_tips_refused", detail: "\(thana.code): the bot is not an admin who may delete messages")
                ])
        }
    }
}
