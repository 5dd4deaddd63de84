// KazebatchVersion: the release this build is, shown by `kazebatch --version`.

/// The version of kazebatch.
public enum KazebatchVersion {
    /// `kazebatch <semantic version>`.
    public static let text = "kazebatch 0.13.0"
}
