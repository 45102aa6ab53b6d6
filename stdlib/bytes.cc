// bytes.cc — package bytes: Buffer and functions on byte slices.
//
// Written in Go. Buffer follows Go's layout and growth (a 64-byte first
// allocation, sliding the contents down before growing, doubling through
// append), so Len, Cap and Available read as Go's do. The functions that
// answer with a number or a bool convert to string and ask package strings
// (one search implementation, the natives' memmem/memchr); the ones that
// return slices are written out here, because Go's return subslices of
// their argument (sharing its bytes, with the capacity Go gives them) or
// nil in the corners Go returns nil, and programs can see both.
//
// Absent: Reader, the *Func family (FieldsFunc, TrimFunc, IndexFunc ...),
// Trim/TrimLeft/TrimRight with a cutset, Title, ToTitle, Replace/ReplaceAll,
// Map, ContainsFunc and the Go 1.24 iterator functions.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kBytesSource = R"go(package bytes

import (
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRead is the smallest slice ReadFrom passes to a Read call.
const MinRead = 512

const firstAlloc = 64 // a Buffer's first allocation, when small writes start it

// ErrTooLarge is the panic value when a Buffer cannot grow.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

const maxInt = int(^uint(0) >> 1)

// lastRead values: the size of the rune the last ReadRune read, or these.
const (
	lastOtherRead int8 = -1 // a read that was not ReadRune
	lastNoRead    int8 = 0  // not a read
)

// A Buffer is a variable-sized buffer of bytes with Read and Write
// methods. The zero value is an empty buffer ready to use.
type Buffer struct {
	buf      []byte // the contents are buf[off:]
	off      int    // reads start here, writes append to buf
	lastRead int8   // what UnreadByte and UnreadRune may undo
}

// NewBuffer returns a Buffer whose contents are buf (which it then owns).
func NewBuffer(buf []byte) *Buffer { return &Buffer{buf: buf} }

// NewBufferString returns a Buffer whose contents are s. (append rounds the
// capacity up as Go's conversion of an escaping string does.)
func NewBufferString(s string) *Buffer { return &Buffer{buf: append([]byte(nil), s...)} }

// Bytes returns the unread contents, sharing the buffer's storage.
func (b *Buffer) Bytes() []byte { return b.buf[b.off:] }

// AvailableBuffer returns an empty slice with the buffer's spare capacity.
func (b *Buffer) AvailableBuffer() []byte { return b.buf[len(b.buf):] }

// String returns the unread contents; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}

func (b *Buffer) empty() bool    { return len(b.buf) <= b.off }
func (b *Buffer) Len() int       { return len(b.buf) - b.off }
func (b *Buffer) Cap() int       { return cap(b.buf) }
func (b *Buffer) Available() int { return cap(b.buf) - len(b.buf) }

// Truncate keeps the first n unread bytes.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = lastNoRead
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}

// Reset empties the buffer, keeping its storage.
func (b *Buffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = lastNoRead
}

// extendInPlace lengthens buf by n when its capacity allows, returning
// where the new bytes start.
func (b *Buffer) extendInPlace(n int) (int, bool) {
	if l := len(b.buf); n <= cap(b.buf)-l {
		b.buf = b.buf[:l+n]
		return l, true
	}
	return 0, false
}

// grow makes room for n more bytes and returns where they start.
func (b *Buffer) grow(n int) int {
	m := b.Len()
	if m == 0 && b.off != 0 {
		b.Reset() // everything was read: start over at the front
	}
	if at, ok := b.extendInPlace(n); ok {
		return at
	}
	if b.buf == nil && n <= firstAlloc {
		b.buf = make([]byte, n, firstAlloc)
		return 0
	}
	c := cap(b.buf)
	if n <= c/2-m {
		// Sliding the unread bytes down frees enough: no allocation.
		copy(b.buf, b.buf[b.off:])
	} else if c > maxInt-c-n {
		panic(ErrTooLarge)
	} else {
		b.buf = growSlice(b.buf[b.off:], b.off+n)
	}
	b.off = 0
	b.buf = b.buf[:m+n]
	return m
}

