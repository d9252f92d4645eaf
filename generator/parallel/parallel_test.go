package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestDoRunsEachOnce(t *testing.T) {
	seen := make([]atomic.Int32, 1000)
	if err := Do(len(seen), func(i int) error { seen[i].Add(1); return nil }); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Fatalf("item %d ran %d times", i, n)
		}
	}
	if err := Do(0, func(int) error { t.Fatal("ran an item of none"); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestDoStopsAtAnError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := Do(100000, func(i int) error {
		ran.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if n := ran.Load(); n == 100000 {
		t.Errorf("every item ran after the error")
	}
}
