package site

import (
	"sort"
	"time"
)

// buildDays groups the listed articles (newest first) into editions. An
// expired article belongs to the edition of its day while that has listed
// articles, else to none.
func (s *Site) buildDays() {
	var day *Day
	for _, a := range s.Listed {
		d := a.Date
		if day == nil || !sameDay(day.Date, d) {
			day = &Day{Date: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, d.Location())}
			day.URL = s.BasePath + d.Format("2006/01/02") + "/"
			if n := len(s.Days); n > 0 {
				s.Days[n-1].Older, day.Newer = day, s.Days[n-1]
			}
			day.Index = len(s.Days)
			s.Days = append(s.Days, day)
		}
		a.Day = day
		day.Articles = append(day.Articles, a)
	}
	rank := make(map[*Topic]int, len(s.Topics))
	for i, t := range s.Topics {
		rank[t] = i
	}
	for _, d := range s.Days {
		d.Groups = groupByTopic(d.Articles, rank)
	}
	if len(s.Listed) == len(s.Articles) {
		return
	}
	byDate := make(map[string]*Day, len(s.Days))
	for _, d := range s.Days {
		byDate[d.URL] = d
	}
	for _, a := range s.Articles {
		if a.Expired {
			a.Day = byDate[s.BasePath+a.Date.Format("2006/01/02")+"/"]
		}
	}
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// groupByTopic files each article under its first topic. Groups holding a
// featured article come first, then topics in site order, untopical last;
// inside a group featured articles lead, then newest first. rank is the
// site order of the topics.
func groupByTopic(articles []*Article, rank map[*Topic]int) []*Group {
	var list []*Group
	for _, a := range articles {
		var t *Topic
		if len(a.Topics) > 0 {
			t = a.Topics[0]
		}
		var g *Group
		for _, h := range list { // a day has few topics: a map per day cost more
			if h.Topic == t {
				g = h
				break
			}
		}
		if g == nil {
			g = &Group{Topic: t}
			list = append(list, g)
		}
		g.Articles = append(g.Articles, a)
	}
	for _, g := range list {
		sort.SliceStable(g.Articles, func(i, j int) bool {
			return g.Articles[i].Featured && !g.Articles[j].Featured
		})
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if fa, fb := a.Articles[0].Featured, b.Articles[0].Featured; fa != fb {
			return fa
		}
		if (a.Topic == nil) != (b.Topic == nil) {
			return b.Topic == nil
		}
		return a.Topic != nil && rank[a.Topic] < rank[b.Topic]
	})
	return list
}

// buildArchives makes the month and year archives from the days.
func (s *Site) buildArchives() {
	var month *Month
	var year *Year
	for _, d := range s.Days {
		if year == nil || year.Date.Year() != d.Date.Year() {
			year = &Year{Date: time.Date(d.Date.Year(), 1, 1, 0, 0, 0, 0, d.Date.Location())}
			year.URL = s.BasePath + d.Date.Format("2006") + "/"
			if n := len(s.Years); n > 0 {
				s.Years[n-1].Older, year.Newer = year, s.Years[n-1]
			}
			year.Index = len(s.Years)
			s.Years = append(s.Years, year)
		}
		if month == nil || month.Date.Year() != d.Date.Year() || month.Date.Month() != d.Date.Month() {
			month = &Month{Date: time.Date(d.Date.Year(), d.Date.Month(), 1, 0, 0, 0, 0, d.Date.Location()), Year: year}
			month.URL = s.BasePath + d.Date.Format("2006/01") + "/"
			if n := len(s.Months); n > 0 {
				s.Months[n-1].Older, month.Newer = month, s.Months[n-1]
			}
			month.Index = len(s.Months)
			s.Months = append(s.Months, month)
			year.Months = append(year.Months, month)
		}
		d.Month = month
		month.Days = append(month.Days, d)
		month.Count += len(d.Articles)
		year.Count += len(d.Articles)
	}
}
