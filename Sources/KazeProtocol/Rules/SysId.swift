// SysId: the merchant's `head.sysId` — 1 to 64 ASCII letters or digits — checked by the client's
// configuration and by the sandbox's `--sys-id` alike.

/// The format of a merchant sysId.
public enum SysId {
    /// What a sysId must be, for messages.
    public static let expected = "1 to 64 ASCII letters or digits"

    /// True when `text` is 1 to 64 ASCII letters or digits.
    public static func isValid(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
    }
}
