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
//   sysStat/sysFstat (raw st_mode, size, mtime, dev, ino, errno), sysMkdir,
//   sysUnlink, sysRmdir, sysRename, sysSeek, sysPread, sysPwrite, sysFsync,
//   sysReadDirNames, randUint32 (CreateTemp's names)
// An errno becomes an error of the unexported type errno, which matches
// ErrNotExist, ErrExist and ErrPermission under errors.Is as Go's
// syscall.Errno does (there is no syscall package to name it).
//
// File holds its descriptor directly. Go's File points to a shared inner
// struct so that copies of a File value share state; gol programs only ever
// hold *File, so the indirection buys nothing here.
//
// The file-system calls (Stat, Mkdir, Remove, Rename, CreateTemp ...) follow
// Go's os on Linux, including its error types and Op names ("stat", "lstat",
// "mkdir", "remove", "rename" as a *LinkError, "createtemp", "mkdirtemp").
// RemoveAll is written over Remove, Lstat and a directory listing rather than
// Go's openat-based walk: the same results for a tree nobody else is
// changing meanwhile. FileInfo.Sys returns nil (there is no syscall package
// for its *Stat_t).
//
// Left out: ReadDir/DirEntry, Chmod/Chown/Chtimes, Truncate, links,
// processes, Chdir/Getwd; they come with the issues that need them.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kOsSource = R"go(package os

import (
	"errors"
	"io"
	"syscall"
	"time"
)

// A Signal represents an operating system signal (syscall.Signal on Linux).
type Signal interface {
	String() string
	Signal() // to distinguish from other Stringers
}

