// time.cc — package time: Duration, Time, Month, Weekday, Location, Format,
// Sleep, Timer, Ticker, After, AfterFunc, Tick.
//
// Nearly all of it is Go, written for gol (Go's own time package was read
// for behaviour, not copied): calendar arithmetic on days since 1 January
// of year 1, layouts, zone lookup, the TZif reader. The natives
// (time_native.cc) are the clocks, Sleep, the runtime timers behind Timer
// and Ticker, and reading zone files:
//   now() (sec, nsec, mono)          wall clock (Unix seconds, nanoseconds)
//                                    and monotonic ns since the process began
//   Sleep(d)                         parks the goroutine on a timer
//   newTimer(c, f, d, period, local) arms a runtime timer: on expiry a
//                                    non-blocking send of the time on c, or
//                                    `go f()`; returns its record
//   stopTimer(r) / resetTimer(r, d, period)  Go's Stop / Reset results
//   localZone() (name, data)         TZ / /etc/localtime: the zone's name and
//                                    TZif bytes ("" data: UTC)
//   readZone(name) (data, ok)        /usr/share/zoneinfo/name
//
// Representation: a Time is seconds since 1 January of year 1 UTC (so the
// zero Time is Go's zero time), nanoseconds, an optional monotonic reading
// (ns since the process began, as Go's "m=" value), and a *Location (nil
// is UTC). As in Go, comparisons and Sub use the monotonic readings when
// both times have one, and Round, Truncate, AddDate and Date drop it.
//
// Timer channels follow the semantics of Go modules at `go 1.22` (the
// goldens' go.mod): a buffer of 1, a send that is dropped when the buffer
// is full (a slow Ticker reader misses ticks), Stop and Reset that do not
// drain the channel.
//
// Missing: Parse/ParseInLocation, Time's text/JSON/binary
// marshalling, ISOWeek, GoString, and the POSIX TZ rule at the end of a
// TZif file (a time after a zone's last transition uses that transition's
// offset; Debian's zone files list transitions up to 2037).
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kTimeSource = R"go(package time

import "errors"

// ---------------------------------------------------------------- Duration

// A Duration is the time between two instants, in nanoseconds.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// utoa formats u in decimal.
func utoa(u uint64) string {
	if u == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	return string(buf[i:])
}

// fracText formats v / 10^digits: the integer part, then a point and the
// fraction without trailing zeros (none at all when it is zero).
func fracText(v uint64, digits int) string {
	scale := uint64(1)
	for i := 0; i < digits; i++ {
		scale *= 10
	}
	whole, frac := v/scale, v%scale
	if frac == 0 {
		return utoa(whole)
	}
	var buf [9]byte
	n := digits
	for i := digits - 1; i >= 0; i-- {
		buf[i] = byte('0' + frac%10)
		frac /= 10
	}
	for n > 0 && buf[n-1] == '0' {
		n--
	}
	return utoa(whole) + "." + string(buf[:n])
}

// ParseDuration parses a signed sequence of decimal numbers, each with an
// optional fraction and a unit ("300ms", "-1.5h", "2h45m"). Units: ns, us
// (or µs, μs), ms, s, m, h.
func ParseDuration(s string) (Duration, error) {
	orig := s
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New("time: invalid duration " + quoteBytes(orig))
	}
	var total uint64
	for s != "" {
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, errors.New("time: invalid duration " + quoteBytes(orig))
		}
		// The integer part; more than 1<<63 is an error.
		var whole uint64
		i := 0
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			if whole > 1<<63/10 {
				return 0, errors.New("time: invalid duration " + quoteBytes(orig))
			}
			whole = whole*10 + uint64(s[i]-'0')
			if whole > 1<<63 {
				return 0, errors.New("time: invalid duration " + quoteBytes(orig))
			}
		}
		hadWhole := i > 0
		s = s[i:]
		// The fraction: digits past what fits are ignored.
		var frac uint64
		scale := 1.0
		hadFrac := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			full := false
			j := 0
			for ; j < len(s) && '0' <= s[j] && s[j] <= '9'; j++ {
				if full {
					continue
				}
				next := frac*10 + uint64(s[j]-'0')
				if frac > (1<<63-1)/10 || next > 1<<63 {
					full = true
					continue
				}
				frac = next
				scale *= 10
			}
			hadFrac = j > 0
			s = s[j:]
		}
		if !hadWhole && !hadFrac {
			return 0, errors.New("time: invalid duration " + quoteBytes(orig))
		}
		// The unit runs to the next digit or period.
		k := 0
		for k < len(s) && s[k] != '.' && (s[k] < '0' || s[k] > '9') {
			k++
		}
		if k == 0 {
			return 0, errors.New("time: missing unit in duration " + quoteBytes(orig))
		}
		name := s[:k]
		s = s[k:]
		unit := durationUnit(name)
		if unit == 0 {
			return 0, errors.New("time: unknown unit " + quoteBytes(name) + " in duration " + quoteBytes(orig))
		}
		if whole > 1<<63/unit {
			return 0, errors.New("time: invalid duration " + quoteBytes(orig))
		}
		v := whole * unit
		if frac > 0 {
			v += uint64(float64(frac) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, errors.New("time: invalid duration " + quoteBytes(orig))
			}
		}
		total += v
		if total > 1<<63 {
			return 0, errors.New("time: invalid duration " + quoteBytes(orig))
		}
	}
	if neg {
		return -Duration(total), nil
	}
	if total > 1<<63-1 {
		return 0, errors.New("time: invalid duration " + quoteBytes(orig))
	}
	return Duration(total), nil
}

