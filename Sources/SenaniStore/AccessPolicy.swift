/// Who may do what, decided in one place for every command and every button.
///
/// admin: everything. SP: the reports and thanas of his district. SHO: the reports of his thana. Anyone else:
/// nothing an officer does. Pure: the store's transaction hands it the facts it read.
public enum AccessPolicy {
    /// What an officer can ask to do.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case pending, view, acknowledge, close, transfer, ask, digest, register
    }

    /// Why something was refused; each has a short reply for the person refused.
    public enum Refusal: String, Sendable, Hashable {
        /// The person is not a registered officer (or was removed).
        case notAnOfficer = "not_officer"
        /// His role does not do this (an SHO asking for the district digest).
        case wrongRole = "wrong_role"
        /// The report or thana is outside his thana or district.
        case outOfScope = "out_of_scope"
    }

    /// Nil when `officer` may do `action` to `report`; else why not.
    public static func check(_ officer: Officer?, _ action: Action, report: Report) -> Refusal? {
        check(officer, action, thana: report.thanaCode, district: report.districtCode)
    }

    /// Nil when `officer` may do `action` in `thana` of `district` (nil thana: the whole district).
    public static func check(_ officer: Officer?, _ action: Action, thana: String?, district: String) -> Refusal? {
        guard let officer else { return .notAnOfficer }
        if let refusal = roleRefusal(officer.role, action) { return refusal }
        switch officer.role {
        case .admin:
            return nil
        case .sp:
            return officer.districtCode == district ? nil : .outOfScope
        case .sho:
            guard let thana else { return .outOfScope }
            return officer.thanaCode == thana ? nil : .outOfScope
        }
    }

    /// Nil when `officer` may do `action` at all, before any report is named (`/pending`, `/digest`).
    public static func check(_ officer: Officer?, _ action: Action) -> Refusal? {
        guard let officer else { return .notAnOfficer }
        return roleRefusal(officer.role, action)
    }

    /// Nil when `officer` may move `report` to `target`: within the district, unless he is admin.
    public static func checkTransfer(_ officer: Officer?, report: Report, to target: Thana) -> Refusal? {
        if let refusal = check(officer, .transfer, report: report) { return refusal }
        if officer?.role != .admin && target.districtCode != report.districtCode { return .outOfScope }
        return nil
    }

    private static func roleRefusal(_ role: OfficerRole, _ action: Action) -> Refusal? {
        switch (role, action) {
        case (.admin, _): nil
        case (.sp, _): nil
        case (.sho, .digest), (.sho, .register): .wrongRole
        case (.sho, _): nil
        }
    }
}
