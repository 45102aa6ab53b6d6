// sort.cc — package sort: sorting and searching.
//
// Written in Go: sorting is nothing but calls to Less and Swap, which are user
// methods or a user closure, so doing it in gol code keeps the VM from
// re-entering itself from C++ (DESIGN.md §4).
//
// Sort is pattern-defeating quicksort, and it performs exactly the Less/Swap
// sequence Go's sort.Sort performs (same pivot choice, same partitioning, same
// pattern breaking with the same xorshift seed). That is not taste: Sort is
// not stable, so elements that compare equal end in an order only the
// algorithm decides, and a gol program must print what the Go program prints.
// Stable sorting has one correct output; it uses insertion-sorted blocks
// merged in place by rotation, as Go's does, since Interface offers only Swap.
//
// Slice and SliceStable reuse the same code through an Interface over
// (x any, less). The only natives are what needs run-time type information:
//   sliceLen(x, op)     len of the slice x; panics like reflect (naming op)
//                       when x is not a slice
//   swapElems(x, i, j)  swaps elements i and j of the slice x
// Rejected: Slice as one native function. It would call `less` from C++.
//
// Ints, Strings and Float64s sort through IntSlice etc. Modern Go sorts them
// with slices.Sort, whose output is the same except for the relative order of
// -0 and +0 in Float64s.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kSortSource = R"go(package sort

// Interface is what Sort needs of a collection indexed by int.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order of Less. It is not stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	pdqsort(data, 0, n, bitLen(uint(n)))
}

// Stable sorts data, keeping equal elements in their original order.
func Stable(data Interface) {
	stable(data, data.Len())
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	// Embedding lends the wrapped value's Len and Swap.
	Interface
}

func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse returns data with the order of Less reversed.
func Reverse(data Interface) Interface {
	return &reverse{data}
}

// Slice sorts the slice x by less. It is not stable; x must be a slice.
func Slice(x any, less func(i, j int) bool) {
	n := sliceLen(x, "Swapper")
	pdqsort(&anySlice{x, less}, 0, n, bitLen(uint(n)))
}

// SliceStable sorts the slice x by less, keeping equal elements in order.
func SliceStable(x any, less func(i, j int) bool) {
	n := sliceLen(x, "Swapper")
	stable(&anySlice{x, less}, n)
}

// SliceIsSorted reports whether the slice x is sorted by less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	for i := sliceLen(x, "reflect.Value.Len") - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

// anySlice is Slice's view of its arguments as an Interface.
type anySlice struct {
	x    any
	less func(i, j int) bool
}

func (s *anySlice) Len() int           { return sliceLen(s.x, "reflect.Value.Len") }
func (s *anySlice) Less(i, j int) bool { return s.less(i, j) }
func (s *anySlice) Swap(i, j int)      { swapElems(s.x, i, j) }

func sliceLen(x any, op string) int

func swapElems(x any, i, j int)

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// Float64Slice orders NaNs before every other value.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

func Ints(x []int)         { Sort(IntSlice(x)) }
func Float64s(x []float64) { Sort(Float64Slice(x)) }
func Strings(x []string)   { Sort(StringSlice(x)) }

func IntsAreSorted(x []int) bool         { return IsSorted(IntSlice(x)) }
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }
func StringsAreSorted(x []string) bool   { return IsSorted(StringSlice(x)) }

