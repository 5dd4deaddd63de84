// kazebatch: a thin executable over KazeCLI.

import Foundation
import KazeCLI

// A reader that goes away (`kazebatch run ... | head -1`) must not kill the process with
// SIGPIPE: writes to it just fail, and the command ends with its own exit code.
_ = signal(SIGPIPE, SIG_IGN)
// A file-size limit (`ulimit -f`) must not kill the process with SIGXFSZ in the middle of a
// journal write: the write fails with EFBIG instead, and the run stops cleanly (exit 7).
_ = signal(SIGXFSZ, SIG_IGN)
#if canImport(Glibc)
// Buffers of a megabyte or more (a KYC request's images, plain JSON, ciphertext and wire bytes)
// get their own mapping, given back to the system when freed: a fixed threshold stops glibc from
// raising it after the first such free and keeping the freed megabytes in its arenas, which
// held the peak RSS of a KYC batch at --concurrency 8 near 190 MB instead of about 115 MB.
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32  // <malloc.h>, not in Glibc's module
let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
_ = glibcMallopt(mmapThreshold, 1 << 20)
#endif
let code = await CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
