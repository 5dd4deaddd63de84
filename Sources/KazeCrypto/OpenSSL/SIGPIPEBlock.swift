// SIGPIPEBlock: OpenSSL writes to its socket with write(2), which raises SIGPIPE when the
// peer went away. A library must not change the process-wide disposition of a signal (that is
// the executable's choice), so TLS calls run with SIGPIPE blocked on the calling thread only:
// the write fails with EPIPE, and a SIGPIPE it raised is taken off the thread before the mask
// is restored. Plain sockets need none of this: they use MSG_NOSIGNAL (Linux) or
// SO_NOSIGPIPE (Darwin, set on every socket, which covers OpenSSL's writes there too).

import Foundation

/// Runs socket-writing OpenSSL calls without the risk of a SIGPIPE.
public enum SIGPIPEBlock {
    /// `body`'s result, computed with SIGPIPE blocked on this thread (Linux; on Darwin the
    /// sockets carry SO_NOSIGPIPE and `body` runs as it is).
    public static func around<Result>(_ body: () throws -> Result) rethrows -> Result {
        #if canImport(Glibc)
        var pipe = sigset_t()
        sigemptyset(&pipe)
        sigaddset(&pipe, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        let pendingBefore = sigismember(&pending, SIGPIPE) == 1
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipe, &previous)
        defer {
            let callerErrno = errno  // what `body` left, for the caller's SSL_ERROR_SYSCALL message
            if !pendingBefore {
                sigpending(&pending)
                if sigismember(&pending, SIGPIPE) == 1 {
                    var now = timespec(tv_sec: 0, tv_nsec: 0)
                    while sigtimedwait(&pipe, nil, &now) < 0 && errno == EINTR {}
                }
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            errno = callerErrno
        }
        #endif
        return try body()
    }
}
