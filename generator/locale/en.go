package locale

// en is the reference table: every key is here, and the other tables and
// a site's overrides may only use its keys.
var en = map[string]string{
	// dates
	"months":       "January|February|March|April|May|June|July|August|September|October|November|December",
	"months_short": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
	"weekdays":     "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
	"date_long":    "{weekday} {day} {month} {year}",
	"date_month":   "{month} {year}",
	"date_short":   "{day} {mon} {year}",
	"day_first":    "",
	"and":          "and",

	// every page
	"skip":           "Skip to content",
	"preview_banner": "Preview: drafts and scheduled articles are shown and marked.",
	"nav_label":      "Sections",
	"nav_latest":     "Latest",
	"nav_topics":     "Topics",
	"nav_archive":    "Archive",
	"nav_feeds":      "Feeds",
	"nav_search":     "Search",
	"footer_label":   "Subscribe and browse",
	"all_feeds":      "All feeds",
	"curated_by":     "Curated by {1}.",
	"made_with":      "Made with digest.",
	"draft":          "Draft",
	"scheduled":      "Scheduled",
	"other_news":     "Other news",
	"top_story":      "Top story",
	"why_it_matters": "Why it matters",
	"pager_label":    "Pages",
	"newer":          "← Newer",
	"older":          "Older →",
	"page_of":        "Page {1} of {2}",
	"page_title":     "{1}: page {2}",

	// counts
	"n_articles": "{n} article|{n} articles",
	"n_editions": "{n} edition|{n} editions",
	"n_months":   "{n} month|{n} months",
	"n_topics":   "{n} topic|{n} topics",
	"n_minutes":  "{n} min read|{n} min read",
	"counts_in":  "{1} in {2}",

	// home and editions
	"latest_edition":   "Latest edition",
	"earlier_editions": "Earlier editions",
	"no_editions":      "No editions yet",
	"no_editions_text": "Nothing has been published. Add an entry under content/ and build again.",
	"edition":          "Edition",
	"edition_of":       "Edition of {1}",
	"prev_edition":     "← Previous edition",
	"next_edition":     "Next edition →",
	"edition_nav":      "Previous and next edition",
	"all_in_edition":   "All {1} of this edition",

	// the email edition (email.html, email.txt)
	"email_label":  "Email edition:",
	"email_text":   "plain text",
	"email_online": "Read this edition on the web",

	// articles
	"by":            "By {1}",
	"updated":       "updated",
	"reported_by":   "Originally reported by",
	"edited_by":     "Edited by {1}.",
	"topics_label":  "Topics:",
	"prev_article":  "← Previous article",
	"next_article":  "Next article →",
	"article_nav":   "Previous and next article",
	"more_on_topic": "More on this topic",

	// other outlets' reports of an article's story (also:)
	"also_covered_by":   "Also covered by",
	"expired_banner":    "This article expired on {1}: it is no longer listed in the digest or its feeds.",
	"corrections_title": "Correction|Corrections",
	"correction_on":     "Correction, {1}:",

	// archives
	"archive":    "Archive",
	"prev_month": "← Previous month",
	"next_month": "Next month →",
	"month_nav":  "Previous and next month",
	"prev_year":  "← Previous year",
	"next_year":  "Next year →",
	"year_nav":   "Previous and next year",

	// topics
	"topics_title": "Topics",
	"topics_meta":  "{1}, each with its own feed",
	"subscribe":    "Subscribe:",

	// search
	"search_title":    "Search",
	"search_intro":    "Every published article, searched in your browser.",
	"search_label":    "Words to find in titles, summaries, topics and sources",
	"search_button":   "Search",
	"search_noscript": "Search needs JavaScript. Without it, browse the topics or the latest editions:",
	"search_loading":  "Loading…",
	"search_failed":   "The search index could not be loaded.",
	"search_more":     "More results",
	"search_found":    "{n} article for “{q}”|{n} articles for “{q}”",

	// the 404 page
	"notfound_kicker": "Error 404",
	"notfound_title":  "Page not found",
	"notfound_text":   "The page you asked for is not here. It may have moved, or the address may be mistyped.",

	// the feeds page
	"feeds_title":      "Feeds",
	"feeds_intro":      "Follow this site in a feed reader: copy the address of a feed into it.",
	"feeds_site":       "The whole site",
	"feeds_topics":     "By topic",
	"feed_articles":    "The newest article, in full|The newest {n} articles, in full",
	"feed_topic":       "The newest article on {1}|The newest {n} articles on {1}",
	"feed_editions":    "One item a day: the whole edition, by topic",
	"feed_address":     "Address of the feed {1}",
	"feeds_opml":       "Every feed at once, for readers that import a list:",
	"feeds_copy":       "Copy",
	"feeds_copied":     "Copied",
	"feeds_none":       "No articles yet, so no feed.",
	"feed_daily":       "{1}: one item a day",
	"feed_daily_title": "{1}: daily editions",
	"feed_archive":     "{1}: archive of {2}",
	"feed_daily_doc":   "One item a day: the whole edition of {1}.",
	"feed_about":       "{1} in {2}",
}
