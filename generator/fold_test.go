package generator

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// foldProbe measures the home page as the browser lays it out: where the
// top story's headline ends, where its picture stands, and how each
// picture loads.
const foldProbe = `(() => {
	const title = document.querySelector("main .card__title");
	const pic = document.querySelector("main .card--lead .card__picture img");
	const t = title.getBoundingClientRect();
	const p = pic ? pic.getBoundingClientRect() : null;
	const imgs = [...document.querySelectorAll("main img")];
	return {
		headlineBottom: t.bottom, viewport: innerHeight,
		pictureLeft: p ? p.left : -1, titleLeft: t.left, pictureTop: p ? p.top : -1,
		eager: imgs.filter(i => i.loading !== "lazy").length,
		sized: imgs.every(i => i.getAttribute("width") && i.getAttribute("height") && i.decoding === "async"),
		wide: document.documentElement.scrollWidth - innerWidth,
	};
})()`

type foldResult struct {
	HeadlineBottom, Viewport, PictureLeft, TitleLeft, PictureTop float64
	Eager                                                        int
	Sized                                                        bool
	Wide                                                         float64
}

// TestFrontPageFold opens the sample's home page in chromium at 1280x800
// and at 360x780: the top story's headline ends inside the first screen,
// its picture takes the second column of its row on the wide screen (and
// comes after the headline on the phone), only that picture loads eagerly,
// and every picture has its size. Screenshots go to DIGEST_SCREENSHOTS
// when set.
func TestFrontPageFold(t *testing.T) {
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium")
	}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	out := build(t, BuildOptions{Site: sampleSite, BaseURL: srv.URL + "/digest/"})
	mux.Handle("/digest/", http.StripPrefix("/digest/", http.FileServer(http.Dir(out))))

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	for _, vp := range []struct {
		w, h int64
		wide bool
	}{{1280, 800, true}, {360, 780, false}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(srv.URL+"/digest/")); err != nil {
			t.Fatal(err)
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[foldResult](foldProbe))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%dx%d: headline ends at %.0f px of %.0f; picture at x=%.0f y=%.0f", vp.w, vp.h, r.HeadlineBottom, r.Viewport, r.PictureLeft, r.PictureTop)
		if r.HeadlineBottom > r.Viewport {
			t.Errorf("%dx%d: the top story's headline ends at %.0f px, below the first screen (%.0f px)", vp.w, vp.h, r.HeadlineBottom, r.Viewport)
		}
		if r.PictureLeft < 0 {
			t.Fatalf("%dx%d: the top story shows no picture", vp.w, vp.h)
		}
		if vp.wide && r.PictureLeft < r.TitleLeft+float64(vp.w)/4 {
			t.Errorf("%dx%d: the picture (x=%.0f) is not beside the headline (x=%.0f)", vp.w, vp.h, r.PictureLeft, r.TitleLeft)
		}
		if !vp.wide && r.PictureTop < r.HeadlineBottom {
			t.Errorf("%dx%d: the picture comes before the headline on a phone", vp.w, vp.h)
		}
		if r.Eager != 1 || !r.Sized || r.Wide > 0 {
			t.Errorf("%dx%d: %d pictures load eagerly (want the lead's alone), all sized and async: %v, sideways scroll %.0f px", vp.w, vp.h, r.Eager, r.Sized, r.Wide)
		}
		if dir := os.Getenv("DIGEST_SCREENSHOTS"); dir != "" {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("fold-home-%d.png", vp.w)), png, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
