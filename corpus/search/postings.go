package search

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// postings maps each folded rune to the sorted indexes of the entries that
// contain it. Runes found in more than a stop share of the entries (的, 和,
// the comma …) keep no list: they would hold half the postings and filter
// nothing; stopped reports them.
type postings struct {
	dense [][]int32 // runes below 1<<16
	other map[rune][]int32
	stop  []bool // runes below 1<<16 without a list
	// lazy, set for an index read from its stored form, holds the lists'
	// checks: each list is checked on its first use, not all on loading,
	// so a search pages in the lists it reads and no others.
	lazy *listChecks
}

// listChecks records which stored posting lists were checked: every entry
// below limit and the list ascending. A list that fails reads as empty,
// the search that read it fails with ErrStored, and onBad is told once, so
// the store the index came from can drop it (a stored index is checksummed
// before it is loaded: this is the last line of defence).
type listChecks struct {
	limit int32
	dense [1 << 16 / 64]atomic.Uint64 // a bit per rune below 1<<16
	mu    sync.Mutex
	other map[rune]bool // checked runes above
	bad   atomic.Bool   // some list failed
	onBad func()        // set by OnDamage
	once  sync.Once
}

// check returns l, or nil when it fails the checks.
func (lc *listChecks) check(l []int32) []int32 {
	prev := int32(-1)
	for _, e := range l {
		if e <= prev || e >= lc.limit {
			lc.fail()
			return nil
		}
		prev = e
	}
	return l
}

// fail records damage found in the stored index and tells onBad, once.
func (lc *listChecks) fail() {
	lc.bad.Store(true)
	lc.mu.Lock()
	fn := lc.onBad
	lc.mu.Unlock()
	if fn != nil {
		lc.once.Do(fn)
	}
}

// stopped reports whether r occurs too often to have a list.
func (p *postings) stopped(r rune) bool { return r >= 0 && r < 1<<16 && p.stop[r] }

func newPostings() postings {
	return postings{dense: make([][]int32, 1<<16), other: map[rune][]int32{}, stop: make([]bool, 1<<16)}
}

// get returns the entries containing r (folded), in entry order.
func (p *postings) get(r rune) []int32 {
	if r >= 0 && r < 1<<16 {
		l := p.dense[r]
		if lc := p.lazy; lc != nil && len(l) > 0 {
			w, bit := &lc.dense[r/64], uint64(1)<<(r%64)
			if w.Load()&bit == 0 {
				if lc.check(l) == nil {
					return nil
				}
				w.Or(bit)
			}
		}
		return l
	}
	l := p.other[r]
	if lc := p.lazy; lc != nil && len(l) > 0 {
		lc.mu.Lock()
		ok := lc.other[r]
		lc.mu.Unlock()
		if !ok {
			if lc.check(l) == nil {
				return nil
			}
			lc.mu.Lock()
			lc.other[r] = true
			lc.mu.Unlock()
		}
	}
	return l
}

func (p *postings) set(r rune, i int, e int32) {
	if r >= 0 && r < 1<<16 {
		p.dense[r][i] = e
		return
	}
	p.other[r][i] = e
}

// postingPlan is the layout of an index's posting lists, known from the
// counting pass: which runes are stopped and how long every other list
// is, so the stored form's shape can be written before the lists exist.
type postingPlan struct {
	stop  []bool  // per rune below 1<<16
	dense []int32 // per rune below 1<<16: its list's length (0 if stopped)
	other map[rune]int32
}

// planPostings lays out the lists of runes counted in a and b (the two
// halves of the entries); runes counted in more than stopDF entries get
// none, and when only is set, runes outside it get none either.
func planPostings(a, b *runeCounts, stopDF int, only map[rune]bool) postingPlan {
	if only != nil {
		a, b = a.restrict(only), b.restrict(only)
	}
	p := postingPlan{stop: make([]bool, 1<<16), dense: make([]int32, 1<<16), other: map[rune]int32{}}
	for r := range a.dense {
		if n := int(a.dense[r] + b.dense[r]); n > stopDF {
			p.stop[r] = true
		} else {
			p.dense[r] = int32(n)
		}
	}
	for _, c := range []*runeCounts{a, b} {
		for r, n := range c.other {
			p.other[r] += n
		}
	}
	return p
}

