package corpus

import (
	"slices"
	"strings"
	"unicode/utf8"

	"policyreader/corpus/internal/lazyre"
)

// unit is one cleaned, non-empty physical line of the source.
type unit struct {
	line  int    // 1-based line number in the source
	text  string // cleaned text (tabs kept)
	title bool   // the line was a markdown level-1 heading (# …)
	cls   classified
}

// stripped records a source line the parser removed as page chrome, a table
// of contents or an excerpt trailer — the only text it ever drops.
type stripped struct {
	line   int
	reason string
	text   string
}

var (
	reChrome = lazyre.New(`^(当前位置\s*[:：]|【法宝引证码】|(上一篇|下一篇)\s*[:：]|字体\s*[:：]|分享到?\s*[:：]?\s*$|分享到\s*[:：|｜][^，。；]{0,24}$|(回到|返回)顶部$|打印本页$|关闭窗口$|【(打印|关闭|大|中|小)】|([【\[]\s*(打印|关闭|打印本页|关闭窗口|大|中|小|返回顶部|收藏|内容纠错|纠错|分享|字[号体]\s*[:：]?\s*大\s*中\s*小)\s*[】\]]\s*)+$|扫一扫)`)
	// reBreadcrumb opens a saved page's breadcrumbs: 您现在的位置：首页 > ….
	// reGluedPageNumber is a page number (-1-) glued before Han text.
	reGluedPageNumber = lazyre.New(`^(-\s?\d{1,3}\s?-)\p{Han}`)
	reBreadcrumb      = lazyre.New(`^(您(现在|当前)?(的|所在)?位置|当前位置|所在位置)\s*[:：].*(首页|>|»|＞|/|→)`)
	reSource          = lazyre.New(`^(信息来源|来源|发布时间|发布日期|信息提供日期|更新日期|更新时间)\s*[:：]`)
	reLink            = lazyre.New(`(?i)^\S+\.(pdf|docx?|wps|xlsx?|ofd|zip|rar)$`)
	// reURL is a link alone on a line, or under a short label (原文链接：…).
	reURL         = lazyre.New(`^(((原文|本文|来源|文章)(链接|地址|网址)|链接地址)\s*[:：]\s*)?[\[(（]?\s*(https?://|www\.)\S*$`)
	reTOCDivision = lazyre.New(`^第[〇零一二两三四五六七八九十百千0-9]+(编|分编|章|节)`)
	reTOC         = lazyre.New(`(\t\s*\d+\s*$)|(\.{3,})|(…{2,})|(·{3,})`)
	// reFooter is a line of a government site's footer: registration
	// numbers, copyright, the site's owner and contact lines, links.
	reFooter = lazyre.New(siteMarks + `|^(设为首页|加入收藏|返回首页|无障碍浏览)$|^(通信地址|地址|邮政编码|邮编|联系电话|电话|传真)\s*[:：]`)
	// reSiteMark is a footer line no document prints: a footer without
	// one is the document's own contact lines.
	reSiteMark = lazyre.New(siteMarks)
)

// siteMarks are the footer lines no document prints: registration
// numbers, copyright (on a short line, not a sentence about it), the
// site's owner, its map and contact page.
const siteMarks = `ICP备|版权归[^。，；]{0,30}所有[^。，；]{0,20}$|©|公网安备|网站标识码|版权所有|^(主办|承办|协办|技术支持)(单位)?\s*[:：]|^(网站地图|联系我们)$`

// chromeFirst and sourceFirst hold the runes reChrome and reSource can
// start with.
const (
	chromeFirst     = "当上下字分回返打关【[扫"
	breadcrumbFirst = "您当所"
	sourceFirst     = "信来发更"
)

// breadcrumbReach is how many kept lines may stand above a saved page's
// breadcrumbs for all of them to be its header (site name, menus, a
// search box): a document's text starts below its breadcrumbs.
const breadcrumbReach = 30

// stripResult is what the cleanup pass returns: the kept units, what was
// dropped and whether an excerpt trailer cut the document.
type stripResult struct {
	units     []unit
	dropped   []stripped
	truncated bool
}

