// strings.cc — package strings: functions on UTF-8 strings, Builder,
// Replacer, Reader.
//
// Most of strings is written in Go on top of a few native primitives:
//   Index, IndexByte, LastIndex, LastIndexByte   substring search (memchr,
//                                                two-way/Rabin-Karp in C++)
//   ToUpper, ToLower, ToTitle, EqualFold         need Unicode case tables
//   unsafeString(b)                              a string sharing b's bytes,
//                                                for Builder.String and the
//                                                functions that build a []byte
// Everything that takes a func argument (Map, FieldsFunc, IndexFunc, the
// Trim*Func family) is Go, so a callback never runs from C++ (DESIGN.md §4).
// Go's strings uses unicode.IsSpace; isSpace below lists the White_Space
// code points itself (there are 25; the set is stable across Unicode
// versions) rather than importing unicode for one predicate.
//
// Behaviour is Go's to the byte, including the odd corners: invalid UTF-8 is
// seen as U+FFFD one byte at a time, Replacer steps byte-wise so an empty
// pattern matches inside a multi-byte rune, Map returns s itself only when
// nothing changed. Func arguments are called once per rune, in order, as Go
// calls them, because user funcs may have side effects.
//
// Left out: Title (deprecated), ToUpperSpecial & co (need unicode.SpecialCase),
// and the Go 1.24 iterator functions (Lines, SplitSeq, ...).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kStringsSource = R"go(package strings

import (
	"errors"
	"io"
	"unicode/utf8"
)

const maxInt = int(^uint(0) >> 1)

// ---- natives ----

// Index returns the index of the first instance of substr in s, or -1.
func Index(s, substr string) int

// IndexByte returns the index of the first instance of c in s, or -1.
func IndexByte(s string, c byte) int

// LastIndex returns the index of the last instance of substr in s, or -1.
func LastIndex(s, substr string) int

// LastIndexByte returns the index of the last instance of c in s, or -1.
func LastIndexByte(s string, c byte) int

func ToUpper(s string) string
func ToLower(s string) string
func ToTitle(s string) string

// EqualFold reports whether s and t are equal under simple Unicode case
// folding.
func EqualFold(s, t string) bool

// unsafeString returns a string that shares b's bytes. b must never be
// written again below len(b).
func unsafeString(b []byte) string

// ---- searching ----

func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

func ContainsAny(s, chars string) bool {
	return IndexAny(s, chars) >= 0
}

func ContainsRune(s string, r rune) bool {
	return IndexRune(s, r) >= 0
}

func ContainsFunc(s string, f func(rune) bool) bool {
	return IndexFunc(s, f) >= 0
}

func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Count returns the number of non-overlapping instances of substr in s; for
// an empty substr, one more than the number of runes.
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// IndexRune returns the index of the first instance of r in s, or -1. For
// RuneError it also finds the first invalid byte; an invalid rune is never
// found.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	return Index(s, string(r))
}

// IndexAny returns the index of the first rune of s that is in chars, or -1.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexAny returns the index of the last rune of s that is in chars, or -1.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index of the first rune c of s with f(c), or -1.
func IndexFunc(s string, f func(rune) bool) int {
	return indexFunc(s, f, true)
}

// LastIndexFunc returns the index of the last rune c of s with f(c), or -1.
func LastIndexFunc(s string, f func(rune) bool) int {
	return lastIndexFunc(s, f, true)
}

func indexFunc(s string, f func(rune) bool, want bool) int {
	for i, c := range s {
		if f(c) == want {
			return i
		}
	}
	return -1
}

func lastIndexFunc(s string, f func(rune) bool, want bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if f(r) == want {
			return i
		}
	}
	return -1
}

// ---- cutting and splitting ----

func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

func Split(s, sep string) []string {
	return split(s, sep, 0, -1)
}

func SplitAfter(s, sep string) []string {
	return split(s, sep, len(sep), -1)
}

func SplitN(s, sep string, n int) []string {
	return split(s, sep, 0, n)
}

