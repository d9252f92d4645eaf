package preview

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// requestAs sends a GET for path to ts with the given Host header, as a page
// whose name re-resolved to the server's address would, and returns the
// status and the start of the body.
func requestAs(t *testing.T, ts *httptest.Server, host, path string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s as %s: %v", path, host, err)
	}
	defer res.Body.Close()
	// The event stream never ends: read its first message only.
	line, err := bufio.NewReader(io.LimitReader(res.Body, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		t.Fatalf("GET %s as %s: reading: %v", path, host, err)
	}
	return res.StatusCode, line
}

func TestHostHeaderChecked(t *testing.T) {
	s := builtSite(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:" + port, true},
		{"127.0.0.1", true},
		{"127.9.8.7:" + port, true},
		{"localhost", true},
		{"localhost:" + port, true},
		{"LocalHost.:" + port, true},
		{"preview.localhost:" + port, true},
		{"[::1]:" + port, true},
		{"[::1]", true},
		{"evil.example", false},
		{"evil.example:" + port, false},
		{"localhost.evil.example", false},
		{"127.0.0.1.evil.example:" + port, false},
		{"notlocalhost", false},
		{"10.1.2.3:" + port, false},
		{"[::2]:" + port, false},
	} {
		for _, path := range []string{"/wire/", "/wire/feed.xml", "/nope", EventsPath} {
			code, body := requestAs(t, ts, c.host, path)
			switch {
			case c.ok && code == http.StatusForbidden:
				t.Errorf("Host %s, %s: refused: %s", c.host, path, body)
			case !c.ok && (code != http.StatusForbidden || !strings.Contains(body, "open http://127.0.0.1:"+port+"/ instead")):
				t.Errorf("Host %s, %s: status %d, body %q; want 403 naming where to open the preview", c.host, path, code, body)
			}
			if path == EventsPath && c.ok && !strings.HasPrefix(body, "retry:") {
				t.Errorf("Host %s: no event stream: %d %q", c.host, code, body)
			}
		}
	}
}

func TestAllowHost(t *testing.T) {
	s := builtSite(t)
	s.AllowHost("Wire.LAN:1414")
	s.AllowHost("192.168.7.7")
	s.AllowHost("[fe80::1%eth0]:1414")
	ts := httptest.NewServer(s)
	defer ts.Close()
	defer s.Close()
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"wire.lan:1414", true},
		{"WIRE.lan.", true},
		{"192.168.7.7:1414", true},
		{"[fe80::1]:1414", true},
		{"localhost", true}, // loopback stays allowed
		{"192.168.7.8:1414", false},
		{"evil.example", false},
		{"lan", false},
	} {
		if code, body := requestAs(t, ts, c.host, "/wire/"); (code != http.StatusForbidden) != c.ok {
			t.Errorf("Host %s: status %d %q, want allowed=%v", c.host, code, body, c.ok)
		}
	}

	// Listening on every address: any address may be the Host, a name may not.
	s.AllowHost("0.0.0.0:1414")
	for _, c := range []struct {
		host string
		ok   bool
	}{
		{"192.168.7.8:1414", true},
		{"[2001:db8::5]:1414", true},
		{"wire.lan", true},
		{"evil.example", false},
	} {
		if code, body := requestAs(t, ts, c.host, EventsPath); (code != http.StatusForbidden) != c.ok {
			t.Errorf("wildcard, Host %s: status %d %q, want allowed=%v", c.host, code, body, c.ok)
		}
	}
}

func TestHostName(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"localhost":            "localhost",
		"LOCALHOST:80":         "localhost",
		"example.org.":         "example.org",
		"[::1]:1414":           "::1",
		"[::1]":                "::1",
		"127.0.0.1:1414":       "127.0.0.1",
		"[fe80::1%25eth0]:1":   "fe80::1",
		" spaced.example:8080": "spaced.example",
	} {
		if got := hostName(in); got != want {
			t.Errorf("hostName(%q) = %q, want %q", in, got, want)
		}
	}
	if NewServer(t.TempDir(), "/").allowedHost("") {
		t.Error("a request without a Host was allowed")
	}
}