// durationUnit is the length of a ParseDuration unit in nanoseconds, 0 for
// an unknown one.
func durationUnit(name string) uint64 {
	switch name {
	case "ns":
		return uint64(Nanosecond)
	case "us", "\u00b5s", "\u03bcs": // micro sign, Greek mu
		return uint64(Microsecond)
	case "ms":
		return uint64(Millisecond)
	case "s":
		return uint64(Second)
	case "m":
		return uint64(Minute)
	case "h":
		return uint64(Hour)
	}
	return 0
}

// quoteBytes quotes s as time's errors do: in double quotes, with \" and \\
// escaped and every byte outside printable ASCII as \xNN.
func quoteBytes(s string) string {
	const hex = "0123456789abcdef"
	buf := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < ' ' || c >= 0x80:
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&0xF])
		case c == '"' || c == '\\':
			buf = append(buf, '\\', c)
		default:
			buf = append(buf, c)
		}
	}
	return string(append(buf, '"'))
}

// String formats d as "72h3m0.5s": hours, minutes and seconds with the
// fraction trimmed; below a second in one unit ("1.5ms", "150µs", "3ns").
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var s string
	switch {
	case u < uint64(Microsecond):
		s = utoa(u) + "ns"
	case u < uint64(Millisecond):
		s = fracText(u, 3) + "µs"
	case u < uint64(Second):
		s = fracText(u, 6) + "ms"
	default:
		secs := u / uint64(Second)
		s = fracText(secs%60*uint64(Second)+u%uint64(Second), 9) + "s"
		if mins := secs / 60; mins > 0 {
			s = utoa(mins%60) + "m" + s
			if hours := mins / 60; hours > 0 {
				s = utoa(hours) + "h" + s
			}
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

func (d Duration) Nanoseconds() int64 { return int64(d) }

func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds, Minutes and Hours split d first, so a whole part stays exact.
func (d Duration) Seconds() float64 {
	return float64(d/Second) + float64(d%Second)/1e9
}

func (d Duration) Minutes() float64 {
	return float64(d/Minute) + float64(d%Minute)/(60e9)
}

func (d Duration) Hours() float64 {
	return float64(d/Hour) + float64(d%Hour)/(60*60e9)
}

// Truncate rounds d toward zero to a multiple of m (d itself if m <= 0).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round rounds d to the nearest multiple of m, halfway away from zero,
// saturating at the extremes.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if r+r < m {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if r+r < m {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns |d|; the most negative Duration becomes the largest.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// ------------------------------------------------------ Month and Weekday

type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

func itoa(i int) string {
	if i < 0 {
		return "-" + utoa(uint64(-i))
	}
	return utoa(uint64(i))
}

// ------------------------------------------------------------ Location

// A Location maps instants to the zone in use there: a name ("CET") and
// an offset east of UTC in seconds.
type Location struct {
	name string
	zone []zone
	tx   []zoneTrans
}

type zone struct {
	name   string
	offset int
	isDST  bool
}

// From `when` (Unix seconds) on, zone[index] applies.
type zoneTrans struct {
	when  int64
	index int
}

var utcLoc = Location{name: "UTC"}

// UTC is Coordinated Universal Time.
var UTC *Location = &utcLoc

var localLoc = loadLocal()

// Local is the system's zone: $TZ, else /etc/localtime, else UTC.
var Local *Location = &localLoc

func (l *Location) get() *Location {
	if l == nil {
		return &utcLoc
	}
	return l
}

// String returns the location's name ("UTC", "Local", "Europe/Paris").
func (l *Location) String() string {
	return l.get().name
}

// FixedZone returns a Location that always uses the given name and offset.
func FixedZone(name string, offset int) *Location {
	return &Location{name: name, zone: []zone{{name, offset, false}}, tx: []zoneTrans{{-1 << 63, 0}}}
}

const (
	alpha = -1 << 63
	omega = 1<<63 - 1
)

// lookup returns the zone in use at unix (Unix seconds) and the range
// [start, end) of Unix seconds where it is in use.
func (l *Location) lookup(unix int64) (name string, offset int, start, end int64) {
	l = l.get()
	if len(l.zone) == 0 {
		return "UTC", 0, alpha, omega
	}
	if len(l.tx) == 0 || unix < l.tx[0].when {
		z := l.zone[l.firstZone()]
		end = omega
		if len(l.tx) > 0 {
			end = l.tx[0].when
		}
		return z.name, z.offset, alpha, end
	}
	// The last transition at or before unix.
	lo, hi := 0, len(l.tx)
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if unix < l.tx[m].when {
			hi = m
		} else {
			lo = m
		}
	}
	z := l.zone[l.tx[lo].index]
	end = omega
	if lo+1 < len(l.tx) {
		end = l.tx[lo+1].when
	}
	return z.name, z.offset, l.tx[lo].when, end
}

// firstZone: the zone before the first transition. Zone 0 when no
// transition uses it (usually local mean time); else the standard zone
// listed last before a daylight-saving first transition's; else the first
// standard zone.
func (l *Location) firstZone() int {
	used := false
	for _, t := range l.tx {
		if t.index == 0 {
			used = true
			break
		}
	}
	if !used {
		return 0
	}
	if len(l.tx) > 0 && l.zone[l.tx[0].index].isDST {
		for i := l.tx[0].index - 1; i >= 0; i-- {
			if !l.zone[i].isDST {
				return i
			}
		}
	}
	for i := range l.zone {
		if !l.zone[i].isDST {
			return i
		}
	}
	return 0
}

func localZone() (name string, data string)

func readZone(name string) (data string, ok bool)

func loadLocal() Location {
	name, data := localZone()
	if data != "" {
		if l, ok := parseTZif(name, data); ok {
			return *l
		}
	}
	return Location{name: "UTC"}
}

type zoneError struct{ msg string }

func (e *zoneError) Error() string { return e.msg }

// LoadLocation returns the Location with the given name: "" or "UTC" is
// UTC, "Local" is Local, anything else a file under /usr/share/zoneinfo.
func LoadLocation(name string) (*Location, error) {
	if name == "" || name == "UTC" {
		return UTC, nil
	}
	if name == "Local" {
		return Local, nil
	}
	for i := 0; i < len(name); i++ {
		if name[i] == '\\' || (name[i] == '.' && i+1 < len(name) && name[i+1] == '.') || name[0] == '/' {
			return nil, errors.New("time: invalid location name")
		}
	}
	if data, ok := readZone(name); ok {
		if l, ok := parseTZif(name, data); ok {
			return l, nil
		}
	}
	return nil, &zoneError{"unknown time zone " + name}
}

// tzReader reads the big-endian fields of a TZif file.
type tzReader struct {
	data string
	bad  bool
}

func (r *tzReader) take(n int) string {
	if n < 0 || n > len(r.data) {
		r.bad = true
		r.data = ""
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *tzReader) be(n int) int64 {
	s := r.take(n)
	if r.bad {
		return 0
	}
	var u uint64
	for i := 0; i < n; i++ {
		u = u<<8 | uint64(s[i])
	}
	if n == 4 {
		return int64(int32(uint32(u)))
	}
	return int64(u)
}

// parseTZif reads a TZif file (RFC 8536): version 1 data with 32-bit
// times, or, from version 2 on, the 64-bit block that follows it.
func parseTZif(name, data string) (*Location, bool) {
	r := &tzReader{data: data}
	if r.take(4) != "TZif" {
		return nil, false
	}
	version := r.take(1)
	r.take(15)
	counts := func() [6]int {
		var c [6]int // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for i := range c {
			c[i] = int(r.be(4))
		}
		return c
	}
	c := counts()
	width := 4
	if version != "\x00" && !r.bad {
		// Skip the version 1 block: its sizes are in the header just read.
		r.take(c[3]*5 + c[4]*6 + c[5] + c[2]*8 + c[1] + c[0])
		if r.take(4) != "TZif" {
			return nil, false
		}
		r.take(16)
		c = counts()
		width = 8
	}
	timecnt, typecnt, charcnt := c[3], c[4], c[5]
	if r.bad || typecnt == 0 {
		return nil, false
	}
	when := make([]int64, timecnt)
	for i := range when {
		when[i] = r.be(width)
	}
	idx := make([]int, timecnt)
	for i := range idx {
		idx[i] = int(r.be(1))
	}
	zones := make([]zone, typecnt)
	abbrIdx := make([]int, typecnt)
	for i := range zones {
		zones[i].offset = int(r.be(4))
		zones[i].isDST = r.be(1) != 0
		abbrIdx[i] = int(r.be(1))
	}
	abbrs := r.take(charcnt)
	if r.bad {
		return nil, false
	}
	for i := range zones {
		j := abbrIdx[i]
		k := j
		for k < len(abbrs) && abbrs[k] != 0 {
			k++
		}
		if j <= len(abbrs) {
			zones[i].name = abbrs[j:k]
		}
	}
	tx := make([]zoneTrans, timecnt)
	for i := range tx {
		if idx[i] >= typecnt {
			return nil, false
		}
		tx[i] = zoneTrans{when[i], idx[i]}
	}
	return &Location{name: name, zone: zones, tx: tx}, true
}

// ---------------------------------------------------------------- Time

// A Time is an instant with nanosecond precision, and the Location its
// calendar fields are shown in.
type Time struct {
	sec     int64 // seconds since 1 January of year 1, 00:00:00 UTC
	nsec    int32 // [0, 1e9)
	hasMono bool
	mono    int64 // monotonic reading, ns since the process began (hasMono)
	loc     *Location
}

const (
	secondsPerDay = 86400
	// Seconds from 1 January of year 1 to 1 January 1970.
	unixToInternal int64 = 62135596800
	// Days from 1 January of year 1 to 1 January 1970.
	daysBeforeUnix = 719162
)

func now() (sec int64, nsec int64, mono int64)

// Now returns the current time, with a monotonic reading, in Local.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), hasMono: true, mono: mono, loc: Local}
}