// growSlice returns a copy of b with room for n more bytes: at least
// double the capacity, rounded up the way append rounds.
func growSlice(b []byte, n int) []byte {
	c := len(b) + n
	if c < 2*cap(b) {
		c = 2 * cap(b)
	}
	grown := append([]byte(nil), make([]byte, c)...)
	copy(grown, b)
	return grown[:len(b)]
}

// Grow makes room for n more bytes without another allocation.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	m := b.grow(n)
	b.buf = b.buf[:m]
}

func (b *Buffer) Write(p []byte) (n int, err error) {
	b.lastRead = lastNoRead
	at, ok := b.extendInPlace(len(p))
	if !ok {
		at = b.grow(len(p))
	}
	return copy(b.buf[at:], p), nil
}

func (b *Buffer) WriteString(s string) (n int, err error) {
	b.lastRead = lastNoRead
	at, ok := b.extendInPlace(len(s))
	if !ok {
		at = b.grow(len(s))
	}
	return copy(b.buf[at:], s), nil
}

func (b *Buffer) WriteByte(c byte) error {
	b.lastRead = lastNoRead
	at, ok := b.extendInPlace(1)
	if !ok {
		at = b.grow(1)
	}
	b.buf[at] = c
	return nil
}

func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.lastRead = lastNoRead
	at, ok := b.extendInPlace(utf8.UTFMax)
	if !ok {
		at = b.grow(utf8.UTFMax)
	}
	b.buf = utf8.AppendRune(b.buf[:at], r)
	return len(b.buf) - at, nil
}

// ReadFrom reads r to EOF into the buffer.
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.lastRead = lastNoRead
	for {
		at := b.grow(MinRead)
		b.buf = b.buf[:at]
		m, e := r.Read(b.buf[at:cap(b.buf)])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.buf = b.buf[:at+m]
		n += int64(m)
		if e == io.EOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}

// WriteTo writes the unread contents to w.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.lastRead = lastNoRead
	if size := b.Len(); size > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > size {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != size {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

func (b *Buffer) Read(p []byte) (n int, err error) {
	b.lastRead = lastNoRead
	if b.empty() {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = lastOtherRead
	}
	return n, nil
}

// Next returns the next n unread bytes (fewer if there are not so many),
// sharing the buffer's storage until its next write.
func (b *Buffer) Next(n int) []byte {
	b.lastRead = lastNoRead
	if m := b.Len(); n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = lastOtherRead
	}
	return data
}

func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		b.Reset()
		return 0, io.EOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = lastOtherRead
	return c, nil
}

func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		b.Reset()
		return 0, 0, io.EOF
	}
	if c := b.buf[b.off]; c < utf8.RuneSelf {
		b.off++
		b.lastRead = 1
		return rune(c), 1, nil
	}
	r, size = utf8.DecodeRune(b.buf[b.off:])
	b.off += size
	b.lastRead = int8(size)
	return r, size, nil
}

// UnreadRune steps back over the rune the last ReadRune read.
func (b *Buffer) UnreadRune() error {
	if b.lastRead <= lastNoRead {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.off >= int(b.lastRead) {
		b.off -= int(b.lastRead)
	}
	b.lastRead = lastNoRead
	return nil
}

// UnreadByte steps back one byte after any successful read.
func (b *Buffer) UnreadByte() error {
	if b.lastRead == lastNoRead {
		return errUnreadByte
	}
	b.lastRead = lastNoRead
	if b.off > 0 {
		b.off--
	}
	return nil
}

// readSlice returns the bytes up to and including delim (or to the end,
// with io.EOF), sharing the buffer's storage.
func (b *Buffer) readSlice(delim byte) (line []byte, err error) {
	i := IndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = io.EOF
	}
	line = b.buf[b.off:end]
	b.off = end
	b.lastRead = lastOtherRead
	return line, err
}

