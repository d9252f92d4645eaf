//go:build !unix

package generator

import "time"

// processCPU is unknown here; --stats leaves the CPU column out.
func processCPU() time.Duration { return 0 }