// alloc allocates every list of the plan at its final size in one
// backing array, in the order of the plan's shape.
func (plan postingPlan) alloc() postings {
	sh := plan.shape()
	p := newPostings()
	copy(p.stop, plan.stop)
	backing := make([]int32, sh.total)
	off := 0
	for i := 0; i < len(sh.lists); i += 2 {
		r, n := sh.lists[i], int(sh.lists[i+1])
		l := backing[off : off+n : off+n]
		off += n
		if r < 1<<16 {
			p.dense[r] = l
		} else {
			p.other[r] = l
		}
	}
	return p
}

// shape returns the plan's lists as the stored form lays them out.
func (plan postingPlan) shape() postingShape {
	return shapeOf(func(r int) int { return int(plan.dense[r]) }, plan.stop, plan.other)
}

// postingShape is how the stored form lays out posting lists: (rune,
// length) pairs — dense runes ascending, then the others ascending — the
// lists' total length, and the stopped runes.
type postingShape struct {
	lists, stops []int32
	total        int
}

// shapeOf lays out lists of the given lengths: denseLen of the runes
// below 1<<16, other of the rest; stop marks the stopped runes.
func shapeOf(denseLen func(r int) int, stop []bool, other map[rune]int32) postingShape {
	var sh postingShape
	for r := range 1 << 16 {
		if n := denseLen(r); n > 0 {
			sh.lists = append(sh.lists, int32(r), int32(n))
			sh.total += n
		}
		if stop[r] {
			sh.stops = append(sh.stops, int32(r))
		}
	}
	for _, r := range slices.Sorted(maps.Keys(other)) {
		if n := other[r]; n > 0 {
			sh.lists = append(sh.lists, r, n)
			sh.total += int(n)
		}
	}
	return sh
}

// shape returns the lists of p as the stored form lays them out.
func (p *postings) shape() postingShape {
	other := make(map[rune]int32, len(p.other))
	for r, l := range p.other {
		other[r] = int32(len(l))
	}
	return shapeOf(func(r int) int { return len(p.dense[r]) }, p.stop, other)
}

// runeCounts counts per rune; it doubles as a cursor while filling.
type runeCounts struct {
	dense []int32
	other map[rune]int32
}

// restrict returns the counts of the runes in only.
func (c *runeCounts) restrict(only map[rune]bool) *runeCounts {
	out := &runeCounts{dense: make([]int32, len(c.dense)), other: map[rune]int32{}}
	for r := range only {
		if r >= 0 && r < 1<<16 {
			out.dense[r] = c.dense[r]
		} else if n, ok := c.other[r]; ok {
			out.other[r] = n
		}
	}
	return out
}

func newRuneCounts() *runeCounts {
	return &runeCounts{dense: make([]int32, 1<<16), other: map[rune]int32{}}
}

func (c *runeCounts) inc(r rune) {
	if r >= 0 && r < 1<<16 {
		c.dense[r]++
		return
	}
	c.other[r]++
}

// next returns the current count of r and increments it.
func (c *runeCounts) next(r rune) int {
	if r >= 0 && r < 1<<16 {
		n := c.dense[r]
		c.dense[r]++
		return int(n)
	}
	n := c.other[r]
	c.other[r]++
	return int(n)
}

func (c *runeCounts) clone() *runeCounts {
	d := &runeCounts{dense: append([]int32(nil), c.dense...), other: make(map[rune]int32, len(c.other))}
	for r, n := range c.other {
		d.other[r] = n
	}
	return d
}

// lastSeen remembers the last entry each rune was seen in, so a rune is
// counted once per entry.
type lastSeen struct {
	dense []int32
	other map[rune]int32
}

func newLastSeen() *lastSeen {
	l := &lastSeen{dense: make([]int32, 1<<16), other: map[rune]int32{}}
	for i := range l.dense {
		l.dense[i] = -1
	}
	return l
}

// stopMark in lastSeen.dense makes a rune always seen.
const stopMark = -2

// seen reports whether r was already seen in entry e, and marks it.
func (l *lastSeen) seen(r rune, e int32) bool {
	if r >= 0 && r < 1<<16 {
		if v := l.dense[r]; v == e || v == stopMark {
			return true
		}
		l.dense[r] = e
		return false
	}
	if v, ok := l.other[r]; ok && v == e {
		return true
	}
	l.other[r] = e
	return false
}

// intersect returns the entries in both sorted lists.
func intersect(a, b []int32) []int32 {
	out := make([]int32, 0, min(len(a), len(b)))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// union returns the entries in either sorted list.
// Either list comes back as it is when the other is empty (capacity
// clipped, so an append copies): the lists are never written to.
func union(a, b []int32) []int32 {
	switch {
	case len(a) == 0:
		return b[:len(b):len(b)]
	case len(b) == 0:
		return a[:len(a):len(a)]
	}
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}
