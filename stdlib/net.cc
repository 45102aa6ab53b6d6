// net.cc — package net: TCP over IPv4 and IPv6, addresses, the resolver,
// and Go's error types and texts.
//
// The Go code here is Go's API layer: address parsing and resolution
// (SplitHostPort, ParseIP, the choice of address family), the Conn and
// Listener types, deadlines as monotonic times, and the errors (*OpError
// around os.SyscallError / ErrClosed / os.ErrDeadlineExceeded, *AddrError,
// *DNSError) with Go 1.23's texts. The socket work is native
// (net_native.cc): each native takes plain values and returns a count or
// handle plus a code — 0, an errno, or codeRetry (the goroutine parked in
// the netpoller or on the descriptor's lock and was woken: call again),
// codeClosing, codeTimeout.
//
// Address families follow Go's favoriteAddrFamily: "tcp4" is AF_INET,
// "tcp6" AF_INET6 with IPV6_V6ONLY; plain "tcp" listening on a wildcard is
// a dual-stack AF_INET6 socket (Addr() says "[::]:port" as Go's does),
// otherwise IPv4 when both ends are IPv4. Dialing a host name tries its
// addresses one after another (Go races IPv4 and IPv6 with a 300 ms
// head start for the first family; serial trying gives the same result on
// loopback and for any name whose first address answers).
//
// Left out: UDP, Unix sockets, IPConn, Dialer/ListenConfig, contexts,
// IPv6 zones in addresses (TCPAddr.Zone prints, but is not dialed),
// LookupAddr/LookupCNAME/..., IPNet/masks, netip. The resolver is the C
// library's getaddrinfo (Go's cgo resolver), so a failing DNS lookup says
// "lookup NAME: no such host" without Go's pure resolver's "on SERVER".
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kNetSource = R"go(package net

import (
	"errors"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"
)

// ---- natives (net_native.cc) ----

// sysFD is the native socket record; Go code only passes the pointer on.
type sysFD struct{ opaque int }

func fdRead(h *sysFD, b []byte) (n int, code int)
func fdWrite(h *sysFD, b []byte) (n int, code int)
func fdAccept(h *sysFD) (c *sysFD, code int)
func fdConnect(h *sysFD, family int, ip []byte, port int) (zero int, code int)
func fdConnected(h *sysFD)
func fdClose(h *sysFD) int
func fdSetDeadline(h *sysFD, when int64, mode int) int
func fdShutdown(h *sysFD, how int) int
func fdSetNoDelay(h *sysFD, on bool) int
func fdAddr(h *sysFD, peer bool) (ip []byte, port int, code int)
func sysListen(family int, v6only bool, ip []byte, port int) (h *sysFD, code int, call string)
func sysSocket(family int, v6only bool) (h *sysFD, code int)
func lookupIP(host string) (ips []string, code int, msg string)
func lookupPort(service string) (port int, ok bool)
func nanotime() int64

const (
	codeRetry   = -1
	codeClosing = -2
	codeTimeout = -3

	afINET  = 2
	afINET6 = 10
)

// ---- errors ----

// An Error represents a network error.
type Error interface {
	error
	Timeout() bool   // Is the error a timeout?
	Temporary() bool // Deprecated in Go, kept for its callers.
}

type errNetClosing struct{}

func (e errNetClosing) Error() string   { return "use of closed network connection" }
func (e errNetClosing) Timeout() bool   { return false }
func (e errNetClosing) Temporary() bool { return false }

// ErrClosed is the error returned by an I/O call on a network connection
// that has already been closed, or that is closed by another goroutine
// before the I/O is completed.
var ErrClosed error = errNetClosing{}

var (
	errMissingAddress = errors.New("missing address")
	errNoSuitableAddress = errors.New("no suitable address found")
	errNoSuchHost = errors.New("no such host")
)

// timeoutError is a dial's expired deadline (Go's errTimeout).
type timeoutError struct{}