func SplitAfterN(s, sep string, n int) []string {
	return split(s, sep, len(sep), n)
}

// split cuts s around at most n-1 instances of sep (all of them if n < 0),
// keeping the first keep bytes of each separator with the piece before it.
// An empty sep splits s into its UTF-8 sequences.
func split(s, sep string, keep, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	parts := make([]string, n)
	i := 0
	for ; i < n-1; i++ {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		parts[i] = s[:m+keep]
		s = s[m+len(sep):]
	}
	parts[i] = s
	return parts[:i+1]
}

// explode splits s into its UTF-8 sequences, at most n of them; the last
// holds the rest. An invalid byte becomes "\uFFFD", as in Go.
func explode(s string, n int) []string {
	count := utf8.RuneCountInString(s)
	if n < 0 || n > count {
		n = count
	}
	parts := make([]string, n)
	for i := 0; i < n-1; i++ {
		r, size := utf8.DecodeRuneInString(s)
		parts[i] = s[:size]
		if r == utf8.RuneError {
			parts[i] = string(utf8.RuneError)
		}
		s = s[size:]
	}
	if n > 0 {
		parts[n-1] = s
	}
	return parts
}

// Fields splits s around runs of white space.
func Fields(s string) []string {
	return FieldsFunc(s, isSpace)
}

// FieldsFunc splits s around runs of runes c with f(c). The result is never
// nil, as in Go.
func FieldsFunc(s string, f func(rune) bool) []string {
	fields := []string{}
	start := -1 // start of the current field, or -1 between fields
	for i, c := range s {
		if f(c) {
			if start >= 0 {
				fields = append(fields, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		fields = append(fields, s[start:])
	}
	return fields
}

// isSpace reports whether r has the Unicode White_Space property, as
// unicode.IsSpace does.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch {
	case r == 0x85, r == 0xA0, r == 0x1680:
		return true
	case 0x2000 <= r && r <= 0x200A:
		return true
	case r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// ---- building ----

// Join concatenates elems with sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	if len(sep) > maxInt/(len(elems)-1) {
		panic("strings: Join output length overflow")
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		if len(e) > maxInt-n {
			panic("strings: Join output length overflow")
		}
		n += len(e)
	}
	b := make([]byte, 0, n)
	b = append(b, elems[0]...)
	for _, e := range elems[1:] {
		b = append(b, sep...)
		b = append(b, e...)
	}
	return unsafeString(b)
}

// Repeat returns count copies of s.
func Repeat(s string, count int) string {
	switch count {
	case 0:
		return ""
	case 1:
		return s
	}
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	if len(s) > maxInt/count {
		panic("strings: Repeat output length overflow")
	}
	n := len(s) * count
	if n == 0 {
		return ""
	}
	// Double the copied prefix until it fills the result.
	b := make([]byte, n)
	done := copy(b, s)
	for done < n {
		done += copy(b[done:], b[:done])
	}
	return unsafeString(b)
}

// Replace replaces the first n non-overlapping instances of old in s by new
// (all of them if n < 0). An empty old matches before each rune and at the end.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	m := Count(s, old)
	if m == 0 {
		return s
	}
	if n < 0 || m < n {
		n = m
	}
	b := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, size := utf8.DecodeRuneInString(s[start:])
				j += size
			}
		} else {
			j += Index(s[start:], old)
		}
		b = append(b, s[start:j]...)
		b = append(b, new...)
		start = j + len(old)
	}
	b = append(b, s[start:]...)
	return unsafeString(b)
}

func ReplaceAll(s, old, new string) string {
	return Replace(s, old, new, -1)
}

// Map returns s with every rune c replaced by mapping(c), dropping runes it
// maps to a negative value. Invalid bytes are seen (and written) as U+FFFD.
func Map(mapping func(rune) rune, s string) string {
	// Until the first change, nothing needs copying.
	for i, c := range s {
		r := mapping(c)
		_, size := utf8.DecodeRuneInString(s[i:])
		if r == c && !(c == utf8.RuneError && size == 1) {
			continue
		}
		b := make([]byte, i, len(s)+utf8.UTFMax)
		copy(b, s[:i])
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		for _, c := range s[i+size:] {
			if r := mapping(c); r >= 0 {
				b = utf8.AppendRune(b, r)
			}
		}
		return unsafeString(b)
	}
	return s
}