// Unix returns the Local time sec seconds and nsec nanoseconds after
// 1 January 1970 UTC; nsec may be outside [0, 1e9).
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: int32(nsec), loc: Local}
}

func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

func UnixMicro(usec int64) Time { return Unix(usec/1e6, (usec%1e6)*1e3) }

func Since(t Time) Duration { return Now().Sub(t) }

func Until(t Time) Duration { return t.Sub(Now()) }

func (t Time) stripMono() Time {
	t.hasMono = false
	t.mono = 0
	return t
}

func (t Time) setLoc(loc *Location) Time {
	if loc == &utcLoc {
		loc = nil
	}
	t.loc = loc
	return t
}

func (t Time) Unix() int64 { return t.sec - unixToInternal }

func (t Time) UnixNano() int64 { return (t.sec-unixToInternal)*1e9 + int64(t.nsec) }

func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + int64(t.nsec)/1e6 }

func (t Time) UnixMicro() int64 { return (t.sec-unixToInternal)*1e6 + int64(t.nsec)/1e3 }

func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.hasMono {
		m := t.mono + int64(d)
		if d < 0 && m > t.mono || d > 0 && m < t.mono {
			return t.stripMono() // out of the monotonic range
		}
		t.mono = m
	}
	return t
}

// Sub returns t-u, saturating at the extreme Durations.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		d := Duration(t.mono - u.mono)
		switch {
		case d < 0 && t.mono > u.mono:
			return maxDuration
		case d > 0 && t.mono < u.mono:
			return minDuration
		}
		return d
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