func (e *timeoutError) Error() string   { return "i/o timeout" }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }

type timeout interface{ Timeout() bool }
type temporary interface{ Temporary() bool }

// OpError is the error type usually returned by functions in the net
// package. It describes the operation, network type, and address of an error.
type OpError struct {
	Op     string
	Net    string
	Source Addr
	Addr   Addr
	Err    error
}

func (e *OpError) Unwrap() error { return e.Err }

func (e *OpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	return s + ": " + e.Err.Error()
}

func (e *OpError) Timeout() bool {
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(timeout)
		return ok && t.Timeout()
	}
	t, ok := e.Err.(timeout)
	return ok && t.Timeout()
}

func (e *OpError) Temporary() bool {
	if e.Op == "accept" && isConnError(e.Err) {
		return true
	}
	if ne, ok := e.Err.(*os.SyscallError); ok {
		t, ok := ne.Err.(temporary)
		return ok && t.Temporary()
	}
	t, ok := e.Err.(temporary)
	return ok && t.Temporary()
}

func isConnError(err error) bool {
	if se, ok := err.(*os.SyscallError); ok {
		return se.Err == syscall.Errno(104) || se.Err == syscall.Errno(103) // ECONNRESET, ECONNABORTED
	}
	return false
}

type AddrError struct {
	Err  string
	Addr string
}

func (e *AddrError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Err
	if e.Addr != "" {
		s = "address " + e.Addr + ": " + s
	}
	return s
}

func (e *AddrError) Timeout() bool   { return false }
func (e *AddrError) Temporary() bool { return false }

type UnknownNetworkError string

func (e UnknownNetworkError) Error() string   { return "unknown network " + string(e) }
func (e UnknownNetworkError) Timeout() bool   { return false }
func (e UnknownNetworkError) Temporary() bool { return false }

// DNSError represents a DNS lookup error.
type DNSError struct {
	UnwrapErr   error
	Err         string
	Name        string
	Server      string
	IsTimeout   bool
	IsTemporary bool
	IsNotFound  bool
}

func (e *DNSError) Unwrap() error { return e.UnwrapErr }

func (e *DNSError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := "lookup " + e.Name
	if e.Server != "" {
		s += " on " + e.Server
	}
	return s + ": " + e.Err
}

func (e *DNSError) Timeout() bool   { return e.IsTimeout }
func (e *DNSError) Temporary() bool { return e.IsTimeout || e.IsTemporary }

// codeError is the error for a native's code (call names the system call).
func codeError(code int, call string) error {
	switch code {
	case codeClosing:
		return ErrClosed
	case codeTimeout:
		return os.ErrDeadlineExceeded
	}
	return os.NewSyscallError(call, syscall.Errno(code))
}

// ---- IP addresses ----

const (
	IPv4len = 4
	IPv6len = 16
)

// An IP is a single IP address, a slice of bytes (4 or 16).
type IP []byte

var v4InV6Prefix = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}

// IPv4 returns the IP address (in 16-byte form) of the IPv4 address a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	p := make(IP, IPv6len)
	copy(p, v4InV6Prefix)
	p[12] = a
	p[13] = b
	p[14] = c
	p[15] = d
	return p
}

var (
	IPv4bcast     = IPv4(255, 255, 255, 255)
	IPv4allsys    = IPv4(224, 0, 0, 1)
	IPv4allrouter = IPv4(224, 0, 0, 2)
	IPv4zero      = IPv4(0, 0, 0, 0)
)

var (
	IPv6zero        = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6unspecified = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	IPv6loopback    = IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
)

func isZeros(p []byte) bool {
	for _, b := range p {
		if b != 0 {
			return false
		}
	}
	return true
}

// To4 converts the IPv4 address ip to a 4-byte representation; nil if ip
// is not an IPv4 address.
func (ip IP) To4() IP {
	if len(ip) == IPv4len {
		return ip
	}
	if len(ip) == IPv6len && isZeros(ip[0:10]) && ip[10] == 0xff && ip[11] == 0xff {
		return ip[12:16]
	}
	return nil
}

