// syscall.cc — package syscall, the small part gol programs use with
// os/signal: Signal (Linux numbers, Go's String texts), Errno, Kill, Getpid.
//
// Signal satisfies os.Signal (String and Signal methods); os.Interrupt and
// os.Kill are Signal values declared in os.cc, which imports this package.
// The texts come from a native (vm/signal.cc holds Go's table, shared with
// nothing else but kept beside the other signal knowledge). Errno's texts
// are os's errnoString (Go's zerrors texts), registered again under this
// package by syscall_native.cc.
//
// Left out: everything else of syscall (raw system calls, Stat_t, sockets);
// os and net wrap what programs need. Rejected: a full copy of Go's
// zerrors constant tables — only the errors a program meets through Kill
// and the common portable ones are declared.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kSyscallSource = R"go(package syscall

// A Signal is a number describing a process signal.
type Signal int

// Signal makes Signal an os.Signal.
func (s Signal) Signal() {}

func (s Signal) String() string {
	if t, ok := signalText(int(s)); ok {
		return t
	}
	return "signal " + itoa(int(s))
}

// Signals (Linux numbers).
const (
	SIGABRT   = Signal(0x6)
	SIGALRM   = Signal(0xe)
	SIGBUS    = Signal(0x7)
	SIGCHLD   = Signal(0x11)
	SIGCLD    = Signal(0x11)
	SIGCONT   = Signal(0x12)
	SIGFPE    = Signal(0x8)
	SIGHUP    = Signal(0x1)
	SIGILL    = Signal(0x4)
	SIGINT    = Signal(0x2)
	SIGIO     = Signal(0x1d)
	SIGIOT    = Signal(0x6)
	SIGKILL   = Signal(0x9)
	SIGPIPE   = Signal(0xd)
	SIGPOLL   = Signal(0x1d)
	SIGPROF   = Signal(0x1b)
	SIGPWR    = Signal(0x1e)
	SIGQUIT   = Signal(0x3)
	SIGSEGV   = Signal(0xb)
	SIGSTKFLT = Signal(0x10)
	SIGSTOP   = Signal(0x13)
	SIGSYS    = Signal(0x1f)
	SIGTERM   = Signal(0xf)
	SIGTRAP   = Signal(0x5)
	SIGTSTP   = Signal(0x14)
	SIGTTIN   = Signal(0x15)
	SIGTTOU   = Signal(0x16)
	SIGUNUSED = Signal(0x1f)
	SIGURG    = Signal(0x17)
	SIGUSR1   = Signal(0xa)
	SIGUSR2   = Signal(0xc)
	SIGVTALRM = Signal(0x1a)
	SIGWINCH  = Signal(0x1c)
	SIGXCPU   = Signal(0x18)
	SIGXFSZ   = Signal(0x19)
)

// An Errno is an unsigned number describing an error condition.
type Errno uintptr

func (e Errno) Error() string {
	return errstr(int(e))
}

// Timeout and Temporary classify an Errno as Go's do (net's errors ask).
func (e Errno) Timeout() bool {
	return e == EAGAIN || e == ETIMEDOUT
}

func (e Errno) Temporary() bool {
	return e == EINTR || e == 0x18 || e == 0x17 || e.Timeout() // EMFILE, ENFILE
}

// Errors (Linux numbers).
const (
	EPERM  Errno = 0x1
	ENOENT Errno = 0x2
	ESRCH  Errno = 0x3
	EINTR  Errno = 0x4
	EIO    Errno = 0x5
	EBADF  Errno = 0x9
	EAGAIN Errno = 0xb
	EACCES Errno = 0xd
	EEXIST Errno = 0x11
	EINVAL Errno = 0x16
	EPIPE  Errno = 0x20

	EADDRINUSE   Errno = 0x62
	ECONNABORTED Errno = 0x67
	ECONNRESET   Errno = 0x68
	ETIMEDOUT    Errno = 0x6e
	ECONNREFUSED Errno = 0x6f
)

// Kill sends signal sig to the process pid (kill(2)).
func Kill(pid int, sig Signal) error {
	if e := kill(pid, int(sig)); e != 0 {
		return Errno(e)
	}
	return nil
}

func Getpid() int

// ---- natives ----

func signalText(sig int) (string, bool)
func errstr(e int) string
func kill(pid, sig int) int

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	var buf [24]byte
	i := len(buf)
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		i--
		buf[i] = byte('0' + d)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
)go";

}  // namespace gol::stdlib
