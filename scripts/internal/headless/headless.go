// Package headless starts the headless chromium that the benchmark
// commands under scripts/ drive through chromedp.
package headless

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Browser starts chromium with a fresh profile; stop ends it and removes
// the profile.
func Browser() (ctx context.Context, stop func(), err error) {
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		return nil, nil, fmt.Errorf("no chromium found (apt-get install -y chromium)")
	}
	profile, err := os.MkdirTemp("", "digest-bench-profile-")
	if err != nil {
		return nil, nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile))
	ctx, cancelBrowser := chromedp.NewContext(actx)
	return ctx, func() { cancelBrowser(); cancelAlloc(); os.RemoveAll(profile) }, nil
}
