// os.cc — package os: arguments, environment, exit, and files.
//
// The File type and the error types are Go; the system calls underneath are
// natives that take plain values and return an errno (0 for success):
//   sysOpen(name, flag, perm) (fd, errno)   open(2) with O_CLOEXEC, EINTR retried
//   sysRead(fd, b) (n, errno)                one read(2), EINTR retried
//   sysWrite(fd, b) (n, errno)               write(2) until all of b is
//                                            written or an error occurs; EPIPE
//                                            on fd 1 or 2 raises SIGPIPE, as Go does
//   sysClose(fd) errno
//   errnoString(e)                           the message Go prints for errno e
//   runtimeArgs(), Getenv, LookupEnv, setenv, unsetenv, Environ, Exit,
//   Getpid, hostname
// An errno becomes an error of the unexported type errno, which matches
// ErrNotExist, ErrExist and ErrPermission under errors.Is as Go's
// syscall.Errno does (there is no syscall package to name it).
//
// File holds its descriptor directly. Go's File points to a shared inner
// struct so that copies of a File value share state; gol programs only ever
// hold *File, so the indirection buys nothing here.
//
// Left out: Stat/FileInfo, directories, processes, Chdir/Getwd and the other
// file-system calls; they come with the issues that need them.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kOsSource = R"go(package os

import (
	"errors"
	"io"
)

// Args holds the command-line arguments, starting with the program name.
var Args []string = runtimeArgs()

// Standard input, output and error.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Portable analogs of some common system call errors (Go's io/fs errors).
var (
	ErrInvalid    = errors.New("invalid argument")
	ErrPermission = errors.New("permission denied")
	ErrExist      = errors.New("file already exists")
	ErrNotExist   = errors.New("file does not exist")
	ErrClosed     = errors.New("file already closed")
)

// Flags to OpenFile (Linux values).
const (
	O_RDONLY int = 0x0
	O_WRONLY int = 0x1
	O_RDWR   int = 0x2
	O_APPEND int = 0x400
	O_CREATE int = 0x40
	O_EXCL   int = 0x80
	O_SYNC   int = 0x101000
	O_TRUNC  int = 0x200
)

const (
	PathSeparator     = '/'
	PathListSeparator = ':'
	DevNull           = "/dev/null"
)

// ---- natives ----

func runtimeArgs() []string

// Exit ends the program at once with the given status; deferred functions
// do not run.
func Exit(code int)

func Getpid() int
func Getenv(key string) string
func LookupEnv(key string) (string, bool)
func Environ() []string
func setenv(key, value string) int
func unsetenv(key string) int
func hostname() (name string, errno int)
func sysOpen(name string, flag int, perm uint32) (fd int, errno int)
func sysRead(fd int, b []byte) (n int, errno int)
func sysWrite(fd int, b []byte) (n int, errno int)
func sysClose(fd int) int
func errnoString(e int) string

// ---- environment and process ----

func Setenv(key, value string) error {
	if e := setenv(key, value); e != 0 {
		return NewSyscallError("setenv", errno(e))
	}
	return nil
}

func Unsetenv(key string) error {
	if e := unsetenv(key); e != 0 {
		return NewSyscallError("unsetenv", errno(e))
	}
	return nil
}

func Hostname() (name string, err error) {
	name, e := hostname()
	if e != 0 {
		return "", NewSyscallError("uname", errno(e))
	}
	return name, nil
}

// ---- errors ----

// errno is a system call error number (Go's syscall.Errno).
type errno int

func (e errno) Error() string {
	return errnoString(int(e))
}

// Is lets errors.Is match an errno against the portable errors.
func (e errno) Is(target error) bool {
	switch target {
	case ErrPermission:
		return e == 1 || e == 13 // EPERM, EACCES
	case ErrExist:
		return e == 17 || e == 39 // EEXIST, ENOTEMPTY
	case ErrNotExist:
		return e == 2 // ENOENT
	}
	return false
}

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string {
	return e.Op + " " + e.Path + ": " + e.Err.Error()
}

func (e *PathError) Unwrap() error {
	return e.Err
}

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string {
	return e.Syscall + ": " + e.Err.Error()
}

func (e *SyscallError) Unwrap() error {
	return e.Err
}

// NewSyscallError returns a *SyscallError, or nil if err is nil.
func NewSyscallError(syscall string, err error) error {
	if err == nil {
		return nil
	}
	return &SyscallError{syscall, err}
}

func IsExist(err error) bool {
	return underlyingErrorIs(err, ErrExist)
}

func IsNotExist(err error) bool {
	return underlyingErrorIs(err, ErrNotExist)
}