// strip cleans every line and drops page chrome, the table of contents and
// an excerpt trailer (预览已结束 … — everything after it is the site's, and
// the document is marked truncated).
func strip(lines []string) stripResult {
	var res stripResult
	inTOC, inComment := false, false
	valueNext := false // the last line was a source label without its value
	firstTOC := ""     // the first division a table of contents lists
	crumbs := false    // the page's breadcrumbs were met
	for i, raw := range lines {
		raw, inComment = stripComments(raw, inComment, func(c string) {
			res.dropped = append(res.dropped, stripped{i + 1, "markup", c})
		})
		line := cleanLine(raw)
		if line == "" || strings.Trim(line, "\t ") == "" {
			continue
		}
		if line[0] == '-' {
			// A page number text taken from a PDF glued to the line after
			// it (-1-中国人民银行关于印发…, -2-附件).
			if m := reGluedPageNumber.FindStringSubmatch(line); m != nil {
				res.dropped = append(res.dropped, stripped{i + 1, "page number", m[1]})
				line = line[len(m[1]):]
			}
		}
		afterSource := valueNext
		valueNext = false
		drop := func(reason string) { res.dropped = append(res.dropped, stripped{i + 1, reason, line}) }
		trimmed := strings.Trim(line, "\t ")
		if strings.HasPrefix(trimmed, "预览已结束") {
			res.truncated = true
			for j := i; j < len(lines); j++ {
				if l := cleanLine(lines[j]); strings.Trim(l, "\t ") != "" {
					res.dropped = append(res.dropped, stripped{j + 1, "excerpt trailer", l})
				}
			}
			return res
		}
		compact := strings.ReplaceAll(trimmed, " ", "")
		if inTOC {
			// A law's contents list its divisions without page numbers;
			// they end where the first of them comes again as a heading.
			number := reTOCDivision.FindString(compact)
			switch {
			case number != "" && firstTOC == "":
				firstTOC = number
				drop("table of contents")
				continue
			case isTOCEntry(line), number != "" && number != firstTOC:
				drop("table of contents")
				continue
			}
			inTOC = false
		}
		if compact == "目录" {
			inTOC, firstTOC = true, ""
			drop("table of contents")
			continue
		}
		if len(trimmed) > maxChromeBytes {
			res.units = append(res.units, unit{line: i + 1, text: line})
			continue
		}
		if afterSource && utf8.RuneCountInString(trimmed) <= maxSourceValueRunes && !strings.ContainsAny(trimmed, "，。；：:") && endsOrgan(trimmed) {
			drop("page chrome")
			continue
		}
		// Cheap first-rune and substring gates keep the patterns off the
		// bulk of lines, which are text.
		first, _ := utf8.DecodeRuneInString(trimmed)
		switch {
		case !crumbs && strings.ContainsRune(breadcrumbFirst, first) && reBreadcrumb.MatchString(trimmed):
			crumbs = true
			if len(res.units) <= breadcrumbReach {
				for _, u := range res.units {
					res.dropped = append(res.dropped, stripped{u.line, "page chrome", u.text})
				}
				res.units = res.units[:0]
			}
			drop("page chrome")
			continue
		case strings.ContainsRune(chromeFirst, first) && reChrome.MatchString(trimmed):
			drop("page chrome")
			continue
		case strings.ContainsRune(sourceFirst, first) && reSource.MatchString(trimmed) && utf8.RuneCountInString(trimmed) < 60:
			drop("page chrome")
			// 来源： with its value on the next line (价格司): that line
			// is the page's too.
			valueNext = strings.Contains(trimmed, "来源") && strings.TrimRight(reSource.ReplaceAllString(trimmed, ""), " ") == ""
			continue
		case i < toolbarReach && isToolbar(trimmed) && !tableRuleAfter(lines, i):
			drop("page chrome")
			continue
		case strings.Contains(trimmed, ".") && (reLink.MatchString(trimmed) || reURL.MatchString(trimmed)):
			drop("link")
			continue
		}
		res.units = append(res.units, unit{line: i + 1, text: line, title: isMarkdownTitle(raw)})
	}
	res.dropFooter()
	res.dropMenus()
	res.units = joinSplitDates(res.units)
	return res
}

