package preview

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"sync"
	"time"
)

// EventsPath is where open tabs listen for the site's state (Server-Sent
// Events). It sits outside any base path, so it never meets a site's own files.
const EventsPath = "/__digest/events"

// ShownPath is where a tab reports, by a POST of ?build=N, that it shows
// build N (see AwaitShown).
const ShownPath = "/__digest/shown"

// Script is the live-reload client, injected before </body> of every page of a
// preview build (never of digest build). Each message carries the number of the
// last good build and, while the site is broken, the overlay: the script shows
// the overlay, or brings the page up to date when it came from an older build.
// After a change of entries only, it fetches the page and swaps in its title
// and body (unless the page runs scripts of its own, which a swap would not
// start); else it reloads. A newer build arriving meanwhile wins. Once it
// shows a build, swapped in or loaded, it reports it at ShownPath. The server
// writes window.digestBuild into each page it serves, after this script, hence
// the wait for DOMContentLoaded.
const Script template.HTML = `<script>(function(){
var es,page,want;
function swap(build){
want=build;
fetch(location.href,{cache:"no-store"}).then(function(r){return r.text()}).then(function(html){
if(want!==build)return;
var d=new DOMParser().parseFromString(html,"text/html");
if(d.body.querySelector("script[src]")){location.reload();return}
document.title=d.title;
document.body.replaceWith(document.adoptNode(d.body));
page=build;
shown();
}).catch(function(){location.reload()});
}
function shown(){if(navigator.sendBeacon)navigator.sendBeacon("` + ShownPath + `?build="+page)}
function start(){
page=window.digestBuild;
if(typeof page!=="number"||!window.EventSource)return;
shown();
es=new EventSource("` + EventsPath + `");
es.onmessage=function(e){
var s=JSON.parse(e.data),o=document.getElementById("digest-overlay");
if(s.error){if(o){o.outerHTML=s.error}else{document.body.insertAdjacentHTML("beforeend",s.error)}return}
if(s.build!==page){if(s.swap&&!document.querySelector("script[src]")){if(want!==s.build)swap(s.build)}else{es.close();location.reload()}return}
if(o)o.remove();
};
}
if(document.readyState==="loading"){document.addEventListener("DOMContentLoaded",start)}else{start()}
})();</script>`

// message is one event of the stream.
type message struct {
	Build int    `json:"build"`
	Swap  bool   `json:"swap,omitempty"`  // only entries changed: a page may swap in its new body
	Error string `json:"error,omitempty"` // the overlay's HTML
}

// heartbeat keeps idle streams from being closed by proxies and lets the
// server notice tabs that went away.
const heartbeat = 15 * time.Second

// events streams the state: once at once, then after every change.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	changed, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "the preview is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(changed)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 250\n\n")
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	send := true
	for {
		if send {
			st := s.state()
			data, _ := json.Marshal(message{Build: st.build, Swap: st.swap, Error: string(st.broken)})
			fmt.Fprintf(w, "data: %s\n\n", data)
		} else {
			fmt.Fprint(w, ": ping\n\n")
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		case <-changed:
			send = true
		case <-tick.C:
			send = false
		}
	}
}

// hub wakes the event streams. A wake-up is a signal to read the state again,
// so a slow tab misses nothing by coalescing several.
type hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]bool
	done chan struct{}
}

func newHub() hub {
	return hub{subs: map[chan struct{}]bool{}, done: make(chan struct{})}
}

func (h *hub) subscribe() (chan struct{}, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	select {
	case <-h.done:
		return nil, false
	default:
	}
	c := make(chan struct{}, 1)
	h.subs[c] = true
	return c, true
}

func (h *hub) unsubscribe(c chan struct{}) {
	h.mu.Lock()
	delete(h.subs, c)
	h.mu.Unlock()
}

// count is how many streams are open.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *hub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	select {
	case <-h.done:
	default:
		close(h.done)
	}
}
