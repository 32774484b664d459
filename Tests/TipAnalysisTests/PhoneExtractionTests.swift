import Testing
@testable import TipAnalysis

@Suite struct PhoneExtractionTests {
    func phones(_ s: String) -> [String] { TipAnalyzer().analyze(s).phones }

    @Test(arguments: [
        "+91 98765 43210", "+919876543210", "098765-43210", "9876543210", "९८७६५४३२१०", "+91-98765-43210",
        "98765 43210", "987-654-3210", "(+91) 9876543210", "91 9876543210", "0091 98765 43210", "mob.9876543210",
        "मो. ९८७६५ ४३२१०", "नंबर9876543210", "0 98765 43210", "09876 543 210",
    ])
    func formats(_ written: String) {
        #expect(phones("इसका नंबर \(written) है") == ["+919876543210"])
    }

    @Test func twoNumbersSeparatedBySpace() {
        #expect(phones("9934567812 7061234598") == ["+919934567812", "+917061234598"])
        #expect(phones("8002345671 aur 95087 65432") == ["+918002345671", "+919508765432"])
    }

    @Test(arguments: [
        "987654321",  // 9 digits
        "98765 4321",  // 9 digits in groups
        "23/11/2026 10:42",  // date
        "₹50,000 और 1,20,000 रुपये",  // amounts
        "आधार 2345 6789 0123",  // 12-digit id
        "98765432101",  // 11 digits without trunk zero
        "FIR 123456789012345",  // long id
        "5876543210",  // does not start 6-9
        "नियंत्रण कक्ष 06152-242233",  // landline: trunk 0 and STD code set apart
        "Control room 0612 2219810",  // landline
        "BR01PJ9876 गाड़ी",  // vehicle
        "BR 34 AB 9876",
        "कांड संख्या 87/2022",
    ])
    func distractors(_ text: String) {
        #expect(phones(text) == [])
    }
}
