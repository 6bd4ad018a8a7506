package search

// narrowCache remembers the entries the last few queries matched in order,
// so a keystroke that extends one of them (typing on, or typing again after
// a backspace) scores only those.
type narrowCache struct {
	keys []string
	ids  [][]int32
}

// narrowSlots is how many queries the cache keeps.
const narrowSlots = 8

// remember stores the entries key matched (a superset will do); an empty
// key clears the cache.
func (ix *Index) remember(key string, ids []int32) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	c := &ix.cache
	if key == "" {
		c.keys, c.ids = nil, nil
		return
	}
	for i, k := range c.keys {
		if k == key {
			c.keys = append(c.keys[:i], c.keys[i+1:]...)
			c.ids = append(c.ids[:i], c.ids[i+1:]...)
			break
		}
	}
	if len(c.keys) == narrowSlots {
		c.keys, c.ids = c.keys[1:], c.ids[1:]
	}
	c.keys = append(c.keys, key)
	c.ids = append(c.ids, ids)
}

// narrowed returns the matches of the longest remembered query that q
// extends.
func (ix *Index) narrowed(q query) ([]int32, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	best := -1
	for i, k := range ix.cache.keys {
		if q.extends(k) && (best < 0 || len(k) > len(ix.cache.keys[best])) {
			best = i
		}
	}
	if best < 0 {
		return nil, false
	}
	return ix.cache.ids[best], true
}
