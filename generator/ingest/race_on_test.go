//go:build race

package ingest

// raceEnabled: the race detector slows code ~10x; timing tests skip.
const raceEnabled = true
