// KazebatchVersion: the one version text of kazebatch, written into every run report.

/// This build's version.
public enum KazebatchVersion {
    /// `major.minor.patch`.
    public static let text = "0.12.0"
}