func IsPermission(err error) bool {
	return underlyingErrorIs(err, ErrPermission)
}

// underlyingErrorIs unwraps only this package's own wrappers, as Go's IsExist
// family does (they predate errors.Is).
func underlyingErrorIs(err, target error) bool {
	switch e := err.(type) {
	case *PathError:
		err = e.Err
	case *SyscallError:
		err = e.Err
	}
	if err == target {
		return true
	}
	e, ok := err.(errno)
	return ok && e.Is(target)
}

// ---- files ----

// A FileMode holds a file's mode and permission bits.
type FileMode uint32

// The mode bits, in the order FileMode.String prints them.
const (
	ModeDir        FileMode = 1 << (32 - 1 - iota) // d
	ModeAppend                                     // a
	ModeExclusive                                  // l
	ModeTemporary                                  // T
	ModeSymlink                                    // L
	ModeDevice                                     // D
	ModeNamedPipe                                  // p
	ModeSocket                                     // S
	ModeSetuid                                     // u
	ModeSetgid                                     // g
	ModeCharDevice                                 // c
	ModeSticky                                     // t
	ModeIrregular                                  // ?

	ModeType          = ModeDir | ModeSymlink | ModeNamedPipe | ModeSocket | ModeDevice | ModeCharDevice | ModeIrregular
	ModePerm FileMode = 0777
)

// String renders m as ls does: the set type letters (or "-"), then rwxrwxrwx.
func (m FileMode) String() string {
	const letters = "dalTLDpSugct?"
	var buf [32]byte
	w := 0
	for i := 0; i < len(letters); i++ {
		if m&(1<<uint(31-i)) != 0 {
			buf[w] = letters[i]
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const rwx = "rwxrwxrwx"
	for i := 0; i < len(rwx); i++ {
		if m&(1<<uint(8-i)) != 0 {
			buf[w] = rwx[i]
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}

func (m FileMode) IsDir() bool     { return m&ModeDir != 0 }
func (m FileMode) IsRegular() bool { return m&ModeType == 0 }
func (m FileMode) Perm() FileMode  { return m & ModePerm }
func (m FileMode) Type() FileMode  { return m & ModeType }

// File is an open file descriptor.
type File struct {
	fd     int
	name   string
	closed bool
}

// NewFile returns a File for descriptor fd, or nil if fd is not valid.
func NewFile(fd uintptr, name string) *File {
	if int(fd) < 0 {
		return nil
	}
	return &File{fd: int(fd), name: name}
}

// Open opens the named file for reading.
func Open(name string) (*File, error) {
	return OpenFile(name, O_RDONLY, 0)
}

// Create creates or truncates the named file, opened for reading and writing.
func Create(name string) (*File, error) {
	return OpenFile(name, O_RDWR|O_CREATE|O_TRUNC, 0666)
}

// OpenFile opens the named file with the given flags and, when it creates
// the file, permissions.
func OpenFile(name string, flag int, perm FileMode) (*File, error) {
	fd, e := sysOpen(name, flag, uint32(perm.Perm()))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: errno(e)}
	}
	return NewFile(uintptr(fd), name), nil
}

func (f *File) Name() string {
	return f.name
}

func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

func (f *File) wrapErr(op string, err error) error {
	return &PathError{Op: op, Path: f.name, Err: err}
}

// Read reads up to len(b) bytes; at end of file it returns 0, io.EOF.
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.closed {
		return 0, f.wrapErr("read", ErrClosed)
	}
	n, e := sysRead(f.fd, b)
	if e != 0 {
		if n < 0 {
			n = 0
		}
		return n, f.wrapErr("read", errno(e))
	}
	if n == 0 && len(b) > 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Write writes all of b, or returns an error saying why not.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.closed {
		return 0, f.wrapErr("write", ErrClosed)
	}
	n, e := sysWrite(f.fd, b)
	if n < 0 {
		n = 0
	}
	if n != len(b) {
		err = io.ErrShortWrite
	}
	if e != 0 {
		err = f.wrapErr("write", errno(e))
	}
	return n, err
}

func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Close closes the file; closing it again is an error.
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return f.wrapErr("close", ErrClosed)
	}
	f.closed = true
	if e := sysClose(f.fd); e != 0 {
		return f.wrapErr("close", errno(e))
	}
	return nil
}

// ReadFile returns the whole contents of the named file.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, 512)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// WriteFile writes data to the named file, creating it with perm if needed
// and truncating it otherwise.
func WriteFile(name string, data []byte, perm FileMode) error {
	f, err := OpenFile(name, O_WRONLY|O_CREATE|O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}
)go";

}  // namespace gol::stdlib
