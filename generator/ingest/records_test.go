package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// recordTexts are three articles distinct enough not to be duplicates.
var recordTexts = [3]string{
	"The ferry between the two islands will run twice a day from June, the operator said on Monday, after a winter in which storms cancelled one crossing in three.",
	"A farmer in the valley has grown the region's heaviest pumpkin this year, beating last year's record by eleven kilos at the autumn show on Saturday.",
	"The city's oldest cinema reopened on Thursday after a two-year restoration that kept its painted ceiling and replaced every one of its four hundred seats.",
}

// parseWithin runs Parse and fails the test, rather than hang it, when it
// takes longer than parseTimeout.
func parseWithin(t *testing.T, in Input) ([]Article, error) {
	t.Helper()
	type result struct {
		arts []Article
		err  error
	}
	done := make(chan result, 1)
	go func() {
		arts, err := Parse(in, Options{})
		done <- result{arts, err}
	}()
	select {
	case r := <-done:
		return r.arts, r.err
	case <-time.After(parseTimeout):
		t.Fatalf("%s: Parse still running after %v", in.Name, parseTimeout)
		return nil, nil
	}
}

// recordErrors returns the RecordErrors joined in err, failing on anything else.
func recordErrors(t *testing.T, err error) []*RecordError {
	t.Helper()
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error is not a join of record errors: %v", err)
	}
	var out []*RecordError
	for _, e := range j.Unwrap() {
		re, ok := errors.AsType[*RecordError](e)
		if !ok {
			t.Fatalf("not a RecordError: %v", e)
		}
		out = append(out, re)
	}
	return out
}

func TestBadRecordsAreSkipped(t *testing.T) {
	good := func(i int) string {
		return fmt.Sprintf(`{"title": "Story %d", "text": %q}`, i+1, recordTexts[i])
	}
	type bad struct {
		line, record int
		msg          string
	}
	for _, c := range []struct {
		name, data string
		records    []int // of the articles returned
		bad        []bad
	}{
		{"array.json", "[\n" + good(0) + ",\n{\"title\": \"No body\"},\n" + good(1) + ",\n\n  " + good(2) + "\n]\n",
			[]int{1, 3, 4}, []bad{{3, 2, "no text: give the record one of the fields text, content, body, article"}}},
		{"mixed.json", "[" + good(0) + ", 42, \"x\", null, " + good(1) + "]",
			[]int{1, 5}, []bad{{1, 2, "not a JSON object but a number"}, {1, 3, "not a JSON object but a string"}, {1, 4, "not a JSON object but null"}}},
		{"lines.jsonl", good(0) + "\n{\"title\": broken\n\n" + good(1) + "\n[1]\n" + good(2) + "\n",
			[]int{1, 3, 5}, []bad{{2, 2, "bad JSON: invalid character 'b'"}, {5, 4, "not a JSON object but an array"}}},
		{"cut.json", "[\n" + good(0) + ",\n" + good(1) + ",\n{\"title\": \"x\", \"text\": oops}\n" + good(2) + "]",
			[]int{1, 2}, []bad{{4, 3, "records after it were not read"}}},
		{"open.json", "[\n" + good(0) + ",\n" + good(1) + "\n",
			[]int{1, 2}, []bad{{4, 3, "not closed with ]"}}},
		{"one.json", "\n\n" + good(2), []int{0}, nil},
		{"one-bad.json", "\n{\"title\": \"No body\"}", nil, []bad{{2, 1, "no text"}}},
		{"pretty-bad.json", "{\n  \"title\": \"x\",\n  \"text\": oops\n}\n", nil, []bad{{3, 1, "bad JSON: invalid character 'o'"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts, err := parseWithin(t, Input{Name: c.name, Data: []byte(c.data)})
			var got []int
			for _, a := range arts {
				got = append(got, a.Record)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.records) {
				t.Errorf("articles from records %v, want %v (error: %v)", got, c.records, err)
			}
			errs := recordErrors(t, err)
			if len(errs) != len(c.bad) {
				t.Fatalf("%d errors, want %d: %v", len(errs), len(c.bad), err)
			}
			for i, b := range c.bad {
				e := errs[i]
				if e.Line != b.line || e.Record != b.record || !strings.Contains(e.Err.Error(), b.msg) {
					t.Errorf("error %d: line %d record %d %q; want line %d record %d containing %q", i, e.Line, e.Record, e.Err, b.line, b.record, b.msg)
				}
			}
		})
	}
}

func TestNoRecords(t *testing.T) {
	for _, data := range []string{"[]", "  \n", "[\n\n]"} {
		arts, err := parseWithin(t, Input{Name: "empty.json", Data: []byte(data)})
		if len(arts) != 0 || err == nil || !strings.Contains(err.Error(), "no records") {
			t.Errorf("%q: %d articles, error %v; want a no-records error", data, len(arts), err)
		}
	}
}