// AddDate adds years, months and days, normalising as Date does.
func (t Time) AddDate(years int, months int, days int) Time {
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	return Date(year+years, month+Month(months), day+days, hour, min, sec, int(t.nsec), t.Location())
}

func (t Time) Location() *Location {
	if t.loc == nil {
		return UTC
	}
	return t.loc
}

func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	return t.setLoc(loc)
}

func (t Time) UTC() Time { return t.setLoc(&utcLoc) }

func (t Time) Local() Time { return t.setLoc(Local) }

// Zone returns the zone's abbreviation and offset at t.
func (t Time) Zone() (name string, offset int) {
	name, offset, _, _ = t.loc.lookup(t.sec - unixToInternal)
	return
}

// abs returns t's seconds since year 1 in its own zone, and the zone.
func (t Time) abs() (sec int64, name string, offset int) {
	name, offset, _, _ = t.loc.lookup(t.sec - unixToInternal)
	return t.sec + int64(offset), name, offset
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// civil converts days since 1 January 1970 to a date (the era method:
// 400-year cycles of 146097 days, years starting in March).
func civil(days int64) (year int, month Month, day int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), Month(m), int(d)
}

// daysFrom is civil's inverse: days since 1 January 1970 of a valid date.
func daysFrom(year int, month Month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := int64(month) - 3
	if mp < 0 {
		mp += 12
	}
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func (t Time) days() int64 {
	sec, _, _ := t.abs()
	return floorDiv(sec, secondsPerDay) - daysBeforeUnix
}

func (t Time) Date() (year int, month Month, day int) { return civil(t.days()) }

func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

func (t Time) Month() Month {
	_, m, _ := t.Date()
	return m
}

func (t Time) Day() int {
	_, _, d := t.Date()
	return d
}

func (t Time) YearDay() int {
	days := t.days()
	y, _, _ := civil(days)
	return int(days-daysFrom(y, January, 1)) + 1
}

// Weekday: 1 January 1970 was a Thursday.
func (t Time) Weekday() Weekday {
	return Weekday((t.days()%7 + 7 + 4) % 7)
}

func (t Time) Clock() (hour, min, sec int) {
	s, _, _ := t.abs()
	s -= floorDiv(s, secondsPerDay) * secondsPerDay
	return int(s / 3600), int(s % 3600 / 60), int(s % 60)
}

func (t Time) Hour() int {
	h, _, _ := t.Clock()
	return h
}

func (t Time) Minute() int {
	_, m, _ := t.Clock()
	return m
}

func (t Time) Second() int {
	_, _, s := t.Clock()
	return s
}

func (t Time) Nanosecond() int { return int(t.nsec) }

// norm carries lo's overflow into hi so that 0 <= lo < base.
func norm(hi, lo, base int) (int, int) {
	if lo < 0 {
		n := (-lo-1)/base + 1
		hi -= n
		lo += n * base
	}
	if lo >= base {
		n := lo / base
		hi += n
		lo -= n * base
	}
	return hi, lo
}

// Date returns the time of the given calendar fields in loc. Values out of
// range carry over (October 32 is November 1); in a zone's gap or overlap
// the offset in use just before is assumed, as Go's Date does.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year, m = norm(year, m, 12)
	month = Month(m) + 1
	sec, nsec = norm(sec, nsec, 1e9)
	min, sec = norm(min, sec, 60)
	hour, min = norm(hour, min, 60)
	day, hour = norm(day, hour, 24)
	days := daysFrom(year, month, 1) + int64(day-1)
	unix := days*secondsPerDay + int64(hour*3600+min*60+sec)
	_, offset, start, end := loc.lookup(unix)
	if offset != 0 {
		utc := unix - int64(offset)
		if utc < start || utc >= end {
			_, offset, _, _ = loc.lookup(utc)
		}
		unix -= int64(offset)
	}
	return Time{sec: unix + unixToInternal, nsec: int32(nsec)}.setLoc(loc)
}