// ReadBytes returns a copy of the bytes up to and including delim.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	slice, err := b.readSlice(delim)
	line = append(line, slice...)
	return line, err
}

// ReadString returns the bytes up to and including delim as a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	slice, err := b.readSlice(delim)
	return string(slice), err
}

// ---------------------------------------------------------------- searching

func Equal(a, b []byte) bool                  { return string(a) == string(b) }
func Compare(a, b []byte) int                 { return strings.Compare(string(a), string(b)) }
func Contains(b, subslice []byte) bool        { return strings.Contains(string(b), string(subslice)) }
func ContainsAny(b []byte, chars string) bool { return strings.ContainsAny(string(b), chars) }
func ContainsRune(b []byte, r rune) bool      { return strings.ContainsRune(string(b), r) }
func Count(s, sep []byte) int                 { return strings.Count(string(s), string(sep)) }
func HasPrefix(s, prefix []byte) bool         { return strings.HasPrefix(string(s), string(prefix)) }
func HasSuffix(s, suffix []byte) bool         { return strings.HasSuffix(string(s), string(suffix)) }
func Index(s, sep []byte) int                 { return strings.Index(string(s), string(sep)) }
func IndexByte(b []byte, c byte) int          { return strings.IndexByte(string(b), c) }
func IndexRune(s []byte, r rune) int          { return strings.IndexRune(string(s), r) }
func IndexAny(s []byte, chars string) int     { return strings.IndexAny(string(s), chars) }
func LastIndex(s, sep []byte) int             { return strings.LastIndex(string(s), string(sep)) }
func LastIndexByte(s []byte, c byte) int      { return strings.LastIndexByte(string(s), c) }
func EqualFold(s, t []byte) bool              { return strings.EqualFold(string(s), string(t)) }

// ------------------------------------------------------------ slicing apart

// Split slices s into the subslices between separators (each rune, when
// sep is empty). The pieces share s's bytes.
func Split(s, sep []byte) [][]byte { return splitN(s, sep, 0, -1) }

// SplitN is Split into at most n pieces (n < 0: all; n == 0: nil).
func SplitN(s, sep []byte, n int) [][]byte { return splitN(s, sep, 0, n) }

// SplitAfter is Split keeping each separator at the end of its piece.
func SplitAfter(s, sep []byte) [][]byte { return splitN(s, sep, len(sep), -1) }

// SplitAfterN is SplitAfter into at most n pieces.
func SplitAfterN(s, sep []byte, n int) [][]byte { return splitN(s, sep, len(sep), n) }

// splitN cuts s at sep, keeping keep bytes of each separator; every piece
// but the last has its capacity cut to its length.
func splitN(s, sep []byte, keep, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return splitRunes(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	pieces := make([][]byte, n)
	i := 0
	for ; i < n-1; i++ {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		pieces[i] = s[: m+keep : m+keep]
		s = s[m+len(sep):]
	}
	pieces[i] = s
	return pieces[:i+1]
}

// splitRunes cuts s into runes, at most n pieces (the last takes the rest).
func splitRunes(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	pieces := make([][]byte, n)
	count := 0
	for len(s) > 0 {
		if count+1 >= n {
			pieces[count] = s
			count++
			break
		}
		_, size := utf8.DecodeRune(s)
		pieces[count] = s[0:size:size]
		s = s[size:]
		count++
	}
	return pieces[0:count]
}

// isASCIISpace is '\t', '\n', '\v', '\f', '\r' or ' '.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// Fields splits s around runs of white space (unicode.IsSpace); the fields
// share s's bytes, each with its capacity cut to its length.
func Fields(s []byte) [][]byte {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return fieldsUnicode(s)
		}
	}
	count := 0
	inField := false
	for _, c := range s {
		if isASCIISpace(c) {
			inField = false
		} else if !inField {
			inField = true
			count++
		}
	}
	fields := make([][]byte, count)
	k := 0
	i := 0
	for i < len(s) {
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
		start := i
		for i < len(s) && !isASCIISpace(s[i]) {
			i++
		}
		if i > start {
			fields[k] = s[start:i:i]
			k++
		}
	}
	return fields
}

