/// How the tokenizer sees one Unicode scalar. Decided by code-point ranges, not Foundation, so it is fast and stable.
enum ScalarClass: UInt8, Sendable {
    case latin, devanagari, digit, combining, emoji, space, newline, punct, drop

    /// Classifies `s` after cleaning (digits already ASCII, invisible marks already gone).
    @inline(__always)
    static func of(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        switch v {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .latin
        case 0x0A: return .newline
        case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x00...0x7F: return .punct
        case 0xC0...0x24F: return (v == 0xD7 || v == 0xF7) ? .punct : .latin
        case 0x1E00...0x1EFF: return .latin
        case 0x0300...0x036F: return .combining
        case 0x0964, 0x0965, 0x0970: return .punct
        case 0x0900...0x097F, 0xA8E0...0xA8FF: return .devanagari
        case 0x1F300...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x1F000...0x1F2FF: return .emoji
        case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0000...0xE007F: return .drop
        default:
            return .punct
        }
    }
}

/// Folds an emoji to the signal it carries in a tip group, or nil when it carries none.
enum EmojiSignal {
    static func key(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x1F37A, 0x1F37B, 0x1F37E, 0x1F943, 0x1F377, 0x1F376, 0x1F378, 0x1F379, 0x1F942: return "<liquor>"
        case 0x1F52B, 0x1F5E1, 0x1F52A, 0x1F4A3, 0x2694: return "<weapon>"
        case 0x1F5F3: return "<ballot>"
        case 0x1F4B0, 0x1F4B5, 0x1F4B8, 0x1F4B4: return "<money>"
        case 0x1F6A8: return "<alarm>"
        case 0x1F64F: return "<namaste>"
        case 0x1F44D, 0x1F44C, 0x1F44F: return "<thumbs>"
        case 0x1F1EE: return "<flag>"
        case 0x1F60A, 0x1F600, 0x1F601, 0x1F602, 0x1F603, 0x1F604, 0x1F60D, 0x1F917, 0x1F339, 0x1F490, 0x2764, 0x1F496:
            return "<smile>"
        default: return nil
        }
    }
}
