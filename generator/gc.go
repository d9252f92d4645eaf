package generator

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// garbageBudget is about how much garbage a build lets pile up between two
// collections. Go's default (GOGC=100: as much garbage as live heap) doubles
// the memory a big site's build holds, to save collections that cost less
// than the memory.
const garbageBudget = 64 << 20

// boundGarbage sets the collector's percentage from the live heap once the
// model is built, unless GOGC says otherwise: 100 (the default) for a small
// site, less for a big one, down to 25, below which collecting would cost a
// build more time than the memory is worth.
func boundGarbage() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	live := liveHeap()
	if live == 0 {
		return
	}
	debug.SetGCPercent(int(min(100, max(25, 100*garbageBudget/live))))
}

// liveHeap is the heap the last collection found live, in bytes; 0 before the first.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