// The signals present on all systems: Interrupt (SIGINT) and Kill (SIGKILL).
var (
	Interrupt Signal = syscall.SIGINT
	Kill      Signal = syscall.SIGKILL
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

// ErrDeadlineExceeded is returned for an expired deadline (Go's
// internal/poll.ErrDeadlineExceeded; package net returns it).
var ErrDeadlineExceeded error = &deadlineExceededError{}

type deadlineExceededError struct{}

func (e *deadlineExceededError) Error() string   { return "i/o timeout" }
func (e *deadlineExceededError) Timeout() bool   { return true }
func (e *deadlineExceededError) Temporary() bool { return true }

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
func sysStat(name string, follow bool) (mode uint32, size, sec, nsec int64, dev, ino uint64, errno int)
func sysFstat(fd int) (mode uint32, size, sec, nsec int64, dev, ino uint64, errno int)
func sysUnlink(name string) int
func sysRmdir(name string) int
func sysMkdir(name string, mode uint32) int
func sysRename(from, to string) int
func sysSeek(fd int, offset int64, whence int) (off int64, errno int)
func sysPread(fd int, b []byte, off int64) (n int, errno int)
func sysPwrite(fd int, b []byte, off int64) (n int, errno int)
func sysFsync(fd int) int
func sysReadDirNames(name string) (names []string, errno int)
func randUint32() uint32

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

// LinkError records an error during a link, symlink or rename and the
// paths that caused it.
type LinkError struct {
	Op  string
	Old string
	New string
	Err error
}

func (e *LinkError) Error() string {
	return e.Op + " " + e.Old + " " + e.New + ": " + e.Err.Error()
}

func (e *LinkError) Unwrap() error {
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
	case *LinkError:
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
	fd         int
	name       string
	closed     bool
	appendMode bool // opened with O_APPEND: WriteAt is refused, as Go does
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
	fd, e := sysOpen(name, flag, syscallMode(perm))
	if e != 0 {
		return nil, &PathError{Op: "open", Path: name, Err: errno(e)}
	}
	f := NewFile(uintptr(fd), name)
	f.appendMode = flag&O_APPEND != 0
	return f, nil
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
// syscallMode turns a FileMode into the mode bits open(2) and mkdir(2) take.
func syscallMode(m FileMode) uint32 {
	o := uint32(m.Perm())
	if m&ModeSetuid != 0 {
		o |= 0x800 // S_ISUID
	}
	if m&ModeSetgid != 0 {
		o |= 0x400 // S_ISGID
	}
	if m&ModeSticky != 0 {
		o |= 0x200 // S_ISVTX
	}
	return o
}

// checkValid is the check every File method makes first.
func (f *File) checkValid(op string) error {
	if f == nil {
		return ErrInvalid
	}
	if f.closed {
		return f.wrapErr(op, ErrClosed)
	}
	return nil
}

// Seek sets the offset for the next Read or Write, relative to whence
// (io.SeekStart, io.SeekCurrent, io.SeekEnd), and returns the new offset.
func (f *File) Seek(offset int64, whence int) (ret int64, err error) {
	if err := f.checkValid("seek"); err != nil {
		return 0, err
	}
	off, e := sysSeek(f.fd, offset, whence)
	if e != 0 {
		return 0, f.wrapErr("seek", errno(e))
	}
	return off, nil
}

// ReadAt reads len(b) bytes from offset off; fewer only with an error
// (io.EOF at the end of the file).
func (f *File) ReadAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("read"); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, &PathError{Op: "readat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, e := sysPread(f.fd, b, off)
		if e != 0 {
			return n, f.wrapErr("read", errno(e))
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

var errWriteAtInAppendMode = errors.New("os: invalid use of WriteAt on file opened with O_APPEND")

// WriteAt writes all of b at offset off.
func (f *File) WriteAt(b []byte, off int64) (n int, err error) {
	if err := f.checkValid("write"); err != nil {
		return 0, err
	}
	if f.appendMode {
		return 0, errWriteAtInAppendMode
	}
	if off < 0 {
		return 0, &PathError{Op: "writeat", Path: f.name, Err: errors.New("negative offset")}
	}
	for len(b) > 0 {
		m, e := sysPwrite(f.fd, b, off)
		if e != 0 {
			return n, f.wrapErr("write", errno(e))
		}
		n += m
		b = b[m:]
		off += int64(m)
	}
	return n, nil
}

// Sync commits the file's contents to stable storage.
func (f *File) Sync() error {
	if err := f.checkValid("sync"); err != nil {
		return err
	}
	if e := sysFsync(f.fd); e != 0 {
		return f.wrapErr("sync", errno(e))
	}
	return nil
}

// Stat returns the FileInfo of the open file.
func (f *File) Stat() (FileInfo, error) {
	if err := f.checkValid("stat"); err != nil {
		return nil, err
	}
	mode, size, sec, nsec, dev, ino, e := sysFstat(f.fd)
	if e != 0 {
		return nil, f.wrapErr("stat", errno(e))
	}
	return newFileStat(basename(f.name), mode, size, sec, nsec, dev, ino), nil
}

// ---- file information ----

// A FileInfo describes a file (Go's fs.FileInfo).
type FileInfo interface {
	Name() string       // base name of the file
	Size() int64        // length in bytes for regular files
	Mode() FileMode     // file mode bits
	ModTime() time.Time // modification time
	IsDir() bool        // abbreviation for Mode().IsDir()
	Sys() any           // underlying data source (nil in gol)
}

type fileStat struct {
	name    string
	size    int64
	mode    FileMode
	modTime time.Time
	dev     uint64
	ino     uint64
}

func (fs *fileStat) Name() string       { return fs.name }
func (fs *fileStat) Size() int64        { return fs.size }
func (fs *fileStat) Mode() FileMode     { return fs.mode }
func (fs *fileStat) ModTime() time.Time { return fs.modTime }
func (fs *fileStat) IsDir() bool        { return fs.mode.IsDir() }
func (fs *fileStat) Sys() any           { return nil }

// newFileStat decodes st_mode as Go's fillFileStatFromSys does.
func newFileStat(name string, mode uint32, size, sec, nsec int64, dev, ino uint64) *fileStat {
	fs := &fileStat{name: name, size: size, modTime: time.Unix(sec, nsec), dev: dev, ino: ino}
	fs.mode = FileMode(mode & 0777)
	switch mode & 0xf000 { // S_IFMT
	case 0x6000: // S_IFBLK
		fs.mode |= ModeDevice
	case 0x2000: // S_IFCHR
		fs.mode |= ModeDevice | ModeCharDevice
	case 0x4000: // S_IFDIR
		fs.mode |= ModeDir
	case 0x1000: // S_IFIFO
		fs.mode |= ModeNamedPipe
	case 0xa000: // S_IFLNK
		fs.mode |= ModeSymlink
	case 0xc000: // S_IFSOCK
		fs.mode |= ModeSocket
	}
	if mode&0x400 != 0 {
		fs.mode |= ModeSetgid
	}
	if mode&0x800 != 0 {
		fs.mode |= ModeSetuid
	}
	if mode&0x200 != 0 {
		fs.mode |= ModeSticky
	}
	return fs
}

// basename is the last element of name, trailing slashes removed.
func basename(name string) string {
	i := len(name) - 1
	for ; i > 0 && name[i] == '/'; i-- {
		name = name[:i]
	}
	for i--; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	return name
}

// Stat describes the named file, following symbolic links.
func Stat(name string) (FileInfo, error) {
	return statNolog(name, true, "stat")
}

// Lstat describes the named file; a symbolic link is described itself.
func Lstat(name string) (FileInfo, error) {
	return statNolog(name, false, "lstat")
}

func statNolog(name string, follow bool, op string) (FileInfo, error) {
	mode, size, sec, nsec, dev, ino, e := sysStat(name, follow)
	if e != 0 {
		return nil, &PathError{Op: op, Path: name, Err: errno(e)}
	}
	return newFileStat(basename(name), mode, size, sec, nsec, dev, ino), nil
}

// SameFile reports whether fi1 and fi2 describe the same file.
func SameFile(fi1, fi2 FileInfo) bool {
	fs1, ok1 := fi1.(*fileStat)
	fs2, ok2 := fi2.(*fileStat)
	if !ok1 || !ok2 {
		return false
	}
	return fs1.dev == fs2.dev && fs1.ino == fs2.ino
}

// ---- the file system ----

// Mkdir creates a directory with the given permissions (before umask).
func Mkdir(name string, perm FileMode) error {
	if e := sysMkdir(name, syscallMode(perm)); e != 0 {
		return &PathError{Op: "mkdir", Path: name, Err: errno(e)}
	}
	return nil
}

// MkdirAll creates a directory and any missing parents; an existing
// directory is success.
func MkdirAll(path string, perm FileMode) error {
	dir, err := Stat(path)
	if err == nil {
		if dir.IsDir() {
			return nil
		}
		return &PathError{Op: "mkdir", Path: path, Err: errno(20)} // ENOTDIR
	}
	i := len(path)
	for i > 0 && path[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && path[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(path[:j-1], perm); err != nil {
			return err
		}
	}
	if err := Mkdir(path, perm); err != nil {
		// Someone may have made it meanwhile, or path ends in "..".
		dir, err1 := Lstat(path)
		if err1 == nil && dir.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// Remove removes a file or an empty directory.
func Remove(name string) error {
	e := sysUnlink(name)
	if e == 0 {
		return nil
	}
	e1 := sysRmdir(name)
	if e1 == 0 {
		return nil
	}
	// Both failed: rmdir's error says more unless name is not a directory.
	if e1 != 20 { // ENOTDIR
		e = e1
	}
	return &PathError{Op: "remove", Path: name, Err: errno(e)}
}

// RemoveAll removes path and everything under it; a path that does not
// exist is success.
func RemoveAll(path string) error {
	if path == "" {
		return nil
	}
	if path == "." || len(path) >= 2 && path[len(path)-1] == '.' && path[len(path)-2] == '/' {
		return &PathError{Op: "RemoveAll", Path: path, Err: errno(22)} // EINVAL
	}
	err := Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	dir, serr := Lstat(path)
	if serr != nil {
		if IsNotExist(serr) {
			return nil
		}
		return serr
	}
	if !dir.IsDir() {
		return err
	}
	names, e := sysReadDirNames(path)
	if e != 0 && e != 2 {
		return &PathError{Op: "open", Path: path, Err: errno(e)}
	}
	var first error
	for _, name := range names {
		if err := RemoveAll(path + "/" + name); err != nil && first == nil {
			first = err
		}
	}
	err = Remove(path)
	if err == nil || IsNotExist(err) {
		return nil
	}
	if first != nil {
		return first
	}
	return err
}

// Rename moves oldpath to newpath, replacing a file there; it refuses to
// replace a directory with anything but itself, as Go does on every system.
func Rename(oldpath, newpath string) error {
	fi, err := Lstat(newpath)
	if err == nil && fi.IsDir() {
		ofi, err := Lstat(oldpath)
		if err != nil {
			if pe, ok := err.(*PathError); ok {
				err = pe.Err
			}
			return &LinkError{"rename", oldpath, newpath, err}
		}
		if newpath == oldpath || !SameFile(fi, ofi) {
			return &LinkError{"rename", oldpath, newpath, errno(17)} // EEXIST
		}
	}
	if e := sysRename(oldpath, newpath); e != 0 {
		return &LinkError{"rename", oldpath, newpath, errno(e)}
	}
	return nil
}

// TempDir is $TMPDIR, or /tmp.
func TempDir() string {
	dir := Getenv("TMPDIR")
	if dir == "" {
		dir = "/tmp"
	}
	return dir
}

var errPatternHasSeparator = errors.New("pattern contains path separator")

// prefixAndSuffix splits pattern at its last "*".
func prefixAndSuffix(pattern string) (prefix, suffix string, err error) {
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '/' {
			return "", "", errPatternHasSeparator
		}
	}
	for i := len(pattern) - 1; i >= 0; i-- {
		if pattern[i] == '*' {
			return pattern[:i], pattern[i+1:], nil
		}
	}
	return pattern, "", nil
}

func joinPath(dir, name string) string {
	if len(dir) > 0 && dir[len(dir)-1] == '/' {
		return dir + name
	}
	return dir + "/" + name
}

// nextRandom is a random uint32 in decimal.
func nextRandom() string {
	v := randUint32()
	var buf [10]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(buf[i:])
}

// CreateTemp creates and opens a new file in dir (TempDir() if empty) named
// pattern with its last "*" (or its end) replaced by a random string.
func CreateTemp(dir, pattern string) (*File, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return nil, &PathError{Op: "createtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		f, err := OpenFile(name, O_RDWR|O_CREATE|O_EXCL, 0600)
		if IsExist(err) && try+1 < 10000 {
			continue
		}
		if IsExist(err) {
			return nil, &PathError{Op: "createtemp", Path: prefix + "*" + suffix, Err: ErrExist}
		}
		return f, err
	}
}

// MkdirTemp creates a new directory as CreateTemp creates a file, and
// returns its name.
func MkdirTemp(dir, pattern string) (string, error) {
	if dir == "" {
		dir = TempDir()
	}
	prefix, suffix, err := prefixAndSuffix(pattern)
	if err != nil {
		return "", &PathError{Op: "mkdirtemp", Path: pattern, Err: err}
	}
	prefix = joinPath(dir, prefix)
	for try := 0; ; try++ {
		name := prefix + nextRandom() + suffix
		err := Mkdir(name, 0700)
		if err == nil {
			return name, nil
		}
		if IsExist(err) && try+1 < 10000 {
			continue
		}
		if IsExist(err) {
			return "", &PathError{Op: "mkdirtemp", Path: dir + "/" + prefix + "*" + suffix, Err: ErrExist}
		}
		if IsNotExist(err) {
			if _, err := Stat(dir); IsNotExist(err) {
				return "", err
			}
		}
		return "", err
	}
}
)go";

}  // namespace gol::stdlib
