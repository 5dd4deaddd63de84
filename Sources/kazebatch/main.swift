// kazebatch: a thin executable over KazeCLI.

import Foundation
import KazeCLI

let code = await CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