// To16 converts the IP address ip to a 16-byte representation.
func (ip IP) To16() IP {
	if len(ip) == IPv4len {
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	}
	if len(ip) == IPv6len {
		return ip
	}
	return nil
}

func (ip IP) Equal(x IP) bool {
	if len(ip) == len(x) {
		return string(ip) == string(x)
	}
	if len(ip) == IPv4len && len(x) == IPv6len {
		return string(x[0:12]) == string(v4InV6Prefix) && string(ip) == string(x[12:])
	}
	if len(ip) == IPv6len && len(x) == IPv4len {
		return string(ip[0:12]) == string(v4InV6Prefix) && string(ip[12:]) == string(x)
	}
	return false
}

func (ip IP) IsUnspecified() bool {
	return ip.Equal(IPv4zero) || ip.Equal(IPv6unspecified)
}

func (ip IP) IsLoopback() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 127
	}
	return ip.Equal(IPv6loopback)
}

const hexDigits = "0123456789abcdef"

// String returns the string form of ip: dotted decimal for IPv4, RFC 5952
// for IPv6 (the longest run of two or more zero groups becomes "::").
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if len(ip) != IPv4len && len(ip) != IPv6len {
		s := "?"
		for _, b := range ip {
			s += string(hexDigits[b>>4]) + string(hexDigits[b&15])
		}
		return s
	}
	if p4 := ip.To4(); len(p4) == IPv4len {
		return strconv.Itoa(int(p4[0])) + "." + strconv.Itoa(int(p4[1])) + "." +
			strconv.Itoa(int(p4[2])) + "." + strconv.Itoa(int(p4[3]))
	}
	zeroStart, zeroLen := -1, 0
	for i := 0; i < 8; {
		j := i
		for j < 8 && ip[2*j] == 0 && ip[2*j+1] == 0 {
			j++
		}
		if j-i >= 2 && j-i > zeroLen {
			zeroStart, zeroLen = i, j-i
		}
		if j == i {
			i++
		} else {
			i = j
		}
	}
	s := ""
	for i := 0; i < 8; i++ {
		if i == zeroStart {
			s += "::"
			i += zeroLen - 1
			continue
		}
		if i > 0 && (zeroStart < 0 || i != zeroStart+zeroLen) {
			s += ":" // not right after the "::"
		}
		s += strconv.FormatInt(int64(ip[2*i])<<8|int64(ip[2*i+1]), 16)
	}
	return s
}

// ParseIP parses s as an IPv4 (dotted decimal) or IPv6 address; nil when
// s is not a valid textual address. IPv4 addresses come back in 16-byte form.
func ParseIP(s string) IP {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			if p, ok := parseIPv4(s); ok {
				return IPv4(p[0], p[1], p[2], p[3])
			}
			return nil
		case ':':
			if p, ok := parseIPv6(s); ok {
				return p
			}
			return nil
		}
	}
	return nil
}

