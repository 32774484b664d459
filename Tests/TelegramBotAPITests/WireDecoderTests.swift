import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// The fast reader gives exactly what JSONDecoder gives, or steps aside: it never decodes a text JSONDecoder
/// refuses, and never decodes one differently.
@Suite struct WireDecoderTests {
    /// nil when the decoder refuses.
    func fast(_ data: Data) -> Update? { try? WireDecoder.decode(Update.self, from: data) }
    func foundation(_ data: Data) -> Update? { try? JSONDecoder().decode(Update.self, from: data) }

    @Test func everyRealPayloadDecodesTheSameAsWithJSONDecoder() throws {
        let names = try TestKit.fixtureNames(in: "updates")
        var taken = 0
        for name in names {
            let data = try TestKit.fixture("updates/\(name)")
            let expected = foundation(data)
            guard let decoded = fast(data) else { continue }
            taken += 1
            #expect(decoded == expected, "\(name)")
        }
        // Telegram's own payloads are the plain case the reader exists for.
        #expect(taken >= names.count - 2, "the fast reader took only \(taken) of \(names.count)")
    }

    @Test func whatJSONDecoderRefusesTheFastReaderRefusesToo() throws {
        let plain = #"{"update_id":7,"message":{"message_id":5,"date":1,"chat":{"id":-100,"type":"supergroup"},"text":"T"}}"#
        #expect(fast(Data(plain.utf8)) != nil)
        #expect(fast(Data(plain.utf8)) == foundation(Data(plain.utf8)))
        var variants: [String] = []
        // Every element of the poison batch, and the texts around the edges of the grammar.
        for element in UpdateBatchDecodingTests.poisonBatch { variants.append(String(decoding: element, as: UTF8.self)) }
        for text in [
            #""T\ud800""#, #""T\udc00\ud800""#, #""\u00e9\ud83d\ude00 \" \\ \/ \b\f\n\r\t""#, "\"tab\traw\"", "1", "null",
            #"["T"]"#, #""\u0000""#, #""\x41""#, #""\u12""#,
        ] {
            variants.append(plain.replacingOccurrences(of: #""T""#, with: text))
        }
        for number in ["5.0", "5e0", "-0", "05", "5.", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "\"5\"", "true"] {
            variants.append(plain.replacingOccurrences(of: #""message_id":5"#, with: #""message_id":\#(number)"#))
        }
        variants.append(plain.replacingOccurrences(of: #""date":1"#, with: #""date":1,"date":2"#))
        variants.append(plain.replacingOccurrences(of: #""date":1"#, with: #""d\u0061te":1"#))
        variants.append(plain.replacingOccurrences(of: #""type":"supergroup""#, with: #""type":"hyperchannel""#))
        variants.append(plain.replacingOccurrences(of: "}}", with: "}} x"))
        variants.append(plain + " ")
        variants.append(String(plain.dropLast()))
        variants.append(plain.replacingOccurrences(of: #""text":"T""#, with: #""text":"T","location":{"latitude":25.61,"longitude":8.5e1}"#))
        for text in variants {
            let data = Data(text.utf8)
            if let decoded = fast(data) {
                #expect(decoded == foundation(data), "\(text)")
            }
        }
    }

    @Test func randomDamageNeverMakesTheReadersDisagree() throws {
        var generator = SystemRandomNumberGenerator()
        let names = try TestKit.fixtureNames(in: "updates")
        let alphabet = Array(#"{}[]":,\ue0-19.tfn"#.utf8) + [0xC3, 0xFF, 0x80]
        for name in names {
            let original = try TestKit.fixture("updates/\(name)")
            for _ in 0..<30 {
                var bytes = [UInt8](original)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[at] = alphabet.randomElement(using: &generator)!
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(alphabet.randomElement(using: &generator)!, at: at)
                    }
                }
                let data = Data(bytes)
                if let decoded = fast(data) { #expect(decoded == foundation(data), "\(String(decoding: bytes, as: UTF8.self))") }
            }
        }
    }
}
