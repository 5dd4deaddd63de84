// KazebatchVersion: the one version text of kazebatch — shown by `kazebatch --version` and
// written into every run report.

/// This build's version.
public enum KazebatchVersion {
    /// `major.minor.patch`.
    public static let text = "0.13.0"
}