func parseIPv4(s string) ([4]byte, bool) {
	var out [4]byte
	field, digits, val := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || field > 3 {
				return out, false
			}
			out[field] = byte(val)
			field++
			digits, val = 0, 0
			continue
		}
		c := s[i]
		if c < '0' || c > '9' || (digits == 1 && val == 0) {
			return out, false // not a digit, or a leading zero
		}
		val = val*10 + int(c-'0')
		digits++
		if val > 255 {
			return out, false
		}
	}
	return out, field == 4
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func parseIPv6(s string) (IP, bool) {
	ip := make(IP, IPv6len)
	ellipsis := -1
	i := 0
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis = 0
		s = s[2:]
		if len(s) == 0 {
			return ip, true
		}
	}
	for i < IPv6len {
		n, off := 0, 0
		for off < len(s) && off < 4 && hexVal(s[off]) >= 0 {
			n = n<<4 | hexVal(s[off])
			off++
		}
		if off == 0 {
			return nil, false
		}
		if off < len(s) && s[off] == '.' {
			if ellipsis < 0 && i != IPv6len-IPv4len || i+IPv4len > IPv6len {
				return nil, false
			}
			p4, ok := parseIPv4(s)
			if !ok {
				return nil, false
			}
			copy(ip[i:], p4[:])
			i += IPv4len
			s = ""
			break
		}
		ip[i] = byte(n >> 8)
		ip[i+1] = byte(n)
		i += 2
		s = s[off:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return nil, false
		}
		s = s[1:]
		if s[0] == ':' {
			if ellipsis >= 0 {
				return nil, false
			}
			ellipsis = i
			s = s[1:]
			if len(s) == 0 {
				break
			}
		}
	}
	if len(s) != 0 {
		return nil, false
	}
	if i < IPv6len {
		if ellipsis < 0 {
			return nil, false
		}
		n := IPv6len - i
		for j := i - 1; j >= ellipsis; j-- {
			ip[j+n] = ip[j]
		}
		for j := ellipsis + n - 1; j >= ellipsis; j-- {
			ip[j] = 0
		}
	} else if ellipsis >= 0 {
		return nil, false
	}
	return ip, true
}

// ---- addresses ----

// Addr represents a network end point address.
type Addr interface {
	Network() string // name of the network (for example, "tcp", "udp")
	String() string  // string form of address (for example, "192.0.2.1:25", "[2001:db8::1]:80")
}

// TCPAddr represents the address of a TCP end point.
type TCPAddr struct {
	IP   IP
	Port int
	Zone string // IPv6 scoped addressing zone
}

func (a *TCPAddr) Network() string { return "tcp" }

func (a *TCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	ip := ""
	if len(a.IP) != 0 {
		ip = a.IP.String()
	}
	if a.Zone != "" {
		return JoinHostPort(ip+"%"+a.Zone, strconv.Itoa(a.Port))
	}
	return JoinHostPort(ip, strconv.Itoa(a.Port))
}

func (a *TCPAddr) family() int {
	if a == nil || len(a.IP) <= IPv4len || a.IP.To4() != nil {
		return afINET
	}
	return afINET6
}

