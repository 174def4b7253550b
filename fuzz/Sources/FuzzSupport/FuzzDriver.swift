import Foundation

/// libFuzzer's own driver, called from a target's `main` (SwiftPM links an executable's entry point as `main`, so
/// libFuzzer's `main` is never used; `LLVMFuzzerRunDriver` takes the same command line).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// Runs libFuzzer with this process's arguments over `testOneInput` (also exported as `LLVMFuzzerTestOneInput`), and
/// exits with its status: 0, or non-zero when an input crashed, leaked or timed out.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
