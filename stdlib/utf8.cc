// utf8.cc — package unicode/utf8: encoding and decoding runes.
//
// Pure Go, no natives: each function is a few comparisons, and the VM's own
// string ranging (for i, r := range s) does not go through this package, so
// there is no hot path here worth native code.
//
// The decoder follows the well-formedness table of the Unicode standard
// (ch. 3, table 3-7) directly: the lead byte fixes the length and the range
// allowed for the second byte (which is what excludes overlong forms,
// surrogates and values past U+10FFFF); later bytes are plain continuation
// bytes. Any ill-formed sequence decodes as (RuneError, 1), as Go's does, so
// invalid input advances one byte at a time.
// Rejected: Go's 256-entry lookup tables. They are faster in compiled Go, but
// in the interpreter a table index costs as much as the comparisons it saves,
// and the table would be one more thing to initialise at start-up.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kUtf8Source = R"go(package utf8

const (
	RuneError = '\uFFFD'     // the "error" rune, U+FFFD
	RuneSelf  = 0x80         // runes below RuneSelf are one byte, themselves
	MaxRune   = '\U0010FFFF' // the largest Unicode code point
	UTFMax    = 4            // the longest encoding, in bytes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// leadInfo returns the length of the sequence that lead byte b0 starts and
// the range its second byte must lie in; size 0 means b0 cannot start one.
func leadInfo(b0 byte) (size int, lo, hi byte) {
	switch {
	case b0 < 0xC2:
		return 0, 0, 0
	case b0 < 0xE0:
		return 2, 0x80, 0xBF
	case b0 == 0xE0:
		return 3, 0xA0, 0xBF
	case b0 == 0xED:
		return 3, 0x80, 0x9F
	case b0 < 0xF0:
		return 3, 0x80, 0xBF
	case b0 == 0xF0:
		return 4, 0x90, 0xBF
	case b0 < 0xF4:
		return 4, 0x80, 0xBF
	case b0 == 0xF4:
		return 4, 0x80, 0x8F
	}
	return 0, 0, 0
}

func isCont(b byte) bool {
	return b&0xC0 == 0x80
}

// decode decodes a sequence whose first n (at most 4) bytes are b0..b3; bytes
// past n are ignored. b0 is not ASCII.
func decode(n int, b0, b1, b2, b3 byte) (rune, int) {
	size, lo, hi := leadInfo(b0)
	if size == 0 || n < size || b1 < lo || hi < b1 {
		return RuneError, 1
	}
	switch size {
	case 2:
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	case 3:
		if !isCont(b2) {
			return RuneError, 1
		}
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	}
	if !isCont(b2) || !isCont(b3) {
		return RuneError, 1
	}
	return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
}

// DecodeRune unpacks the first encoding in p: (RuneError, 0) for empty p,
// (RuneError, 1) for an invalid encoding.
func DecodeRune(p []byte) (r rune, size int) {
	n := len(p)
	if n == 0 {
		return RuneError, 0
	}
	if p[0] < RuneSelf {
		return rune(p[0]), 1
	}
	var b1, b2, b3 byte
	if n > 1 {
		b1 = p[1]
	}
	if n > 2 {
		b2 = p[2]
	}
	if n > 3 {
		b3 = p[3]
	}
	return decode(n, p[0], b1, b2, b3)
}

// DecodeRuneInString is DecodeRune for a string.
func DecodeRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n == 0 {
		return RuneError, 0
	}
	if s[0] < RuneSelf {
		return rune(s[0]), 1
	}
	var b1, b2, b3 byte
	if n > 1 {
		b1 = s[1]
	}
	if n > 2 {
		b2 = s[2]
	}
	if n > 3 {
		b3 = s[3]
	}
	return decode(n, s[0], b1, b2, b3)
}

// DecodeLastRune unpacks the last encoding in p: (RuneError, 0) for empty p,
// (RuneError, 1) if p does not end with a valid encoding.
func DecodeLastRune(p []byte) (r rune, size int) {
	end := len(p)
	if end == 0 {
		return RuneError, 0
	}
	if p[end-1] < RuneSelf {
		return rune(p[end-1]), 1
	}
	// Back up to the last byte that could start a sequence, at most UTFMax
	// bytes from the end.
	start := end - 1
	for start > 0 && start > end-UTFMax && !RuneStart(p[start]) {
		start--
	}
	r, size = DecodeRune(p[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRuneInString is DecodeLastRune for a string.
func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	if s[end-1] < RuneSelf {
		return rune(s[end-1]), 1
	}
	start := end - 1
	for start > 0 && start > end-UTFMax && !RuneStart(s[start]) {
		start--
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// FullRune reports whether p begins with a complete encoding. An invalid
// encoding counts as complete: it decodes as one byte of RuneError.
func FullRune(p []byte) bool {
	n := len(p)
	if n == 0 {
		return false
	}
	var b1, b2 byte
	if n > 1 {
		b1 = p[1]
	}
	if n > 2 {
		b2 = p[2]
	}
	return fullRune(n, p[0], b1, b2)
}

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	var b1, b2 byte
	if n > 1 {
		b1 = s[1]
	}
	if n > 2 {
		b2 = s[2]
	}
	return fullRune(n, s[0], b1, b2)
}

func fullRune(n int, b0, b1, b2 byte) bool {
	if b0 < RuneSelf {
		return true
	}
	size, lo, hi := leadInfo(b0)
	if size == 0 || n >= size {
		return true
	}
	// A short prefix is complete only if it is already known to be invalid.
	if n > 1 && (b1 < lo || hi < b1) {
		return true
	}
	if n > 2 && !isCont(b2) {
		return true
	}
	return false
}

// RuneLen returns the number of bytes EncodeRune would write for r, or -1 if
// r is not a valid rune.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes the encoding of r (of RuneError if r is invalid) into p
// and returns its length. It panics if p is too short, before writing.
func EncodeRune(p []byte, r rune) int {
	if uint32(r) < RuneSelf {
		p[0] = byte(r)
		return 1
	}
	if !ValidRune(r) {
		r = RuneError
	}
	switch n := RuneLen(r); n {
	case 2:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case 3:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	}
	_ = p[3]
	p[0] = 0xF0 | byte(r>>18)
	p[1] = 0x80 | byte(r>>12)&0x3F
	p[2] = 0x80 | byte(r>>6)&0x3F
	p[3] = 0x80 | byte(r)&0x3F
	return 4
}

// AppendRune appends the encoding of r (of RuneError if r is invalid) to p.
func AppendRune(p []byte, r rune) []byte {
	if uint32(r) < RuneSelf {
		return append(p, byte(r))
	}
	var buf [UTFMax]byte
	n := EncodeRune(buf[:], r)
	return append(p, buf[:n]...)
}

// RuneCount returns the number of runes in p; each byte of an invalid
// encoding counts as one.
func RuneCount(p []byte) int {
	count := 0
	for i := 0; i < len(p); count++ {
		if p[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRune(p[i:])
		i += size
	}
	return count
}

// RuneCountInString is RuneCount for a string.
func RuneCountInString(s string) (n int) {
	for i := 0; i < len(s); n++ {
		if s[i] < RuneSelf {
			i++
			continue
		}
		_, size := DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// RuneStart reports whether b can begin an encoding: it is not a
// continuation byte.
func RuneStart(b byte) bool {
	return !isCont(b)
}

// Valid reports whether p consists entirely of valid encodings.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		if p[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRune(p[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidString is Valid for a string.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidRune reports whether r is a Unicode scalar value: in range and not a
// surrogate.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
)go";

}  // namespace gol::stdlib