func (a *TCPAddr) isWildcard() bool {
	return a == nil || a.IP == nil || a.IP.IsUnspecified()
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// SplitHostPort splits "host:port", "host%zone:port", "[host]:port" or
// "[host%zone]:port" into host (or host%zone) and port.
func SplitHostPort(hostport string) (host, port string, err error) {
	bad := func(why string) (string, string, error) {
		return "", "", &AddrError{Err: why, Addr: hostport}
	}
	i := -1
	for k := len(hostport) - 1; k >= 0; k-- {
		if hostport[k] == ':' {
			i = k
			break
		}
	}
	if i < 0 {
		return bad("missing port in address")
	}
	j, k := 0, 0
	if hostport[0] == '[' {
		end := indexByte(hostport, ']')
		if end < 0 {
			return bad("missing ']' in address")
		}
		if end+1 == len(hostport) {
			return bad("missing port in address")
		}
		if end+1 != i {
			if hostport[end+1] == ':' {
				return bad("too many colons in address")
			}
			return bad("missing port in address")
		}
		host = hostport[1:end]
		j, k = 1, end+1
	} else {
		host = hostport[:i]
		if indexByte(host, ':') >= 0 {
			return bad("too many colons in address")
		}
	}
	if indexByte(hostport[j:], '[') >= 0 {
		return bad("unexpected '[' in address")
	}
	if indexByte(hostport[k:], ']') >= 0 {
		return bad("unexpected ']' in address")
	}
	return host, hostport[i+1:], nil
}

// JoinHostPort combines host and port into "host:port", bracketing a host
// that holds a colon (an IPv6 literal).
func JoinHostPort(host, port string) string {
	if indexByte(host, ':') >= 0 {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

func checkNetwork(network string) error {
	switch network {
	case "tcp", "tcp4", "tcp6":
		return nil
	}
	return UnknownNetworkError(network)
}

func parsePort(service string) (int, error) {
	if service == "" {
		return 0, nil
	}
	n := 0
	for i := 0; i < len(service); i++ {
		c := service[i]
		if c < '0' || c > '9' {
			if p, ok := lookupPort(service); ok {
				return p, nil
			}
			return 0, &DNSError{Err: "unknown port", Name: "tcp/" + service, IsNotFound: true}
		}
		if n < 1<<30 {
			n = n*10 + int(c-'0')
		}
	}
	if n > 65535 {
		return 0, &AddrError{Err: "invalid port", Addr: service}
	}
	return n, nil
}

// resolveTCP resolves addr for network ("tcp", "tcp4" or "tcp6") into the
// candidate addresses, in order, filtered by the network's family.
func resolveTCP(op, network, addr string) ([]*TCPAddr, error) {
	if err := checkNetwork(network); err != nil {
		return nil, err
	}
	if op == "dial" && addr == "" {
		return nil, errMissingAddress
	}
	host, service := "", ""
	if addr != "" {
		var err error
		if host, service, err = SplitHostPort(addr); err != nil {
			return nil, err
		}
	}
	port, err := parsePort(service)
	if err != nil {
		return nil, err
	}
	if host == "" {
		return []*TCPAddr{&TCPAddr{Port: port}}, nil
	}
	var ips []IP
	if ip := ParseIP(host); ip != nil {
		ips = []IP{ip}
	} else {
		if ips, err = lookupIPs(host); err != nil {
			return nil, err
		}
	}
	var out []*TCPAddr
	for _, ip := range ips {
		is4 := ip.To4() != nil
		if (network == "tcp4" && !is4) || (network == "tcp6" && is4) {
			continue
		}
		out = append(out, &TCPAddr{IP: ip, Port: port})
	}
	if len(out) == 0 {
		return nil, &AddrError{Err: errNoSuitableAddress.Error(), Addr: host}
	}
	return out, nil
}

// ResolveTCPAddr returns an address of TCP end point (the first IPv4
// address of a name, for "tcp", as Go prefers).
func ResolveTCPAddr(network, address string) (*TCPAddr, error) {
	addrs, err := resolveTCP("resolve", network, address)
	if err != nil {
		return nil, err
	}
	return firstIPv4(addrs), nil
}

func firstIPv4(addrs []*TCPAddr) *TCPAddr {
	for _, a := range addrs {
		if a.IP == nil || a.IP.To4() != nil {
			return a
		}
	}
	return addrs[0]
}

func lookupIPs(host string) ([]IP, error) {
	raw, code, msg := lookupIP(host)
	if code != 0 {
		return nil, &DNSError{Err: msg, Name: host, IsNotFound: msg == "no such host"}
	}
	ips := make([]IP, len(raw))
	for i, r := range raw {
		ips[i] = IP(r)
		if len(r) == IPv4len {
			ips[i] = IPv4(r[0], r[1], r[2], r[3])
		}
	}
	return ips, nil
}

// LookupHost looks up the given host using the local resolver. It returns
// a slice of that host's addresses.
func LookupHost(host string) (addrs []string, err error) {
	if host == "" {
		return nil, &DNSError{Err: errNoSuchHost.Error(), Name: host, IsNotFound: true}
	}
	if ip := ParseIP(host); ip != nil {
		return []string{host}, nil
	}
	ips, err := lookupIPs(host)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		addrs = append(addrs, ip.String())
	}
	return addrs, nil
}

// LookupIP looks up host using the local resolver.
func LookupIP(host string) ([]IP, error) {
	if ip := ParseIP(host); ip != nil {
		return []IP{ip}, nil
	}
	return lookupIPs(host)
}

// sockIP is the address bytes a native wants for family: 4 bytes for
// AF_INET, 16 for AF_INET6 (IPv4 addresses mapped, wildcard as ::).
func sockIP(family int, ip IP) ([]byte, error) {
	if family == afINET {
		if len(ip) == 0 {
			return []byte{0, 0, 0, 0}, nil
		}
		ip4 := ip.To4()
		if ip4 == nil {
			return nil, &AddrError{Err: "non-IPv4 address", Addr: ip.String()}
		}
		return []byte(ip4), nil
	}
	if len(ip) == 0 || ip.Equal(IPv4zero) {
		return []byte(IPv6zero), nil
	}
	ip16 := ip.To16()
	if ip16 == nil {
		return nil, &AddrError{Err: "non-IPv6 address", Addr: ip.String()}
	}
	return []byte(ip16), nil
}

// addrOf reads the local or peer address of a socket.
func addrOf(h *sysFD, peer bool) Addr {
	ip, port, code := fdAddr(h, peer)
	if code != 0 || len(ip) == 0 {
		return nil
	}
	return &TCPAddr{IP: IP(ip), Port: port}
}

// ---- the descriptor ----

type netFD struct {
	h     *sysFD
	net   string
	laddr Addr
	raddr Addr
}

func (fd *netFD) read(p []byte) (int, error) {
	for {
		n, code := fdRead(fd.h, p)
		if code == 0 {
			if n == 0 && len(p) > 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		if code != codeRetry {
			return 0, codeError(code, "read")
		}
	}
}

func (fd *netFD) write(p []byte) (int, error) {
	nn := 0
	for {
		n, code := fdWrite(fd.h, p[nn:])
		nn += n
		if code == codeRetry {
			continue
		}
		if code != 0 {
			return nn, codeError(code, "write")
		}
		if nn == len(p) {
			return nn, nil
		}
	}
}

// setDeadline applies t to mode ('r', 'w' or 'r'+'w'), as Go's
// internal/poll: the zero time clears it, a time not in the future has
// already passed.
func (fd *netFD) setDeadline(t time.Time, mode int) error {
	var when int64
	if !t.IsZero() {
		d := time.Until(t)
		if d <= 0 {
			when = -1
		} else {
			when = nanotime() + int64(d)
		}
	}
	if code := fdSetDeadline(fd.h, when, mode); code != 0 {
		return codeError(code, "setdeadline")
	}
	return nil
}

// ---- connections ----

// Conn is a generic stream-oriented network connection.
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}

// TCPConn is an implementation of the Conn interface for TCP network connections.
type TCPConn struct {
	fd *netFD
}

func (c *TCPConn) ok() bool { return c != nil && c.fd != nil }

func (c *TCPConn) opError(op string, err error) error {
	return &OpError{Op: op, Net: c.fd.net, Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
}

func (c *TCPConn) Read(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.read(b)
	if err != nil && err != io.EOF {
		err = c.opError("read", err)
	}
	return n, err
}

func (c *TCPConn) Write(b []byte) (int, error) {
	if !c.ok() {
		return 0, syscall.EINVAL
	}
	n, err := c.fd.write(b)
	if err != nil {
		err = c.opError("write", err)
	}
	return n, err
}

func (c *TCPConn) Close() error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if code := fdClose(c.fd.h); code != 0 {
		return c.opError("close", codeError(code, "close"))
	}
	return nil
}

func (c *TCPConn) LocalAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.laddr
}

func (c *TCPConn) RemoteAddr() Addr {
	if !c.ok() {
		return nil
	}
	return c.fd.raddr
}

func (c *TCPConn) setDeadline(t time.Time, mode int) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if err := c.fd.setDeadline(t, mode); err != nil {
		return &OpError{Op: "set", Net: c.fd.net, Source: nil, Addr: c.fd.laddr, Err: err}
	}
	return nil
}