// ToValidUTF8 replaces each run of invalid bytes in s by replacement.
func ToValidUTF8(s, replacement string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+len(replacement))
	invalid := false // the previous byte was invalid
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			b = append(b, s[i])
			i++
			invalid = false
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 {
			if !invalid {
				b = append(b, replacement...)
				invalid = true
			}
			i++
			continue
		}
		b = append(b, s[i:i+size]...)
		i += size
		invalid = false
	}
	return unsafeString(b)
}

// Clone returns a fresh copy of s.
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	b := make([]byte, len(s))
	copy(b, s)
	return unsafeString(b)
}

// Compare returns -1, 0 or 1 as a is less than, equal to or greater than b.
func Compare(a, b string) int {
	switch {
	case a == b:
		return 0
	case a < b:
		return -1
	}
	return 1
}

// ---- trimming ----

func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Trim removes from both ends of s the runes contained in cutset.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimFunc(s, func(r rune) bool { return ContainsRune(cutset, r) })
}

func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimLeftFunc(s, func(r rune) bool { return ContainsRune(cutset, r) })
}

func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRightFunc(s, func(r rune) bool { return ContainsRune(cutset, r) })
}

// TrimSpace removes white space (isSpace) from both ends of s.
func TrimSpace(s string) string {
	return TrimFunc(s, isSpace)
}

func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func TrimLeftFunc(s string, f func(rune) bool) string {
	i := indexFunc(s, f, false)
	if i < 0 {
		return ""
	}
	return s[i:]
}

func TrimRightFunc(s string, f func(rune) bool) string {
	i := lastIndexFunc(s, f, false)
	if i < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i+size]
}

// ---- Builder ----

// A Builder builds a string with Write methods, copying each byte once: its
// String shares the builder's buffer, which is only ever appended to. The
// zero value is ready to use; a non-zero Builder must not be copied.
type Builder struct {
	addr *Builder // the builder's own address once used, to detect copies
	buf  []byte
}

func (b *Builder) copyCheck() {
	if b.addr == nil {
		b.addr = b
	} else if b.addr != b {
		panic("strings: illegal use of non-zero Builder copied by value")
	}
}

func (b *Builder) String() string {
	return unsafeString(b.buf)
}

func (b *Builder) Len() int {
	return len(b.buf)
}

func (b *Builder) Cap() int {
	return cap(b.buf)
}

func (b *Builder) Reset() {
	b.addr = nil
	b.buf = nil
}

// Grow makes room for at least n more bytes without another allocation.
func (b *Builder) Grow(n int) {
	b.copyCheck()
	if n < 0 {
		panic("strings.Builder.Grow: negative count")
	}
	if cap(b.buf)-len(b.buf) < n {
		buf := make([]byte, len(b.buf), 2*cap(b.buf)+n)
		copy(buf, b.buf)
		b.buf = buf
	}
}

func (b *Builder) Write(p []byte) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *Builder) WriteByte(c byte) error {
	b.copyCheck()
	b.buf = append(b.buf, c)
	return nil
}

func (b *Builder) WriteRune(r rune) (int, error) {
	b.copyCheck()
	n := len(b.buf)
	b.buf = utf8.AppendRune(b.buf, r)
	return len(b.buf) - n, nil
}

func (b *Builder) WriteString(s string) (int, error) {
	b.copyCheck()
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// ---- Replacer ----

// A Replacer replaces a list of strings with replacements. It scans its
// input once, left to right, byte by byte; at each position the first pair
// (in argument order) whose old string starts there wins, and scanning
// resumes after it. An empty old string matches at every position, except
// right after another empty match.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a Replacer from old, new string pairs.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// Replace returns s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	w := &byteWriter{make([]byte, 0, len(s))}
	r.WriteString(w, s)
	return unsafeString(w.buf)
}

