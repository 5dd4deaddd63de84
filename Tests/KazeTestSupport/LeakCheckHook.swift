// LeakCheckHook: LeakSanitizer's opt-out hook, read when a process built with
// `--sanitize=address` exits (`make sanitize`); without a sanitizer nothing reads it.

/// Turns LeakSanitizer's exit check off in the XCTest runner only; the `kazebatch` processes
/// the tests start are still checked (a leak fails their exit status), and so are the fuzz
/// targets. Swift stores the side table of an object that ever had a weak reference as an
/// encoded pointer LeakSanitizer cannot follow, so XCTest's own test runs and every test case
/// they hold read as leaked at exit (about 16,000 false reports a run).
@_cdecl("__lsan_is_turned_off")
public func leakCheckIsTurnedOff() -> CInt { 1 }