func (c *TCPConn) SetDeadline(t time.Time) error      { return c.setDeadline(t, 'r'+'w') }
func (c *TCPConn) SetReadDeadline(t time.Time) error  { return c.setDeadline(t, 'r') }
func (c *TCPConn) SetWriteDeadline(t time.Time) error { return c.setDeadline(t, 'w') }

func (c *TCPConn) shutdown(how int, op string) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if code := fdShutdown(c.fd.h, how); code != 0 {
		return c.opError(op, codeError(code, "shutdown"))
	}
	return nil
}

// CloseRead shuts down the reading side of the TCP connection.
func (c *TCPConn) CloseRead() error { return c.shutdown(0, "close") }

// CloseWrite shuts down the writing side of the TCP connection.
func (c *TCPConn) CloseWrite() error { return c.shutdown(1, "close") }

// SetNoDelay controls Nagle's algorithm (off by default: no delay).
func (c *TCPConn) SetNoDelay(noDelay bool) error {
	if !c.ok() {
		return syscall.EINVAL
	}
	if code := fdSetNoDelay(c.fd.h, noDelay); code != 0 {
		return c.opError("set", codeError(code, "setsockopt"))
	}
	return nil
}

// ---- listeners ----

// A Listener is a generic network listener for stream-oriented protocols.
type Listener interface {
	Accept() (Conn, error)
	Close() error
	Addr() Addr
}

