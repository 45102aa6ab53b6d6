// unicode_tables.go — writes stdlib/unicode_tables.inc: for each rune
// predicate of package unicode that gol implements, the runes for which Go's
// own answers true, as sorted inclusive ranges.
//
// The tables are Unicode data as the Go toolchain that runs this holds it
// (Go 1.23: Unicode 15.0.0). Recording Go's answers rather than reading the
// Unicode Character Database keeps Go's own rules too: IsSpace is
// White_Space but only the listed Latin-1 runes below U+0100, IsControl is
// true for C0 and C1 controls only.
//
// Run from the repository root:
//
//	go run stdlib/gen/unicode_tables.go > stdlib/unicode_tables.inc
//
// The test StdlibGen.UnicodeTablesAreReproducible checks that the file is
// what this writes.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	predicates := []struct {
		name string
		is   func(rune) bool
	}{
		{"kIsLetter", unicode.IsLetter},
		{"kIsDigit", unicode.IsDigit},
		{"kIsNumber", unicode.IsNumber},
		{"kIsSpace", unicode.IsSpace},
		{"kIsUpper", unicode.IsUpper},
		{"kIsLower", unicode.IsLower},
		{"kIsTitle", unicode.IsTitle},
		{"kIsPunct", unicode.IsPunct},
		{"kIsMark", unicode.IsMark},
		{"kIsSymbol", unicode.IsSymbol},
		{"kIsControl", unicode.IsControl},
	}
	fmt.Printf("// unicode_tables.inc — package unicode's rune classes (Unicode %s), written by\n", unicode.Version)
	fmt.Printf("// stdlib/gen/unicode_tables.go from Go's own predicates: inclusive ranges, sorted.\n")
	for _, p := range predicates {
		var ranges [][2]rune
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if !p.is(r) {
				continue
			}
			if n := len(ranges); n > 0 && ranges[n-1][1] == r-1 {
				ranges[n-1][1] = r
			} else {
				ranges = append(ranges, [2]rune{r, r})
			}
		}
		fmt.Printf("\n// %d ranges.\nconstexpr RuneRange %s[] = {\n", len(ranges), p.name)
		for i, rg := range ranges {
			if i%6 == 0 {
				fmt.Print("   ")
			}
			fmt.Printf(" {0x%x, 0x%x},", rg[0], rg[1])
			if i%6 == 5 || i == len(ranges)-1 {
				fmt.Println()
			}
		}
		fmt.Println("};")
	}
}
