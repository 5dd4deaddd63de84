// TestKeys+Sandbox: sandbox options built from the shared test keys.

import KazeSandbox
import KazeTestSupport

extension TestKeys {
    /// Sandbox options with the test keys; `configure` adjusts the rest.
    static func options(_ configure: (inout SandboxOptions) -> Void = { _ in }) throws -> SandboxOptions {
        var options = SandboxOptions(platformKey: try platform, merchantPublicKey: try merchant.publicKey())
        configure(&options)
        return options
    }
}