// Site menus: a saved page opens with its site's menu and breadcrumbs one
// item a line (设为首页 / 工作邮箱 / 首页 / 信息公开 / … and 首页 / > / 政务公开),
// and sets its font controls the same way (Aa / 小 / | / 中 / | / 大).

// menuItems are the items of a government site's menus, breadcrumbs and
// font controls.
var menuItems = map[string]bool{
	"首页": true, "设为首页": true, "加入收藏": true, "工作邮箱": true, "搜索": true, "机构概览": true,
	"机构设置": true, "动态要闻": true, "新闻中心": true, "新闻动态": true, "信息公开": true, "政务公开": true,
	"政府信息公开": true, "在线办事": true, "办事服务": true, "互动回应": true, "互动交流": true,
	"专题专栏": true, "网站地图": true, "无障碍": true, "规范性文件": true, "政策": true, "政策文件": true,
	">": true, "|": true, "Aa": true, "小": true, "中": true, "大": true, "打印": true, "关闭": true,
}

// toolbarWords mark a site's toolbar: its language and script switches,
// feeds and accounts (RSS信息订阅|繁体|简体, English | 无障碍 | 登录).
var toolbarWords = []string{"繁体", "简体", "繁體", "English", "ENGLISH", "RSS", "订阅", "无障碍", "登录", "注册", "手机版", "移动版", "长者模式", "关怀版"}

// maxToolbarItemRunes bounds an item of a toolbar line.
const maxToolbarItemRunes = 8

// isToolbar reports a line of a site's toolbar: short items between bars
// (| or ｜), one of them a toolbar item (toolbarItem), or between spaces,
// all of them such items. strip looks for it only near the top of a page
// and never on a markdown table's row (a row over a |---| rule, or one
// opening with a bar).
func isToolbar(l string) bool {
	switch {
	case len(l) > maxToolbarBytes || strings.HasPrefix(l, "|") || strings.HasPrefix(l, "｜"):
		return false
	case strings.ContainsAny(l, "|｜"):
		marked := false
		for _, it := range strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '｜' }) {
			it = strings.TrimSpace(it)
			if it == "" || utf8.RuneCountInString(it) > maxToolbarItemRunes || strings.ContainsAny(it, "，。；：:") {
				return false
			}
			marked = marked || toolbarItem(it)
		}
		return marked
	case strings.Contains(l, " "):
		items := strings.Fields(l)
		for _, it := range items {
			if !toolbarItem(it) {
				return false
			}
		}
		return len(items) >= 2
	}
	return false
}

// toolbarItem reports an item only a site's toolbar or menu prints: one
// of its words whole (繁体, 登录, 首页, 政务公开 — not 登录系统, and not a
// one-character menu item such as 大, which a table's cell may be), or
// one naming a feed or a language (RSS信息订阅, English版).
func toolbarItem(it string) bool {
	return slices.Contains(toolbarWords, it) || menuItems[it] && utf8.RuneCountInString(it) > 1 ||
		strings.Contains(it, "RSS") || strings.Contains(it, "English") || strings.Contains(it, "ENGLISH")
}

// toolbarReach is how far from the top of a page a toolbar is looked for.
const toolbarReach = 40