// mulMod returns a*b mod m for 0 <= a, b < m, without overflow.
func mulMod(a, b, m uint64) uint64 {
	var r uint64
	for b > 0 {
		if b&1 != 0 {
			r = (r + a) % m
		}
		a = (a + a) % m
		b >>= 1
	}
	return r
}

// sinceZeroMod returns (t - zero Time) mod d for d > 0.
func (t Time) sinceZeroMod(d Duration) Duration {
	ud := uint64(d)
	sec := t.sec % int64(ud)
	if sec < 0 {
		sec += int64(ud)
	}
	r := (mulMod(uint64(sec), uint64(1e9)%ud, ud) + uint64(t.nsec)%ud) % ud
	return Duration(r)
}

// Truncate rounds t down to a multiple of d since the zero time.
func (t Time) Truncate(d Duration) Time {
	t = t.stripMono()
	if d <= 0 {
		return t
	}
	return t.Add(-t.sinceZeroMod(d))
}

// Round rounds t to the nearest multiple of d since the zero time,
// halfway values up.
func (t Time) Round(d Duration) Time {
	t = t.stripMono()
	if d <= 0 {
		return t
	}
	r := t.sinceZeroMod(d)
	if uint64(r)+uint64(r) < uint64(d) {
		return t.Add(-r)
	}
	return t.Add(d - r)
}
)go"
                                               R"go(
// -------------------------------------------------------------- Format

const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
	DateTime    = "2006-01-02 15:04:05"
	DateOnly    = "2006-01-02"
	TimeOnly    = "15:04:05"
)

