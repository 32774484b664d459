/// Splits a message longer than Telegram's limit (4096 UTF-16 units) into parts, on line boundaries when it can.
public enum TextSplitter {
    public static let telegramLimit = 4096

    public static func split(_ text: String, limit: Int = telegramLimit) -> [String] {
        guard text.utf16.count > limit else { return [text] }
        var parts: [String] = []
        var current = ""
        var currentLength = 0
        func flush() {
            let trimmed = current.trimmingCharacters(in: .newlines)
            if !trimmed.isEmpty { parts.append(trimmed) }
            current = ""
            currentLength = 0
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf16.count + 1
            if currentLength + length > limit { flush() }
            if length > limit {
                // A single line longer than the limit is cut between characters (never inside one).
                for piece in hardSplit(String(line), limit: limit) {
                    current = piece
                    currentLength = piece.utf16.count
                    flush()
                }
                continue
            }
            current += line + "\n"
            currentLength += length
        }
        flush()
        return parts.isEmpty ? [""] : parts
    }

    private static func hardSplit(_ line: String, limit: Int) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var length = 0
        for character in line {
            let size = character.utf16.count
            if length + size > limit {
                pieces.append(piece)
                piece = ""
                length = 0
            }
            piece.append(character)
            length += size
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
