package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Word's automatic numbering lives in numbering.xml: each w:num names an
// abstract list whose levels say how to count (numFmt: decimal,
// chineseCounting, ideographDigital …), where to start, and how to print
// (lvlText "%1、", "（%2）"). Paragraphs carry a numId and a level; the
// number printed is the level's counter in its format, inside lvlText.

// numLevel is one level of an abstract list.
type numLevel struct {
	start   int
	format  string
	text    string
	hasText bool
}

// numbering holds the lists of a document and their running counters.
type numbering struct {
	abstract map[string]map[int]numLevel // abstractNumId → level → format
	nums     map[string]string           // numId → abstractNumId
	starts   map[string]map[int]int      // numId → level → start override
	counters map[string][]int            // abstractNumId → counters by level (0 = not started)
	started  map[string]bool             // numIds whose overrides have been applied
}

// parseNumbering reads numbering.xml (empty data: no numbering).
func parseNumbering(data []byte) (*numbering, error) {
	n := &numbering{abstract: map[string]map[int]numLevel{}, nums: map[string]string{}, starts: map[string]map[int]int{},
		counters: map[string][]int{}, started: map[string]bool{}}
	if len(data) == 0 {
		return n, nil
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var absID, numID string
	lvl, overrideLvl := -1, -1
	var cur numLevel
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			val := attrVal(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				absID = attrVal(t, "abstractNumId")
				n.abstract[absID] = map[int]numLevel{}
			case "lvl":
				if numID == "" {
					lvl, _ = strconv.Atoi(attrVal(t, "ilvl"))
					cur = numLevel{start: 1, format: "decimal"}
				}
			case "start":
				if lvl >= 0 && numID == "" {
					v, _ := strconv.Atoi(val)
					cur.start = clampStart(v)
				}
			case "numFmt":
				if lvl >= 0 && numID == "" {
					cur.format = val
				}
			case "lvlText":
				if lvl >= 0 && numID == "" {
					cur.text, cur.hasText = val, true
				}
			case "num":
				numID = attrVal(t, "numId")
			case "abstractNumId":
				if numID != "" {
					n.nums[numID] = val
				}
			case "lvlOverride":
				overrideLvl, _ = strconv.Atoi(attrVal(t, "ilvl"))
			case "startOverride":
				if numID != "" && overrideLvl >= 0 {
					if n.starts[numID] == nil {
						n.starts[numID] = map[int]int{}
					}
					v, _ := strconv.Atoi(val)
					n.starts[numID][overrideLvl] = clampStart(v)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if numID == "" && lvl >= 0 && absID != "" {
					n.abstract[absID][lvl] = cur
					lvl = -1
				}
			case "abstractNum":
				absID = ""
			case "num":
				numID = ""
			case "lvlOverride":
				overrideLvl = -1
			}
		}
	}
}

// maxLevels bounds list levels (Word has nine).
const maxLevels = 9

// maxStart bounds a list's start value, as Word does (0–32767); a file
// may say anything.
const maxStart = 32767

// clampStart keeps a start value from a file within Word's range.
func clampStart(v int) int { return min(max(v, 0), maxStart) }

// next advances the counter of a paragraph numbered (numID, ilvl) and
// returns its printed number, "" for a bullet or an unknown list.
func (n *numbering) next(numID, ilvlText string) string {
	abs, ok := n.nums[numID]
	if !ok || numID == "0" {
		return ""
	}
	levels := n.abstract[abs]
	ilvl, _ := strconv.Atoi(ilvlText)
	if ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	c := n.counters[abs]
	if c == nil {
		c = make([]int, maxLevels)
		n.counters[abs] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for l, s := range n.starts[numID] {
			if l >= 0 && l < maxLevels {
				c[l] = s - 1
				if c[l] < 0 {
					c[l] = 0
				}
				for d := l + 1; d < maxLevels; d++ {
					c[d] = 0
				}
			}
		}
	}
	if c[ilvl] == 0 {
		c[ilvl] = max(levels[ilvl].start, 1) - 1
	}
	c[ilvl] = min(c[ilvl]+1, 1<<20) // a hostile list cannot count without end
	for d := ilvl + 1; d < maxLevels; d++ {
		c[d] = 0
	}
	lv := levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	text := lv.text
	if !lv.hasText {
		text = "%" + strconv.Itoa(ilvl+1) + "."
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := c[l]
			if v == 0 {
				v = max(levels[l].start, 1)
			}
			b.WriteString(formatNumber(v, levels[l].format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

// formatNumber prints v in a Word number format.
func formatNumber(v int, format string) string {
	if v < 0 || v > 1<<20 {
		return strconv.Itoa(v)
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseCounting(v)
	case "ideographDigital", "taiwaneseDigital":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune([]rune("〇一二三四五六七八九")[d-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	case "ideographZodiac":
		if v >= 1 && v <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[v-1])
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune('０' + d - '0')
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "lowerLetter", "upperLetter":
		s := string(rune('a' + (v-1)%26))
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return strings.Repeat(s, min((v-1)/26+1, 8))
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

// chineseCounting prints 1–9999 as 一 … 十一 … 二十 … 一百零五.
func chineseCounting(v int) string {
	if v <= 0 || v >= 10000 {
		return strconv.Itoa(v)
	}
	digits := []rune("零一二三四五六七八九")
	units := []string{"", "十", "百", "千"}
	var b strings.Builder
	s := strconv.Itoa(v)
	zero := false
	for i, d := range s {
		pos := len(s) - 1 - i
		if d == '0' {
			zero = true
			continue
		}
		if zero && b.Len() > 0 {
			b.WriteRune('零')
		}
		zero = false
		if !(d == '1' && pos == 1 && i == 0) { // 十一, not 一十一
			b.WriteRune(digits[d-'0'])
		}
		b.WriteString(units[pos])
	}
	return b.String()
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