// Layout elements (the reference time is Mon Jan 2 15:04:05 MST 2006).
const (
	elNone = iota
	elLongMonth       // January
	elMonth           // Jan
	elNumMonth        // 1
	elZeroMonth       // 01
	elLongWeekDay     // Monday
	elWeekDay         // Mon
	elDay             // 2
	elUnderDay        // _2
	elZeroDay         // 02
	elUnderYearDay    // __2
	elZeroYearDay     // 002
	elHour            // 15
	elHour12          // 3
	elZeroHour12      // 03
	elMinute          // 4
	elZeroMinute      // 04
	elSecond          // 5
	elZeroSecond      // 05
	elLongYear        // 2006
	elYear            // 06
	elPM              // PM
	elpm              // pm
	elTZ              // MST
	elISO8601TZ       // Z0700
	elISO8601SecsTZ   // Z070000
	elISO8601ShortTZ  // Z07
	elISO8601ColonTZ  // Z07:00
	elISO8601ColonSecsTZ // Z07:00:00
	elNumTZ           // -0700
	elNumSecsTZ       // -070000
	elNumShortTZ      // -07
	elNumColonTZ      // -07:00
	elNumColonSecsTZ  // -07:00:00
	elFrac0           // .000 (digits kept)
	elFrac9           // .999 (trailing zeros trimmed)
)

func isLower(s string) bool { return len(s) > 0 && 'a' <= s[0] && s[0] <= 'z' }

func isDigitAt(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

// nextElement finds the first layout element in s: the literal text
// before it, the element, its width (fractions: digit count; else the
// element's length) and separator (fractions), and the rest.
func nextElement(s string) (prefix string, el int, digits int, sep byte, rest string) {
	for i := 0; i < len(s); i++ {
		r := s[i:]
		switch s[i] {
		case 'J':
			if len(r) >= 7 && r[:7] == "January" {
				return s[:i], elLongMonth, 0, 0, r[7:]
			}
			if len(r) >= 3 && r[:3] == "Jan" && !isLower(r[3:]) {
				return s[:i], elMonth, 0, 0, r[3:]
			}
		case 'M':
			if len(r) >= 6 && r[:6] == "Monday" {
				return s[:i], elLongWeekDay, 0, 0, r[6:]
			}
			if len(r) >= 3 && r[:3] == "Mon" && !isLower(r[3:]) {
				return s[:i], elWeekDay, 0, 0, r[3:]
			}
			if len(r) >= 3 && r[:3] == "MST" {
				return s[:i], elTZ, 0, 0, r[3:]
			}
		case '0':
			if len(r) >= 2 && '1' <= r[1] && r[1] <= '6' {
				return s[:i], [...]int{elZeroMonth, elZeroDay, elZeroHour12, elZeroMinute, elZeroSecond, elYear}[r[1]-'1'], 0, 0, r[2:]
			}
			if len(r) >= 3 && r[1] == '0' && r[2] == '2' {
				return s[:i], elZeroYearDay, 0, 0, r[3:]
			}
		case '1':
			if len(r) >= 2 && r[1] == '5' {
				return s[:i], elHour, 0, 0, r[2:]
			}
			return s[:i], elNumMonth, 0, 0, r[1:]
		case '2':
			if len(r) >= 4 && r[:4] == "2006" {
				return s[:i], elLongYear, 0, 0, r[4:]
			}
			return s[:i], elDay, 0, 0, r[1:]
		case '_':
			if len(r) >= 2 && r[1] == '2' {
				// "_2006" is a literal "_" and the year.
				if len(r) >= 5 && r[1:5] == "2006" {
					return s[:i+1], elLongYear, 0, 0, r[5:]
				}
				return s[:i], elUnderDay, 0, 0, r[2:]
			}
			if len(r) >= 3 && r[1] == '_' && r[2] == '2' {
				return s[:i], elUnderYearDay, 0, 0, r[3:]
			}
		case '3':
			return s[:i], elHour12, 0, 0, r[1:]
		case '4':
			return s[:i], elMinute, 0, 0, r[1:]
		case '5':
			return s[:i], elSecond, 0, 0, r[1:]
		case 'P':
			if len(r) >= 2 && r[1] == 'M' {
				return s[:i], elPM, 0, 0, r[2:]
			}
		case 'p':
			if len(r) >= 2 && r[1] == 'm' {
				return s[:i], elpm, 0, 0, r[2:]
			}
		case '-':
			for k, pat := range [...]string{"-070000", "-07:00:00", "-0700", "-07:00", "-07"} {
				if len(r) >= len(pat) && r[:len(pat)] == pat {
					return s[:i], [...]int{elNumSecsTZ, elNumColonSecsTZ, elNumTZ, elNumColonTZ, elNumShortTZ}[k], 0, 0, r[len(pat):]
				}
			}
		case 'Z':
			for k, pat := range [...]string{"Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"} {
				if len(r) >= len(pat) && r[:len(pat)] == pat {
					return s[:i], [...]int{elISO8601SecsTZ, elISO8601ColonSecsTZ, elISO8601TZ, elISO8601ColonTZ, elISO8601ShortTZ}[k], 0, 0, r[len(pat):]
				}
			}
		case '.', ',':
			if len(r) >= 2 && (r[1] == '0' || r[1] == '9') {
				ch := r[1]
				j := 1
				for j < len(r) && r[j] == ch {
					j++
				}
				if !isDigitAt(r, j) {
					el := elFrac0
					if ch == '9' {
						el = elFrac9
					}
					return s[:i], el, j - 1, s[i], r[j:]
				}
			}
		}
	}
	return s, elNone, 0, 0, ""
}

// appendInt appends x in decimal, zero-padded to width digits.
func appendInt(b []byte, x int, width int) []byte {
	u := uint(x)
	if x < 0 {
		b = append(b, '-')
		u = uint(-x)
	}
	var buf [20]byte
	i := len(buf)
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	for w := len(buf) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, buf[i:]...)
}

