package search

// pinyinFilter is the prefilter of a term that may be pinyin: each run of
// letters must start with a letter the entry holds (literally or as the
// initial of a reading), and, for entries without ASCII letters, the run
// must split into reading prefixes whose initials occur as adjacent pairs
// in the entry.
type pinyinFilter struct {
	firsts []uint32 // the first letter of each run, as a letter bit
	// alts holds per run the initials sequences of its possible splits
	// (each of two letters or more); nil means no pair constraint.
	alts [][]string
	// leads holds, for the runs that constrain it, the entries that hold
	// characters to spell the run (see runEntries).
	leads [][]uint64
	// impossible is set when some run cannot be split into reading prefixes.
	impossible bool
	// letters is the term's letters (term.letterMask): an entry holding
	// none of them literally spells every letter with its characters'
	// readings, so the constraints hold for it.
	letters uint32
	// lead is term.lead (see leadOf).
	lead int
}

// Bounds on split enumeration; beyond them a run gets no constraint:
// distinct initials sequences, splits listed, and steps taken.
const (
	maxSplits     = 64
	maxUnitSplits = 512
	maxSplitSteps = 4096
)

func (ix *Index) newPinyinFilter(t *term) *pinyinFilter {
	f := &pinyinFilter{letters: t.letterMask}
	var run []rune
	flush := func() {
		if len(run) == 0 {
			return
		}
		f.firsts = append(f.firsts, letterBit(run[0]))
		// The splits are listed once; each constraint reads them.
		splits, ok := splitUnits(string(run), ix.prefixes)
		if !ok {
			splits = nil
		}
		if len(f.firsts) == 1 && letterBit(t.runes[0]) != 0 {
			f.lead = leadOf(run, splits)
		}
		if bm := ix.runEntries(splits); bm != nil {
			f.leads = append(f.leads, bm)
		}
		alts, ok := splitInitials(splits, ok)
		switch {
		case !ok:
			f.alts = append(f.alts, nil)
		case len(alts) == 0:
			f.impossible = true
			f.alts = append(f.alts, nil)
		default:
			f.alts = append(f.alts, alts)
		}
		run = run[:0]
	}
	for _, r := range t.runes {
		if letterBit(r) != 0 {
			run = append(run, r)
		} else {
			flush()
		}
	}
	flush()
	return f
}

// keep reports whether entry e may hold a pinyin match.
func (f *pinyinFilter) keep(ix *Index, e int32) bool {
	m := ix.letters[e]
	lit, ini := uint32(m), uint32(m>>32)
	for _, b := range f.firsts {
		if (lit|ini)&b == 0 {
			return false
		}
	}
	if lit&f.letters != 0 {
		return true // literal letters may fill any gap: no pair constraint
	}
	if f.impossible {
		return false
	}
	for _, bm := range f.leads {
		if bm[e/64]&(1<<(e%64)) == 0 {
			return false
		}
	}
	for _, alts := range f.alts {
		if alts == nil {
			continue
		}
		found := false
		for _, seq := range alts {
			ok := true
			for i := 0; i+1 < len(seq) && ok; i++ {
				ok = ix.hasPair(e, seq[i], seq[i+1])
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// splitInitials lists the distinct initials sequences of a run's splits
// (splitUnits; listed says they all are). It returns ok=false when a split
// into one unit exists (no pair to require) or the enumeration hit its
// bounds.
func splitInitials(splits [][]string, listed bool) (alts []string, ok bool) {
	if !listed {
		return nil, false
	}
	seen := map[string]bool{}
	for _, split := range splits {
		if len(split) < 2 {
			return nil, false
		}
		initials := make([]byte, len(split))
		for i, u := range split {
			initials[i] = u[0]
		}
		if k := string(initials); !seen[k] {
			seen[k] = true
			alts = append(alts, k)
			if len(alts) > maxSplits {
				return nil, false
			}
		}
	}
	return alts, true
}

// keepWords is keep for every entry at once, as a bitmap over the entries
// (bit e%64 of word e/64): the pair and lead constraints are tested 64
// entries at a time on their bitmaps, and only the letter masks are read
// entry by entry. It agrees with keep on every entry.
func (f *pinyinFilter) keepWords(ix *Index) []uint64 {
	n := len(ix.entries)
	out := make([]uint64, (n+63)/64)
	var need uint32 // every run's first letter
	for _, b := range f.firsts {
		need |= b
	}
	// Each alternative as the bitmaps of its pairs.
	stride := pairStride(n)
	var alts [][][]uint64
	for _, as := range f.alts {
		if as == nil {
			continue
		}
		var seqs [][]uint64
		for _, seq := range as {
			var pairs []uint64 // word offsets of the seq's pair bitmaps, stride apart
			for i := 0; i+1 < len(seq); i++ {
				k := int(seq[i]-'a')*26 + int(seq[i+1]-'a')
				pairs = append(pairs, uint64(k*stride))
			}
			seqs = append(seqs, pairs)
		}
		alts = append(alts, seqs)
	}
	for w := range out {
		lo := w * 64
		hi := min(lo+64, n)
		var lit, ini uint64 // entries with the term's letters literally, without, whose masks hold need
		for i, m := range ix.letters[lo:hi] {
			if (uint32(m)|uint32(m>>32))&need != need {
				continue
			}
			if uint32(m)&f.letters != 0 {
				lit |= 1 << i
			} else {
				ini |= 1 << i
			}
		}
		if f.impossible {
			ini = 0
		}
		for _, bm := range f.leads {
			ini &= bm[w]
		}
		for _, seqs := range alts {
			if ini == 0 {
				break
			}
			var any uint64
			for _, pairs := range seqs {
				all := ^uint64(0)
				for _, off := range pairs {
					all &= ix.pairs[int(off)+w]
				}
				any |= all
			}
			ini &= any
		}
		out[w] = lit | ini
	}
	return out
}

// hasBit reports whether bit e is set in the bitmap words.
func hasBit(words []uint64, e int32) bool { return words[e/64]&(1<<(e%64)) != 0 }