// reTableRule is a markdown table's rule under its header: |---|:--:|.
var reTableRule = lazyre.New(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$`)

// tableRuleAfter reports a markdown table's rule on the line after
// lines[i]: lines[i] is the table's header row.
func tableRuleAfter(lines []string, i int) bool {
	return i+1 < len(lines) && reTableRule.MatchString(strings.TrimSpace(lines[i+1]))
}

// maxToolbarBytes bounds a toolbar's line.
const maxToolbarBytes = 240

// maxMenuItemRunes bounds a menu item, and menuLines how far down a page
// its menus are looked for.
const (
	maxMenuItemRunes = 6
	menuLines        = 60
)

// dropMenus drops every run of three or more short lines near the top of
// which at least half are menu items: a run of a document's own short
// lines (a title over three lines) names none.
func (res *stripResult) dropMenus() {
	limit := min(len(res.units), menuLines)
	drop := make([]bool, limit)
	any := false
	for i := 0; i < limit; {
		j, items := i, 0
		for j < limit {
			t := strings.Trim(res.units[j].text, "\t ")
			if utf8.RuneCountInString(t) > maxMenuItemRunes || strings.ContainsAny(t, "，。；：:") {
				break
			}
			if menuItems[t] {
				items++
			}
			j++
		}
		if j-i >= 3 && 2*items >= j-i {
			for k := i; k < j; k++ {
				drop[k] = true
			}
			any = true
		}
		i = max(j, i+1)
	}
	if !any {
		return
	}
	kept := res.units[:0]
	for i, u := range res.units {
		if i < limit && drop[i] {
			res.dropped = append(res.dropped, stripped{u.line, "page chrome", u.text})
			continue
		}
		kept = append(kept, u)
	}
	res.units = kept
}

// dropFooter drops the footer a saved page ends with (网站地图, 联系我们,
// 通信地址：…, 京ICP备…, …版权所有): every line from the end that reads as
// one. It stops at the first that does not, so a document's own contact
// line above its signature stays.
func (res *stripResult) dropFooter() {
	n := len(res.units)
	site := false
	// A site may close its page with link lists under the footer (各镇街道
	// / 万顷沙镇黄阁镇…): short lines with no sentence below a line only a
	// site prints go with it.
	for k := n - 1; k >= 0 && n-k <= footerTail; k-- {
		t := strings.Trim(res.units[k].text, "\t ")
		if reSiteMark.MatchString(t) {
			n, site = k+1, true
			break
		}
		if len(t) > maxChromeBytes || strings.ContainsAny(t, "，。；") || dateLine(t) != "" || isOrganLine(t) {
			break // a sentence, or a signature's date or organ: the document's
		}
	}
	for n > 0 {
		t := strings.Trim(res.units[n-1].text, "\t ")
		if len(t) > maxChromeBytes || !reFooter.MatchString(t) {
			break
		}
		site = site || reSiteMark.MatchString(t)
		n--
	}
	if !site {
		return // 联系电话：…, 传真：… closing the document itself
	}
	for _, u := range res.units[n:] {
		res.dropped = append(res.dropped, stripped{u.line, "page chrome", u.text})
	}
	res.units = res.units[:n]
}

// footerTail bounds the link lines a page may print below its footer.
const footerTail = 4

// stripComments removes markdown/HTML comments (<!-- … -->, also across
// lines) from raw, reporting each removed piece to drop. inComment says
// whether raw starts inside a comment; the result says whether it ends
// inside one.
func stripComments(raw string, inComment bool, drop func(string)) (string, bool) {
	if !inComment && !strings.Contains(raw, "<!--") {
		return raw, false
	}
	var kept strings.Builder
	for raw != "" {
		if inComment {
			end := strings.Index(raw, "-->")
			if end < 0 {
				drop(raw)
				return kept.String(), true
			}
			drop(raw[:end+3])
			raw, inComment = raw[end+3:], false
			continue
		}
		start := strings.Index(raw, "<!--")
		if start < 0 {
			kept.WriteString(raw)
			break
		}
		kept.WriteString(raw[:start])
		raw, inComment = raw[start:], true
	}
	return kept.String(), inComment
}

// isMarkdownTitle reports a markdown level-1 heading line: "# " and text.
func isMarkdownTitle(raw string) bool {
	raw = strings.TrimLeft(raw, " \ufeff")
	return strings.HasPrefix(raw, "# ") && strings.TrimSpace(raw[2:]) != ""
}

// maxSourceValueRunes bounds the value of a 来源 label printed on the
// line under it: an organ's or a department's name.
const maxSourceValueRunes = 20

// maxChromeBytes bounds the lines tested against the chrome patterns:
// navigation, share and font controls, source lines and links are short.
const maxChromeBytes = 400

// isTOCEntry reports a table-of-contents line: a title followed by a tab
// and a page number, dot leaders, or a tab-broken continuation.
func isTOCEntry(line string) bool {
	// Each branch of reTOC needs one of these; most lines have none.
	if !strings.Contains(line, "\t") && !strings.Contains(line, "...") && !strings.Contains(line, "……") && !strings.Contains(line, "···") {
		return false
	}
	return reTOC.MatchString(line) || strings.HasPrefix(line, "\t") || strings.HasSuffix(line, "\t")
}
