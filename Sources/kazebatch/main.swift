// kazebatch: a thin executable over KazeCLI.

import Foundation
import KazeCLI

// A reader that goes away (`kazebatch run ... | head -1`) must not kill the process with
// SIGPIPE: writes to it just fail, and the command ends with its own exit code.
_ = signal(SIGPIPE, SIG_IGN)
// A file-size limit (`ulimit -f`) must not kill the process with SIGXFSZ in the middle of a
// journal write: the write fails with EFBIG instead, and the run stops cleanly (exit 7).
_ = signal(SIGXFSZ, SIG_IGN)
let code = await CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
