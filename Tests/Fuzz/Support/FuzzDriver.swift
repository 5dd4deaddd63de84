// FuzzDriver: starts libFuzzer from a fuzz target's own entry point. A debug build of a SwiftPM
// executable links `main` to `<Module>_main` (so tests can import executables), which hides
// libFuzzer's `main`; each target therefore defines `<Module>_main` and hands over to libFuzzer's
// documented driver entry, `LLVMFuzzerRunDriver`, with its test function.

/// libFuzzer's callback: one input, 0 to keep going.
public typealias FuzzTestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzTestOneInput
) -> CInt

/// Runs libFuzzer with the process's arguments (`-max_total_time=60 corpus/`, …).
public enum FuzzDriver {
    /// libFuzzer's exit status after fuzzing `test` as the command line says.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ test: FuzzTestOneInput
    ) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }
}
