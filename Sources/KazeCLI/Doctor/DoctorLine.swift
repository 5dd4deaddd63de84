// DoctorLine: one finding of `kazebatch doctor` — passed, failed (with the fix), or not
// applicable — and how it is printed.

/// One check's verdict.
struct DoctorLine: Sendable, Equatable {
    /// How a check ended.
    enum Mark: String, Sendable {
        case pass = "✓"
        case fail = "✗"
        case notApplicable = "-"
    }

    let mark: Mark
    /// What was checked (`keys`, `TCP`, `probe`, ...).
    let title: String
    /// What was found.
    let detail: String
    /// What to do about a failure.
    var fix: String?

    static func pass(_ title: String, _ detail: String) -> DoctorLine { DoctorLine(mark: .pass, title: title, detail: detail) }

    static func fail(_ title: String, _ detail: String, fix: String) -> DoctorLine {
        DoctorLine(mark: .fail, title: title, detail: detail, fix: fix)
    }

    static func notApplicable(_ title: String, _ detail: String) -> DoctorLine {
        DoctorLine(mark: .notApplicable, title: title, detail: "not applicable (\(detail))")
    }

    /// `✓ title: detail`, and for a failure a second line `  fix: ...`.
    var text: String {
        "\(mark.rawValue) \(title): \(detail)" + (fix.map { "\n    fix: \($0)" } ?? "")
    }
}