// WriteString writes s with all replacements performed to w.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	sw, ok := w.(io.StringWriter)
	if !ok {
		sw = writerAdapter{w}
	}
	last := 0 // s[last:i] is pending output
	emptyBefore := false
	for i := 0; i <= len(s); {
		k := r.match(s[i:], emptyBefore)
		if k < 0 {
			emptyBefore = false
			i++
			continue
		}
		old, new := r.oldnew[k], r.oldnew[k+1]
		emptyBefore = old == ""
		var m int
		m, err = sw.WriteString(s[last:i])
		n += m
		if err != nil {
			return n, err
		}
		m, err = sw.WriteString(new)
		n += m
		if err != nil {
			return n, err
		}
		i += len(old)
		last = i
	}
	if last != len(s) {
		var m int
		m, err = sw.WriteString(s[last:])
		n += m
	}
	return n, err
}

// match returns the index in oldnew of the first old string that is a prefix
// of s, ignoring the empty one if skipEmpty; -1 if there is none.
func (r *Replacer) match(s string, skipEmpty bool) int {
	for k := 0; k < len(r.oldnew); k += 2 {
		old := r.oldnew[k]
		if old == "" && skipEmpty {
			continue
		}
		if HasPrefix(s, old) {
			return k
		}
	}
	return -1
}

type byteWriter struct {
	buf []byte
}

func (w *byteWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func (w *byteWriter) WriteString(s string) (int, error) {
	w.buf = append(w.buf, s...)
	return len(s), nil
}

// writerAdapter gives a plain io.Writer a WriteString method.
type writerAdapter struct {
	w io.Writer
}

func (a writerAdapter) WriteString(s string) (int, error) {
	return a.w.Write([]byte(s))
}

// ---- Reader ----

// A Reader reads from a string: io.Reader, io.ReaderAt, io.ByteScanner,
// io.RuneScanner, io.Seeker and io.WriterTo. Its zero value reads "".
type Reader struct {
	s        string
	i        int64 // the next byte to read
	prevRune int   // where the last ReadRune started; -1 if the last call was not ReadRune
}

// NewReader returns a Reader reading s.
func NewReader(s string) *Reader { return &Reader{s, 0, -1} }

// Reset makes r read s from the start.
func (r *Reader) Reset(s string) { *r = Reader{s, 0, -1} }

// Len returns the number of unread bytes.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size returns the length of the whole string.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return n, nil
}

// ReadAt reads from offset off without moving the read position.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, errors.New("strings.Reader.ReadAt: negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return n, err
}

func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return c, nil
}

func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadByte: at beginning of string")
	}
	r.prevRune = -1
	r.i--
	return nil
}

func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if c := r.s[r.i]; c < utf8.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8.DecodeRuneInString(r.s[r.i:])
	r.i += int64(size)
	return ch, size, nil
}

// UnreadRune steps back over the rune the previous ReadRune returned.
func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return errors.New("strings.Reader.UnreadRune: at beginning of string")
	}
	if r.prevRune < 0 {
		return errors.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Seek sets the read position (io.SeekStart, io.SeekCurrent, io.SeekEnd);
// past the end is allowed, before the start is not.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var pos int64
	switch whence {
	case io.SeekStart:
		pos = offset
	case io.SeekCurrent:
		pos = r.i + offset
	case io.SeekEnd:
		pos = int64(len(r.s)) + offset
	default:
		return 0, errors.New("strings.Reader.Seek: invalid whence")
	}
	if pos < 0 {
		return 0, errors.New("strings.Reader.Seek: negative position")
	}
	r.i = pos
	return pos, nil
}

// WriteTo writes the unread part to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	rest := r.s[r.i:]
	m, err := io.WriteString(w, rest)
	if m > len(rest) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	if m != len(rest) && err == nil {
		err = io.ErrShortWrite
	}
	return int64(m), err
}
)go";

}  // namespace gol::stdlib