func appendPadded(b []byte, x int, width int) []byte {
	s := itoa(x)
	for w := len(s); w < width; w++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

// appendFrac appends the nanoseconds as a fraction of `digits` digits
// (at most 9); trim drops trailing zeros, and the separator too if
// nothing is left.
func appendFrac(b []byte, nsec int, digits int, sep byte, trim bool) []byte {
	var buf [9]byte
	u := nsec
	for i := 8; i >= 0; i-- {
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if digits > 9 {
		digits = 9
	}
	if trim {
		for digits > 0 && buf[digits-1] == '0' {
			digits--
		}
		if digits == 0 {
			return b
		}
	}
	b = append(b, sep)
	return append(b, buf[:digits]...)
}

// Format returns t laid out as the reference time would be by layout.
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, 64), layout))
}

func (t Time) AppendFormat(b []byte, layout string) []byte {
	abs, name, offset := t.abs()
	days := floorDiv(abs, secondsPerDay)
	year, month, day := civil(days - daysBeforeUnix)
	yday := int(days-daysBeforeUnix-daysFrom(year, January, 1)) + 1
	secOfDay := int(abs - days*secondsPerDay)
	hour, min, sec := secOfDay/3600, secOfDay%3600/60, secOfDay%60
	wday := Weekday(((days-daysBeforeUnix)%7 + 7 + 4) % 7)
	for layout != "" {
		prefix, el, digits, sep, rest := nextElement(layout)
		b = append(b, prefix...)
		if el == elNone {
			break
		}
		layout = rest
		switch el {
		case elYear:
			y := year
			if y < 0 {
				y = -y
			}
			b = appendInt(b, y%100, 2)
		case elLongYear:
			b = appendInt(b, year, 4)
		case elMonth:
			b = append(b, month.String()[:3]...)
		case elLongMonth:
			b = append(b, month.String()...)
		case elNumMonth:
			b = appendInt(b, int(month), 0)
		case elZeroMonth:
			b = appendInt(b, int(month), 2)
		case elWeekDay:
			b = append(b, wday.String()[:3]...)
		case elLongWeekDay:
			b = append(b, wday.String()...)
		case elDay:
			b = appendInt(b, day, 0)
		case elUnderDay:
			b = appendPadded(b, day, 2)
		case elZeroDay:
			b = appendInt(b, day, 2)
		case elUnderYearDay:
			b = appendPadded(b, yday, 3)
		case elZeroYearDay:
			b = appendInt(b, yday, 3)
		case elHour:
			b = appendInt(b, hour, 2)
		case elHour12, elZeroHour12:
			h := hour % 12
			if h == 0 {
				h = 12
			}
			w := 0
			if el == elZeroHour12 {
				w = 2
			}
			b = appendInt(b, h, w)
		case elMinute:
			b = appendInt(b, min, 0)
		case elZeroMinute:
			b = appendInt(b, min, 2)
		case elSecond:
			b = appendInt(b, sec, 0)
		case elZeroSecond:
			b = appendInt(b, sec, 2)
		case elPM:
			if hour >= 12 {
				b = append(b, "PM"...)
			} else {
				b = append(b, "AM"...)
			}
		case elpm:
			if hour >= 12 {
				b = append(b, "pm"...)
			} else {
				b = append(b, "am"...)
			}
		case elISO8601TZ, elISO8601ColonTZ, elISO8601SecsTZ, elISO8601ShortTZ, elISO8601ColonSecsTZ,
			elNumTZ, elNumColonTZ, elNumSecsTZ, elNumShortTZ, elNumColonSecsTZ:
			b = appendOffset(b, el, offset)
		case elTZ:
			if name != "" {
				b = append(b, name...)
				break
			}
			// A zone without a name: its offset, as -0700.
			zmin := offset / 60
			if zmin < 0 {
				b = append(b, '-')
				zmin = -zmin
			} else {
				b = append(b, '+')
			}
			b = appendInt(b, zmin/60, 2)
			b = appendInt(b, zmin%60, 2)
		case elFrac0, elFrac9:
			b = appendFrac(b, int(t.nsec), digits, sep, el == elFrac9)
		}
	}
	return b
}

