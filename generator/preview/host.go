package preview

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// The preview serves drafts and unpublished entries, so it answers only
// requests addressed to it by a name that cannot belong to someone else's
// site. Without that check a page on any site could point its own domain name
// at 127.0.0.1 once loaded (DNS rebinding) and then read the preview as if
// it were same-origin. The Host header gives such a request away: it still
// names the attacker's domain.

// AllowHost lets the server answer requests addressed to the host it was
// told to listen on: addr is that host or host:port, as given to digest
// serve --addr. Loopback names (localhost, *.localhost, 127.0.0.0/8, ::1)
// are always accepted, so nothing needs to be allowed for the default
// address. A wildcard address (0.0.0.0 or ::) allows any IP address as the
// Host, since an address cannot be rebound the way a name can; a name such
// as a LAN host name must still be allowed by itself.
func (s *Server) AllowHost(addr string) {
	host := hostName(addr)
	if host == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		s.anyIP = true
		return
	}
	if s.hosts == nil {
		s.hosts = map[string]bool{}
	}
	s.hosts[host] = true
}

// allowedHost reports whether a request's Host header names this server.
func (s *Server) allowedHost(hostHeader string) bool {
	host := hostName(hostHeader)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	if ip != nil && ip.IsLoopback() {
		return true
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.hosts[host] || ip != nil && s.anyIP
}

// hostName is the host of a Host header or listen address without its port
// or IPv6 brackets, in lower case and without the trailing dot of a fully
// qualified name; "" when there is none.
func hostName(hostport string) string {
	h := strings.ToLower(strings.TrimSpace(hostport))
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	} else if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	if i := strings.IndexByte(h, '%'); i >= 0 && strings.Contains(h, ":") {
		h = h[:i] // an IPv6 zone names the interface, not the host
	}
	return strings.TrimSuffix(h, ".")
}

// refuseHost answers a request addressed to another name, and says where the
// preview can be opened.
func refuseHost(w http.ResponseWriter, r *http.Request) {
	where := "http://localhost/"
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		where = "http://" + a.String() + "/"
	}
	msg := fmt.Sprintf("digest serve answers only requests for localhost, a loopback address or its --addr host, not Host %q; open %s instead", r.Host, where)
	http.Error(w, msg, http.StatusForbidden)
}
