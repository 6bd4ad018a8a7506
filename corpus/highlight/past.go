package highlight

import "strings"

// pastHeadings are words of a heading whose text reports the past: 发展基础,
// 工作情况, 主要指标完成情况.
var pastHeadings = []string{"发展基础", "工作情况", "完成情况", "主要成效", "主要成绩", "取得成效", "工作成效", "工作进展", "进展情况", "基本情况", "回顾", "成就"}

// ReportsPast reports whether a heading introduces a report of the past
// (第一节 发展基础, 一、我厅…相关工作情况, 专栏1 “十三五”时期主要指标完成情况):
// the numbers under it are figures, not targets: highlight such text with
// FindReport.
func ReportsPast(heading string) bool {
	for _, w := range pastHeadings {
		if strings.Contains(heading, w) {
			return true
		}
	}
	return false
}