// TCPListener is a TCP network listener.
type TCPListener struct {
	fd *netFD
}

func (l *TCPListener) ok() bool { return l != nil && l.fd != nil }

// AcceptTCP accepts the next incoming call and returns the new connection.
func (l *TCPListener) AcceptTCP() (*TCPConn, error) {
	if !l.ok() {
		return nil, syscall.EINVAL
	}
	for {
		h, code := fdAccept(l.fd.h)
		if code == 0 {
			fd := &netFD{h: h, net: l.fd.net}
			fd.laddr = addrOf(h, false)
			fd.raddr = addrOf(h, true)
			return &TCPConn{fd}, nil
		}
		if code != codeRetry {
			return nil, &OpError{Op: "accept", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: codeError(code, "accept")}
		}
	}
}

// Accept implements the Accept method in the Listener interface.
func (l *TCPListener) Accept() (Conn, error) {
	c, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Close stops listening on the TCP address. Already Accepted connections
// are not closed.
func (l *TCPListener) Close() error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if code := fdClose(l.fd.h); code != 0 {
		return &OpError{Op: "close", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: codeError(code, "close")}
	}
	return nil
}

// Addr returns the listener's network address, a *TCPAddr.
func (l *TCPListener) Addr() Addr { return l.fd.laddr }

// SetDeadline sets the deadline associated with the listener.
func (l *TCPListener) SetDeadline(t time.Time) error {
	if !l.ok() {
		return syscall.EINVAL
	}
	if err := l.fd.setDeadline(t, 'r'+'w'); err != nil {
		return &OpError{Op: "set", Net: l.fd.net, Source: nil, Addr: l.fd.laddr, Err: err}
	}
	return nil
}

// Listen announces on the local network address ("tcp", "tcp4", "tcp6").
func Listen(network, address string) (Listener, error) {
	l, err := listenTCP(network, address)
	if err != nil {
		return nil, err
	}
	return l, nil
}

// ListenTCP acts like Listen for TCP networks.
func ListenTCP(network string, laddr *TCPAddr) (*TCPListener, error) {
	if err := checkNetwork(network); err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: laddr.opAddr(), Err: err}
	}
	if laddr == nil {
		laddr = &TCPAddr{}
	}
	return listenOn(network, laddr)
}

func (a *TCPAddr) opAddr() Addr {
	if a == nil {
		return nil
	}
	return a
}

func listenTCP(network, address string) (*TCPListener, error) {
	addrs, err := resolveTCP("listen", network, address)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: nil, Err: err}
	}
	return listenOn(network, firstIPv4(addrs))
}

