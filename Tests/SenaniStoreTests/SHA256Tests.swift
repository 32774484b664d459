import Testing

@testable import SenaniStore

@Suite struct SHA256Tests {
    @Test func fipsVectors() {
        #expect(SHA256.hash(Array("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash([]).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hash(long).hexString == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func rfc4231HMAC() {
        let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(SHA256.hmac(key: longKey, message: message).hexString
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The keyed context gives the one-shot's bytes (RFC 4231 vectors, an empty key and message, many threads at once).
    @Test func aPreparedKeyMatchesTheOneShot() async {
        #expect(HMACKey(Array("Jefe".utf8)).mac(Array("what do ya want for nothing?".utf8)).hexString
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(HMACKey(longKey).mac(message) == SHA256.hmac(key: longKey, message: message))
        #expect(HMACKey([]).mac([]) == SHA256.hmac(key: [], message: []))
        let shared = HMACKey(Array("install".utf8))
        let results = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { i in
                        let text = Array("user:\(n * 1000 + i)".utf8)
                        return shared.mac(text) == SHA256.hmac(key: Array("install".utf8), message: text)
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
