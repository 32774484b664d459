import Testing
@testable import TipAnalysis

@Suite struct VehicleExtractionTests {
    func vehicles(_ s: String) -> [String] { TipAnalyzer().analyze(s).vehicles }

    @Test(arguments: [
        ("BR 34 AB 1234", "BR34AB1234"), ("br-01-pa-4321", "BR01PA4321"), ("BR 1 P 2345", "BR1P2345"),
        ("JH 10 B 2222", "JH10B2222"), ("22 BH 1234 AA", "22BH1234AA"), ("बीआर 01 पीजे 4321", "BR01PJ4321"),
        ("BR34AB1234", "BR34AB1234"), ("UP 53 CT 7788", "UP53CT7788"), ("बीआर 06 जीबी 4455", "BR06GB4455"),
        ("BR.01.PA.4321", "BR01PA4321"), ("WB 02 AK 0099", "WB02AK0099"), ("बीआर 31 एएस 9090", "BR31AS9090"),
        ("BR 06 1234", "BR061234"), ("डब्ल्यूबी 12 एक्स 5678", "WB12X5678"),
    ])
    func formats(_ written: String, _ mark: String) {
        #expect(vehicles("गाड़ी \(written) से आया") == [mark])
    }

    @Test(arguments: [
        "XX 12 AB 1234",  // not a state
        "ka 2 se 4 baje tak",  // Hinglish words shaped like a mark
        "up 12 log aaye the",
        "9876543210",
        "कांड संख्या 87/2022",
        "BR 34 AB 12345",
    ])
    func distractors(_ text: String) {
        #expect(vehicles(text) == [])
    }

    @Test func vehicleDigitsAreNotPhones() {
        let a = TipAnalyzer().analyze("BR 34 AB 1234 9876543210")
        #expect(a.vehicles == ["BR34AB1234"])
        #expect(a.phones == ["+919876543210"])
    }
}
