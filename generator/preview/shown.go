package preview

import "time"

// AwaitShown waits, at most limit, until every tab told of the last build
// reports that it shows it. A rebuild that goes on with its feeds once its
// pages are in place waits here: the tabs' fetch and redraw then have the
// machine to themselves instead of sharing it with the rest of the build.
func (s *Server) AwaitShown(limit time.Duration) {
	s.mu.RLock()
	seen := s.seen
	s.mu.RUnlock()
	if seen == nil {
		return
	}
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-seen:
	case <-t.C:
	}
}

// reportShown notes a tab's report that it shows build.
func (s *Server) reportShown(build int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if build != s.build || s.seen == nil || s.shown >= s.told {
		return
	}
	if s.shown++; s.shown == s.told {
		close(s.seen)
	}
}
