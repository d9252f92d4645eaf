//go:build !unix

package generator

import "time"

// processCPU is unknown here; --stats leaves the CPU column out.
func processCPU() time.Duration { return 0 }

// peakRSS is unknown here; --stats leaves the RSS column out.
func peakRSS() uint64 { return 0 }
