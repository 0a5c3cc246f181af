package secrets

// keywordDFA finds every occurrence of a set of keywords, overlapping ones included, in one
// pass: an Aho-Corasick automaton with its failure links folded into a dense transition table
// over byte classes (one per byte the keywords hold, one for every other byte). It replaces a
// trie whose 2 KB rows per state and failure-link walk made the keyword pass about 0.25 s of a
// real-corpus scan. Matching is byte for byte: the scanner walks the ASCII-lowercased text.
type keywordDFA struct {
	class  [256]int32 // byte → class; 0: a byte no keyword holds
	nclass int32
	// next[state*nclass+class] is the next state's row offset (state*nclass), bitwise
	// complemented (negative) when keywords end there. State 0 is the start.
	next []int32
	outs [][]int // per state: the keywords that end there (indices into kws)
	kws  []string
}

func newKeywordDFA(kws []string) *keywordDFA {
	d := &keywordDFA{nclass: 1, kws: kws}
	for _, k := range kws {
		for i := 0; i < len(k); i++ {
			if d.class[k[i]] == 0 {
				d.class[k[i]] = d.nclass
				d.nclass++
			}
		}
	}
	// the trie: goto_[state][class], -1 where it has no edge
	var goto_ [][]int32
	newState := func() int32 {
		row := make([]int32, d.nclass)
		for c := range row {
			row[c] = -1
		}
		goto_ = append(goto_, row)
		d.outs = append(d.outs, nil)
		return int32(len(goto_) - 1)
	}
	newState()
	for ki, k := range kws {
		s := int32(0)
		for i := 0; i < len(k); i++ {
			c := d.class[k[i]]
			if goto_[s][c] < 0 {
				t := newState()
				goto_[s][c] = t
			}
			s = goto_[s][c]
		}
		d.outs[s] = append(d.outs[s], ki)
	}
	// breadth first, each state's failure state is complete before it: a missing edge goes
	// where the failure state's edge goes, and a state ends what its failure state ends
	fail := make([]int32, len(goto_))
	queue := []int32{}
	for c, t := range goto_[0] {
		if t < 0 {
			goto_[0][c] = 0
		} else {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for c, t := range goto_[u] {
			if t < 0 {
				goto_[u][c] = goto_[fail[u]][c]
				continue
			}
			fail[t] = goto_[fail[u]][c]
			d.outs[t] = append(d.outs[t], d.outs[fail[t]]...)
			queue = append(queue, t)
		}
	}
	d.next = make([]int32, 0, len(goto_)*int(d.nclass))
	for _, row := range goto_ {
		for _, t := range row {
			off := t * d.nclass
			if len(d.outs[t]) > 0 {
				off = ^off
			}
			d.next = append(d.next, off)
		}
	}
	return d
}

// walk calls fn(end, n, kw) for every occurrence text[end-n+1:end+1] of keyword kw, by end.
func (d *keywordDFA) walk(text []byte, fn func(end, n, kw int)) {
	next, class := d.next, &d.class
	off := int32(0) // the current state's row
	for i, c := range text {
		off = next[off+class[c]]
		if off < 0 {
			off = ^off
			for _, k := range d.outs[off/d.nclass] {
				fn(i, len(d.kws[k]), k)
			}
		}
	}
}
