package mrv

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gowebpki/jcs"
)

func testdata(t *testing.T, name string, out any) {
	t.Helper()
	dir := os.Getenv("MRV_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "testdata")
	}
	raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatal(err)
	}
}

func TestJCSMatchesTheRFC8785Vectors(t *testing.T) {
	var vectors []struct{ Name, Input, Expected string }
	testdata(t, "jcs-rfc8785", &vectors)
	for _, v := range vectors {
		got, err := jcs.Transform([]byte(v.Input))
		if err != nil || string(got) != v.Expected {
			t.Errorf("%s: got %s (%v), want %s", v.Name, got, err, v.Expected)
		}
	}
}

type signingVectors struct {
	SeedHex string `json:"seed_hex"`
	Cases   []struct {
		Document Document `json:"document"`
		Payload  string   `json:"payload"`
	} `json:"cases"`
}

func TestReproducesAndVerifiesTheEngineSignatures(t *testing.T) {
	var v signingVectors
	testdata(t, "telemetry-signing", &v)
	seed, _ := hex.DecodeString(v.SeedHex)
	key := ed25519.NewKeyFromSeed(seed)
	for _, c := range v.Cases {
		if !VerifyTelemetry(c.Document, nil) {
			t.Fatalf("engine-signed seq %v does not verify", c.Document["seq"])
		}
		payload, _ := SigningPayload(c.Document)
		if string(payload) != c.Payload {
			t.Errorf("payload differs:\n got %s\nwant %s", payload, c.Payload)
		}
		signed, err := SignTelemetry(c.Document, key)
		if err != nil || signed["signature"] != c.Document["signature"] {
			t.Errorf("signature differs: %v %v", err, signed["signature"])
		}
		tampered := Document{}
		for k, val := range c.Document {
			tampered[k] = val
		}
		tampered["seq"] = 999.0
		if VerifyTelemetry(tampered, nil) {
			t.Error("a tampered document verifies")
		}
	}
}

func TestRefusesToSignWhatIsNotTelemetryV1(t *testing.T) {
	var bad []struct {
		Name     string `json:"name"`
		Document any    `json:"document"`
	}
	testdata(t, "not-telemetry-v1", &bad)
	key := ed25519.NewKeyFromSeed(make([]byte, 32))
	for _, b := range bad {
		doc, _ := b.Document.(map[string]any)
		_, err := SignTelemetry(doc, key)
		var de *TelemetryDocumentError
		if !errors.As(err, &de) {
			t.Errorf("%s: got %v, want TelemetryDocumentError", b.Name, err)
		}
	}
}