// Search returns the smallest i in [0, n) at which f(i) is true, or n,
// assuming f is false and then true over [0, n).
func Search(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if f(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Find returns the smallest i in [0, n) at which cmp(i) <= 0, or n, and
// whether cmp(i) == 0 there, assuming cmp is positive, then not.
func Find(n int, cmp func(int) int) (i int, found bool) {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cmp(mid) > 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < n && cmp(lo) == 0
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// bitLen is the number of bits needed to represent x.
func bitLen(x uint) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

// ---- pattern-defeating quicksort (Orson Peters, arXiv:2106.05123) ----

const (
	insertionMax    = 12 // ranges this short are insertion sorted
	nintherMin      = 50 // ranges this long take the pivot as a ninther
	shiftingMin     = 50 // ranges shorter than this are not partially insertion sorted
	partialMaxSteps = 5  // out-of-order pairs partialInsertionSort fixes before giving up
)

// What choosePivot learned about the order of the range from the
// comparisons it made.
const (
	orderUnknown = iota
	orderIncreasing
	orderDecreasing
)

// pdqsort sorts data[a:b]. limit is how many badly unbalanced partitions are
// allowed before falling back to heapsort.
func pdqsort(data Interface, a, b, limit int) {
	balanced := true    // the previous partition was not badly unbalanced
	partitioned := true // the previous partition moved nothing
	for {
		n := b - a
		if n <= insertionMax {
			insertionSort(data, a, b)
			return
		}
		if limit == 0 {
			heapSort(data, a, b)
			return
		}
		if !balanced {
			breakPatterns(data, a, b)
			limit--
		}
		pivot, order := choosePivot(data, a, b)
		if order == orderDecreasing {
			reverseRange(data, a, b)
			pivot = (b - 1) - (pivot - a)
			order = orderIncreasing
		}
		if balanced && partitioned && order == orderIncreasing && partialInsertionSort(data, a, b) {
			return
		}
		// An element before the range is <= every element in it. If the pivot
		// is not greater than that element, the range holds many copies of
		// the pivot: split them off and sort only the greater ones.
		if a > 0 && !data.Less(a-1, pivot) {
			a = partitionEqual(data, a, b, pivot)
			continue
		}
		mid, already := partition(data, a, b, pivot)
		partitioned = already
		// Recurse into the smaller side and loop on the larger.
		left, right := mid-a, b-mid
		if left < right {
			balanced = left >= n/8
			pdqsort(data, a, mid, limit)
			a = mid + 1
		} else {
			balanced = right >= n/8
			pdqsort(data, mid+1, b, limit)
			b = mid
		}
	}
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// heapSort sorts data[a:b] with a max-heap rooted at a.
func heapSort(data Interface, a, b int) {
	n := b - a
	for root := (n - 1) / 2; root >= 0; root-- {
		siftDown(data, a, root, n)
	}
	for last := n - 1; last >= 0; last-- {
		data.Swap(a, a+last)
		siftDown(data, a, 0, last)
	}
}

// siftDown restores the heap property below root in the heap of size n
// based at offset base.
func siftDown(data Interface, base, root, n int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && data.Less(base+child, base+child+1) {
			child++
		}
		if !data.Less(base+root, base+child) {
			return
		}
		data.Swap(base+root, base+child)
		root = child
	}
}

// partition moves data[pivot] to its final place p within data[a:b], with
// smaller elements before it and the others after, and returns p and whether
// the range was already partitioned.
func partition(data Interface, a, b, pivot int) (int, bool) {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1 // the unexamined elements are data[lo:hi+1]
	for lo <= hi && data.Less(lo, a) {
		lo++
	}
	for lo <= hi && !data.Less(hi, a) {
		hi--
	}
	if lo > hi {
		data.Swap(hi, a)
		return hi, true
	}
	data.Swap(lo, hi)
	lo++
	hi--
	for {
		for lo <= hi && data.Less(lo, a) {
			lo++
		}
		for lo <= hi && !data.Less(hi, a) {
			hi--
		}
		if lo > hi {
			break
		}
		data.Swap(lo, hi)
		lo++
		hi--
	}
	data.Swap(hi, a)
	return hi, false
}

// partitionEqual, for a range with no element smaller than data[pivot],
// moves the elements equal to it to the front and returns where the greater
// ones begin.
func partitionEqual(data Interface, a, b, pivot int) int {
	data.Swap(a, pivot)
	lo, hi := a+1, b-1
	for {
		for lo <= hi && !data.Less(a, lo) {
			lo++
		}
		for lo <= hi && data.Less(a, hi) {
			hi--
		}
		if lo > hi {
			return lo
		}
		data.Swap(lo, hi)
		lo++
		hi--
	}
}

// partialInsertionSort fixes up to partialMaxSteps out-of-order neighbours
// of a nearly sorted range and reports whether that sorted it.
func partialInsertionSort(data Interface, a, b int) bool {
	i := a + 1
	for step := 0; step < partialMaxSteps; step++ {
		for i < b && !data.Less(i, i-1) {
			i++
		}
		if i == b {
			return true
		}
		if b-a < shiftingMin {
			return false
		}
		data.Swap(i, i-1)
		// Move the smaller element of the pair left to its place. The scan
		// may run below a, as Go's does; Go compatibility needs the same
		// Less/Swap sequence.
		if i-a >= 2 {
			for j := i - 1; j >= 1 && data.Less(j, j-1); j-- {
				data.Swap(j, j-1)
			}
		}
		// Move the greater one right to its place.
		if b-i >= 2 {
			for j := i + 1; j < b && data.Less(j, j-1); j++ {
				data.Swap(j, j-1)
			}
		}
	}
	return false
}

// breakPatterns swaps three elements around the middle of data[a:b] with
// pseudo-random others, seeded by the length so runs are reproducible.
func breakPatterns(data Interface, a, b int) {
	n := b - a
	if n < 8 {
		return
	}
	seed := uint64(n)
	mask := uint(1)<<uint(bitLen(uint(n))) - 1
	middle := a + (n/4)*2
	for idx := middle - 1; idx <= middle+1; idx++ {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		other := int(uint(seed) & mask)
		if other >= n {
			other -= n
		}
		data.Swap(idx, a+other)
	}
}

// choosePivot picks a pivot for data[a:b] (the median of three, or of three
// medians of three for long ranges) and reports the order the comparisons
// suggest.
func choosePivot(data Interface, a, b int) (pivot int, order int) {
	n := b - a
	i, j, k := a+n/4, a+n/4*2, a+n/4*3
	swaps := 0
	if n >= 8 {
		if n >= nintherMin {
			i = medianOf3(data, i-1, i, i+1, &swaps)
			j = medianOf3(data, j-1, j, j+1, &swaps)
			k = medianOf3(data, k-1, k, k+1, &swaps)
		}
		j = medianOf3(data, i, j, k, &swaps)
	}
	switch swaps {
	case 0:
		return j, orderIncreasing
	case 12: // every comparison of the ninther found its pair reversed
		return j, orderDecreasing
	}
	return j, orderUnknown
}

// medianOf3 returns the index of the median of data[x], data[y], data[z],
// counting in *swaps the comparisons that found a pair out of order.
func medianOf3(data Interface, x, y, z int, swaps *int) int {
	x, y = sorted2(data, x, y, swaps)
	y, z = sorted2(data, y, z, swaps)
	x, y = sorted2(data, x, y, swaps)
	return y
}

func sorted2(data Interface, x, y int, swaps *int) (int, int) {
	if data.Less(y, x) {
		*swaps++
		return y, x
	}
	return x, y
}

func reverseRange(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// ---- stable sort: insertion-sorted blocks, merged in place ----

const stableBlock = 20

func stable(data Interface, n int) {
	for a := 0; a < n; a += stableBlock {
		b := a + stableBlock
		if b > n {
			b = n
		}
		insertionSort(data, a, b)
	}
	for width := stableBlock; width < n; width *= 2 {
		for a := 0; a+width < n; a += 2 * width {
			b := a + 2*width
			if b > n {
				b = n
			}
			mergeInPlace(data, a, a+width, b)
		}
	}
}

// mergeInPlace merges the sorted runs data[a:m] and data[m:b], which are
// both non-empty, stably: split the longer run at its middle, find where that
// element belongs in the other run, rotate the two middle pieces past each
// other, and merge the two halves that result.
func mergeInPlace(data Interface, a, m, b int) {
	if m-a == 1 {
		// A single left element: shift it right to its place.
		i := lowerBound(data, m, b, a, true)
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// A single right element: shift it left to its place.
		i := lowerBound(data, a, m, m, false)
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	var cut1, cut2 int
	if m-a >= b-m {
		cut1 = a + (m-a)/2
		cut2 = lowerBound(data, m, b, cut1, true)
	} else {
		cut2 = m + (b-m)/2
		cut1 = lowerBound(data, a, m, cut2, false)
	}
	if cut1 < m && m < cut2 {
		rotate(data, cut1, m, cut2)
	}
	mid := cut1 + (cut2 - m)
	if a < cut1 && cut1 < mid {
		mergeInPlace(data, a, cut1, mid)
	}
	if mid < cut2 && cut2 < b {
		mergeInPlace(data, mid, cut2, b)
	}
}

// lowerBound returns where data[key], an element of the run beside data[lo:hi],
// belongs in that sorted range so that the merge stays stable: a key from the
// left run goes before the first element not less than it, a key from the
// right run after every element not greater than it.
func lowerBound(data Interface, lo, hi, key int, keyFromLeft bool) int {
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		var after bool // data[key] goes after data[mid]
		if keyFromLeft {
			after = data.Less(mid, key)
		} else {
			after = !data.Less(key, mid)
		}
		if after {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// rotate exchanges the adjacent blocks data[a:m] and data[m:b] with Swaps
// only.
func rotate(data Interface, a, m, b int) {
	left, right := m-a, b-m
	for left != right {
		if left > right {
			swapBlocks(data, m-left, m, right)
			left -= right
		} else {
			swapBlocks(data, m-left, m+right-left, left)
			right -= left
		}
	}
	swapBlocks(data, m-left, m, left)
}

func swapBlocks(data Interface, x, y, n int) {
	for i := 0; i < n; i++ {
		data.Swap(x+i, y+i)
	}
}
)go";

}  // namespace gol::stdlib
