package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/content"
)

// PingOptions are the flags of digest ping.
type PingOptions struct {
	Site    string        // folder holding digest.yaml
	Out     string        // the output folder whose feeds were deployed; default <Site>/public
	Timeout time.Duration // per request; default 10s
	Retries int           // further tries of a request that failed for want of the hub; default 3, -1 for none
	Backoff time.Duration // wait before the first retry, doubled for each next; default 1s
	Client  *http.Client  // nil: a client with Timeout
	Log     io.Writer     // one line per feed; nil for none
}

// PingResult is what digest ping did.
type PingResult struct {
	Hub       string
	Pinged    []string // feed URLs the hub accepted
	Unchanged int      // feeds whose bytes are those the hub last accepted
}

// Ping tells the site's WebSub hub (websub_hub) of each live feed whose
// bytes in the output folder differ from those it last accepted, with the
// publish request hubs take (POST hub.mode=publish, hub.url=FEED). The
// feeds and their URLs come from the last build's record of that folder.
// A request that fails for want of the hub (no answer, a timeout, 5xx or
// 429) is tried again after a wait that doubles; one the hub refuses (4xx)
// is not. The feeds accepted are recorded even when others fail, so that a
// second run tells the hub only of the rest.
func Ping(opts PingOptions) (*PingResult, error) {
	opts = opts.defaults()
	cfg, err := content.LoadConfig(content.DirFS(opts.Site))
	if err != nil {
		return nil, err
	}
	if cfg.WebSubHub == "" {
		return nil, &content.Error{File: content.ConfigFile, Line: 1, Msg: "websub_hub is not set: there is no hub to ping",
			Hint: "add websub_hub: https://your.hub/ to digest.yaml, build, deploy, then ping"}
	}
	var built feedRecord
	ok, err := readJSON(recordName(opts.Site, "websub", opts.Out), &built)
	if err != nil {
		return nil, err
	}
	if !ok || built.Hub != cfg.WebSubHub {
		return nil, fmt.Errorf("no build of %s with websub_hub %s is recorded: run digest build (without --no-cache) before digest ping", opts.Out, cfg.WebSubHub)
	}
	pinged := pingRecord{Hub: built.Hub, Sent: map[string]string{}}
	var last pingRecord
	if _, err := readJSON(recordName(opts.Site, "pinged", opts.Out), &last); err != nil {
		return nil, err
	}
	if last.Hub == built.Hub {
		for u, sum := range last.Sent {
			pinged.Sent[u] = sum // a new hub has heard of none
		}
	}
	res := &PingResult{Hub: built.Hub}
	var errs []error
	for _, f := range built.Feeds {
		data, err := os.ReadFile(filepath.Join(opts.Out, filepath.FromSlash(f.Path)))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w (build again, then ping)", f.Path, err))
			continue
		}
		sum := sha256.Sum256(data)
		hexSum := hex.EncodeToString(sum[:])
		if pinged.Sent[f.URL] == hexSum {
			res.Unchanged++
			continue
		}
		if err := opts.publish(built.Hub, f.URL); err != nil {
			errs = append(errs, err)
			continue
		}
		pinged.Sent[f.URL] = hexSum
		res.Pinged = append(res.Pinged, f.URL)
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "pinged %s\n", f.URL)
		}
	}
	if len(res.Pinged) > 0 {
		if err := writeJSON(recordName(opts.Site, "pinged", opts.Out), pinged); err != nil {
			errs = append(errs, fmt.Errorf("recording the ping: %w", err))
		}
	}
	return res, errors.Join(errs...)
}

func (o PingOptions) defaults() PingOptions {
	if o.Out == "" {
		o.Out = filepath.Join(o.Site, "public")
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	return o
}

// maxWait caps a wait the hub asks for with Retry-After.
const maxWait = time.Minute

// publish sends one publish request, tried again while the hub is away.
func (o PingOptions) publish(hub, feed string) error {
	wait := o.Backoff
	var err error
	for try := 0; ; try++ {
		var retry bool
		var asked time.Duration
		retry, asked, err = o.send(hub, feed)
		if err == nil || !retry || try >= o.Retries {
			break
		}
		if asked > wait {
			wait = min(asked, maxWait)
		}
		time.Sleep(wait)
		wait *= 2
	}
	if err != nil {
		return fmt.Errorf("ping %s for %s: %w", hub, feed, err)
	}
	return nil
}

// send makes one request; retry says whether another may succeed, asked
// is the wait the hub asked for.
func (o PingOptions) send(hub, feed string) (retry bool, asked time.Duration, err error) {
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {feed}}
	resp, err := o.Client.Post(hub, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return true, 0, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return false, 0, nil
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		asked = time.Duration(s) * time.Second
	}
	err = fmt.Errorf("the hub answered %s", resp.Status)
	if text := strings.TrimSpace(string(body)); text != "" {
		err = fmt.Errorf("%w: %s", err, strings.Join(strings.Fields(text), " "))
	}
	retry = resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests
	if !retry {
		err = fmt.Errorf("%w (check websub_hub in digest.yaml)", err)
	}
	return retry, asked, err
}
