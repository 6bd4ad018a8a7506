package bookmark

import (
	"reflect"
	"testing"
)

// FuzzDecodeState checks that no file content makes decoding panic, and
// that whatever decodes survives an encode/decode round trip unchanged.
func FuzzDecodeState(f *testing.F) {
	for _, s := range []string{
		``, `{}`, `null`, `[]`, `{"version":1}`, `{"version":2}`, `{"version":-1,"bookmarks":null}`,
		`{"version":1,"bookmarks":[{"node_id":"a/b","note":"批注","created":"2026-11-25T11:15:00Z"}],"position":{"node_id":"a/b","scroll":3}}`,
		`{"version":1,"bookmarks":[{"node_id":""},{"node_id":"x"},{"node_id":"x"}]}`,
		`{"version":1,"bookmarks":[{"node_id":"x","created":"not a time"}]}`,
		"\xef\xbb\xbf{\"version\":1}", "\x00\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, _, err := decodeState(data)
		if err != nil {
			return
		}
		enc, err := encodeState(st)
		if err != nil {
			t.Fatalf("encode of decoded state: %v", err)
		}
		again, notes, err := decodeState(enc)
		if err != nil || len(notes) > 0 {
			t.Fatalf("re-decode: %v %q\n%s", err, notes, enc)
		}
		if len(st.Bookmarks) != len(again.Bookmarks) || !reflect.DeepEqual(st.Position, again.Position) {
			t.Fatalf("round trip changed the state:\n%+v\n%+v", st, again)
		}
		for i := range st.Bookmarks {
			a, b := st.Bookmarks[i], again.Bookmarks[i]
			if a.NodeID != b.NodeID || a.Note != b.Note || a.Text != b.Text || !a.Created.Equal(b.Created) {
				t.Fatalf("bookmark %d changed: %+v / %+v", i, a, b)
			}
		}
	})
}