func listenOn(network string, la *TCPAddr) (*TCPListener, error) {
	family, v6only := afINET, false
	switch {
	case network == "tcp4":
	case network == "tcp6":
		family, v6only = afINET6, true
	case la.isWildcard():
		family = afINET6 // dual stack, as Go where IPv4-mapped addresses work
	default:
		family = la.family()
	}
	ip, err := sockIP(family, la.IP)
	if err != nil {
		return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: la, Err: err}
	}
	h, code, call := sysListen(family, v6only, ip, la.Port)
	if code != 0 {
		if family == afINET6 && !v6only && la.isWildcard() && code == 97 { // EAFNOSUPPORT: no IPv6
			ip, _ = sockIP(afINET, la.IP)
			h, code, call = sysListen(afINET, false, ip, la.Port)
		}
		if code != 0 {
			return nil, &OpError{Op: "listen", Net: network, Source: nil, Addr: la, Err: os.NewSyscallError(call, syscall.Errno(code))}
		}
	}
	fd := &netFD{h: h, net: network}
	fd.laddr = addrOf(h, false)
	return &TCPListener{fd}, nil
}

// ---- dialing ----

// Dial connects to the address on the named network ("tcp", "tcp4", "tcp6").
func Dial(network, address string) (Conn, error) {
	c, err := dialTCP(network, address, 0)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DialTimeout acts like Dial but takes a timeout, which includes name
// resolution if required.
func DialTimeout(network, address string, timeout time.Duration) (Conn, error) {
	var deadline int64
	if timeout > 0 {
		deadline = nanotime() + int64(timeout)
	}
	c, err := dialTCP(network, address, deadline)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DialTCP acts like Dial for TCP networks.
func DialTCP(network string, laddr, raddr *TCPAddr) (*TCPConn, error) {
	if err := checkNetwork(network); err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: raddr.opAddr(), Err: err}
	}
	if raddr == nil {
		return nil, &OpError{Op: "dial", Net: network, Source: laddr.opAddr(), Addr: nil, Err: errMissingAddress}
	}
	return dialOne(network, raddr, 0)
}

func dialTCP(network, address string, deadline int64) (*TCPConn, error) {
	addrs, err := resolveTCP("dial", network, address)
	if err != nil {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: nil, Err: err}
	}
	var first error
	for _, ra := range addrs {
		c, err := dialOne(network, ra, deadline)
		if err == nil {
			return c, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

func dialOne(network string, ra *TCPAddr, deadline int64) (*TCPConn, error) {
	fail := func(err error) (*TCPConn, error) {
		return nil, &OpError{Op: "dial", Net: network, Source: nil, Addr: ra, Err: err}
	}
	family := ra.family()
	if network == "tcp6" {
		family = afINET6
	} else if network == "tcp4" {
		family = afINET
	}
	ip, err := sockIP(family, ra.IP)
	if err != nil {
		return fail(err)
	}
	h, code := sysSocket(family, network == "tcp6")
	if code != 0 {
		return fail(os.NewSyscallError("socket", syscall.Errno(code)))
	}
	if deadline != 0 {
		when := deadline
		if when <= nanotime() {
			when = -1
		}
		fdSetDeadline(h, when, 'w')
	}
	for {
		_, code = fdConnect(h, family, ip, ra.Port)
		if code != codeRetry {
			break
		}
	}
	if code != 0 {
		fdClose(h)
		if code == codeTimeout {
			return fail(&timeoutError{})
		}
		return fail(codeError(code, "connect"))
	}
	if deadline != 0 {
		fdSetDeadline(h, 0, 'w')
	}
	fdConnected(h)
	fd := &netFD{h: h, net: network}
	fd.laddr = addrOf(h, false)
	fd.raddr = addrOf(h, true)
	if fd.raddr == nil {
		fd.raddr = ra
	}
	return &TCPConn{fd}, nil
}
)go";

}  // namespace gol::stdlib