func appendOffset(b []byte, el int, offset int) []byte {
	iso := el == elISO8601TZ || el == elISO8601ColonTZ || el == elISO8601SecsTZ || el == elISO8601ShortTZ ||
		el == elISO8601ColonSecsTZ
	if iso && offset == 0 {
		return append(b, 'Z')
	}
	zmin := offset / 60
	abs := offset
	if zmin < 0 {
		b = append(b, '-')
		zmin = -zmin
		abs = -abs
	} else {
		b = append(b, '+')
	}
	b = appendInt(b, zmin/60, 2)
	colon := el == elISO8601ColonTZ || el == elNumColonTZ || el == elISO8601ColonSecsTZ || el == elNumColonSecsTZ
	if colon {
		b = append(b, ':')
	}
	if el != elNumShortTZ && el != elISO8601ShortTZ {
		b = appendInt(b, zmin%60, 2)
	}
	if el == elISO8601SecsTZ || el == elNumSecsTZ || el == elISO8601ColonSecsTZ || el == elNumColonSecsTZ {
		if colon {
			b = append(b, ':')
		}
		b = appendInt(b, abs%60, 2)
	}
	return b
}

// String formats t as "2006-01-02 15:04:05.999999999 -0700 MST", followed
// by the monotonic reading as " m=±<seconds>" when t has one.
func (t Time) String() string {
	b := t.AppendFormat(make([]byte, 0, 64), "2006-01-02 15:04:05.999999999 -0700 MST")
	if t.hasMono {
		m := uint64(t.mono)
		sign := byte('+')
		if t.mono < 0 {
			sign = '-'
			m = -m
		}
		b = append(b, " m="...)
		b = append(b, sign)
		b = appendInt(b, int(m/1e9), 0)
		b = append(b, '.')
		b = appendInt(b, int(m%1e9), 9)
	}
	return string(b)
}
)go"
                                               R"go(
// ------------------------------------------------------- Sleep and timers

// Sleep pauses the goroutine for at least d; d <= 0 returns at once.
func Sleep(d Duration)

// runtimeTimer is the runtime's timer record (opaque here).
type runtimeTimer struct{ _ int }

func newTimer(c chan Time, f func(), d Duration, period Duration, local *Location) *runtimeTimer

func stopTimer(r *runtimeTimer) bool

func resetTimer(r *runtimeTimer, d Duration, period Duration) bool

// A Timer sends the current time on C once, after its duration (unless
// stopped), or calls its function (AfterFunc).
type Timer struct {
	C <-chan Time
	r *runtimeTimer
}

func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	return &Timer{C: c, r: newTimer(c, nil, d, 0, Local)}
}

// Stop prevents the timer from firing: true if it was pending. It does
// not drain C.
func (t *Timer) Stop() bool {
	if t.r == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.r)
}

// Reset makes the timer fire after d: true if it was pending.
func (t *Timer) Reset(d Duration) bool {
	if t.r == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.r, d, 0)
}

// After is NewTimer(d).C.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc calls f in its own goroutine after d.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{r: newTimer(nil, f, d, 0, nil)}
}

// A Ticker sends the time on C every period; ticks a slow reader misses
// are dropped.
type Ticker struct {
	C <-chan Time
	r *runtimeTimer
}

func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	return &Ticker{C: c, r: newTimer(c, nil, d, d, Local)}
}

func (t *Ticker) Stop() {
	if t.r == nil {
		return
	}
	stopTimer(t.r)
}

func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.r, d, d)
}

// Tick is NewTicker(d).C, or nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
)go";

}  // namespace gol::stdlib
