import Foundation
import SenaniBot
import SenaniStore
import TelegramBotAPI
import Testing
import TipAnalysis

/// A message of white space alone, in any script's spaces, is no content; one letter among them is read.
@Suite struct BlankMessageTests {
    let context = RouteContext(
        intake: IntakeContext(thanaByChat: [-1001: "KHG-SADAR"]), botUsername: "SenaniBot", analyzer: TipAnalyzer(),
        buttons: CallbackSigner(sign: { _ in Array(repeating: 7, count: 32) }))

    @Test(arguments: [" ", "\n\t \r\n", "\u{3000}\u{00A0}\u{2003}", "\u{85}\u{2028}"])
    func whiteSpaceAloneIsNoContent(_ text: String) {
        let outcome = UpdateRouter.standard.route(Updates.message(text: text), context: context)
        #expect(outcome.skip == .noContent && outcome.effects.isEmpty)
    }

    @Test func aTipWrappedInWhiteSpaceIsRead() {
        let text = "\n  Rampur school ke peeche aaj raat daru bik rahi hai, Pintu ka aadmi pickup se maal laata hai \u{3000}\n"
        let outcome = UpdateRouter.standard.route(Updates.message(text: text), context: context)
        #expect(outcome.skip == nil && outcome.effects.count == 1)
    }
}