func fieldsUnicode(s []byte) [][]byte {
	var starts, ends []int
	start := -1
	for i := 0; i < len(s); {
		size := 1
		r := rune(s[i])
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if unicode.IsSpace(r) {
			if start >= 0 {
				starts = append(starts, start)
				ends = append(ends, i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		starts = append(starts, start)
		ends = append(ends, len(s))
	}
	fields := make([][]byte, len(starts))
	for i := range starts {
		fields[i] = s[starts[i]:ends[i]:ends[i]]
	}
	return fields
}

// Cut slices s around the first sep: before, after, and whether sep was found.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// TrimPrefix returns s without prefix, if it starts with it.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without suffix, if it ends with it.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// TrimSpace returns the subslice of s without leading and trailing white
// space; nil when nothing is left.
func TrimSpace(s []byte) []byte {
	start := 0
	for ; start < len(s); start++ {
		c := s[start]
		if c >= utf8.RuneSelf {
			return trimSpaceUnicode(s[start:])
		}
		if !isASCIISpace(c) {
			break
		}
	}
	stop := len(s)
	for ; stop > start; stop-- {
		c := s[stop-1]
		if c >= utf8.RuneSelf {
			return trimSpaceUnicode(s[start:stop])
		}
		if !isASCIISpace(c) {
			break
		}
	}
	if start == stop {
		return nil
	}
	return s[start:stop]
}

// trimSpaceUnicode trims white space runes from both ends: nil when only
// space is left.
func trimSpaceUnicode(s []byte) []byte {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[size:]
	}
	if len(s) == 0 {
		return nil
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRune(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// ------------------------------------------------------------ making anew

// Join concatenates the slices of s with sep between them, into new storage.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, n)
	at := copy(b, s[0])
	for _, v := range s[1:] {
		at += copy(b[at:], sep)
		at += copy(b[at:], v)
	}
	return b
}

// Repeat returns count copies of b. It panics if count is negative or the
// result would not fit.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	if len(b) > maxInt/count {
		panic("bytes: Repeat output length overflow")
	}
	out := make([]byte, len(b)*count)
	at := copy(out, b)
	for at < len(out) {
		at += copy(out[at:], out[:at])
	}
	return out
}

// Clone returns a copy of b (nil for nil).
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// Runes returns the runes of s (U+FFFD for each invalid byte).
func Runes(s []byte) []rune {
	runes := make([]rune, utf8.RuneCount(s))
	for i := 0; len(s) > 0; i++ {
		r, size := utf8.DecodeRune(s)
		runes[i] = r
		s = s[size:]
	}
	return runes
}

// ToUpper returns a copy of s with every letter upper case.
func ToUpper(s []byte) []byte { return changeCase(s, 'a', 'z', 'A'-'a', unicode.ToUpper) }

// ToLower returns a copy of s with every letter lower case.
func ToLower(s []byte) []byte { return changeCase(s, 'A', 'Z', 'a'-'A', unicode.ToLower) }

// changeCase maps s through to: ASCII by adding delta to bytes in
// [lo, hi], anything else rune by rune.
func changeCase(s []byte, lo, hi byte, delta int, to func(rune) rune) []byte {
	changes := false
	for _, c := range s {
		if c >= utf8.RuneSelf {
			out := make([]byte, 0, len(s))
			for i := 0; i < len(s); {
				size := 1
				r := rune(s[i])
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRune(s[i:])
				}
				out = utf8.AppendRune(out, to(r))
				i += size
			}
			return out
		}
		changes = changes || (lo <= c && c <= hi)
	}
	if !changes {
		return append([]byte(""), s...)
	}
	out := make([]byte, len(s))
	for i, c := range s {
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		out[i] = c
	}
	return out
}
)go";

}  // namespace gol::stdlib
