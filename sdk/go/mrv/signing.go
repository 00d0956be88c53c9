package mrv

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"math"
	"math/big"
	"regexp"
	"strings"

	"github.com/gowebpki/jcs"
)

var (
	versionRe   = regexp.MustCompile(`^1\.[0-9]+\.[0-9]+$`)
	didRe       = regexp.MustCompile(`^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$`)
	signatureRe = regexp.MustCompile(`^[A-Za-z0-9_-]{86}$`)
	didKeyRe    = regexp.MustCompile(`^did:key:z([1-9A-HJ-NP-Za-km-z]+)$`)
)

const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// Document is a telemetry v1 document as decoded JSON (numbers as float64, as in JavaScript).
type Document = map[string]any

// AssertTelemetryV1 returns a *TelemetryDocumentError unless doc has the shape of telemetry v1.
func AssertTelemetryV1(doc any) error {
	d, ok := doc.(map[string]any)
	fail := func(why string) error { return &TelemetryDocumentError{Reason: why} }
	if !ok {
		return fail("must be a JSON object")
	}
	if v, ok := d["schema_version"].(string); !ok || !versionRe.MatchString(v) {
		return fail("schema_version must be 1.x.y")
	}
	if v, ok := d["device_id"].(string); !ok || !didRe.MatchString(v) {
		return fail("device_id must be a DID")
	}
	if v, ok := number(d["seq"]); !ok || v < 0 || v != math.Trunc(v) {
		return fail("seq must be a non-negative integer")
	}
	if _, ok := d["timestamp"].(string); !ok {
		return fail("timestamp must be an RFC 3339 string")
	}
	if v, ok := number(d["interval_s"]); !ok || v != math.Trunc(v) {
		return fail("interval_s must be an integer")
	}
	if r, ok := d["readings"].([]any); !ok || len(r) == 0 {
		return fail("readings must be a non-empty array")
	}
	return nil
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// SigningPayload is what a device signs: the RFC 8785 (JCS) form of doc without "signature".
func SigningPayload(doc Document) ([]byte, error) {
	unsigned := make(map[string]any, len(doc))
	for k, v := range doc {
		if k != "signature" {
			unsigned[k] = v
		}
	}
	raw, err := json.Marshal(unsigned)
	if err != nil {
		return nil, err
	}
	return jcs.Transform(raw)
}

// SignTelemetry signs a telemetry v1 document with an Ed25519 key; anything else is refused first.
func SignTelemetry(doc Document, key ed25519.PrivateKey) (Document, error) {
	if err := AssertTelemetryV1(doc); err != nil {
		return nil, err
	}
	payload, err := SigningPayload(doc)
	if err != nil {
		return nil, err
	}
	out := make(Document, len(doc)+1)
	for k, v := range doc {
		out[k] = v
	}
	out["signature"] = base64.RawURLEncoding.EncodeToString(ed25519.Sign(key, payload))
	return out, nil
}

// PrivateKeyFromJWK reads `pairing.private_key_jwk` of a provisioned device.
func PrivateKeyFromJWK(jwk map[string]string) (ed25519.PrivateKey, error) {
	seed, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(jwk["d"], "="))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, &TelemetryDocumentError{Reason: "the JWK has no Ed25519 seed"}
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// PublicKeyFromDidKey decodes the Ed25519 key of a did:key:z6Mk… (multicodec 0xed01).
func PublicKeyFromDidKey(did string) (ed25519.PublicKey, error) {
	m := didKeyRe.FindStringSubmatch(did)
	if m == nil {
		return nil, &TelemetryDocumentError{Reason: "not a did:key: " + did}
	}
	n := new(big.Int)
	for _, ch := range m[1] {
		n.Mul(n, big.NewInt(58)).Add(n, big.NewInt(int64(strings.IndexRune(base58, ch))))
	}
	raw := n.Bytes()
	if len(raw) != 34 || raw[0] != 0xed || raw[1] != 0x01 {
		return nil, &TelemetryDocumentError{Reason: "not an Ed25519 did:key: " + did}
	}
	return ed25519.PublicKey(raw[2:]), nil
}

// VerifyTelemetry reports whether doc's signature is valid for its own did:key (or key, if given).
func VerifyTelemetry(doc Document, key ed25519.PublicKey) bool {
	sig, _ := doc["signature"].(string)
	if !signatureRe.MatchString(sig) {
		return false
	}
	if key == nil {
		did, _ := doc["device_id"].(string)
		k, err := PublicKeyFromDidKey(did)
		if err != nil {
			return false
		}
		key = k
	}
	raw, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return false
	}
	payload, err := SigningPayload(doc)
	return err == nil && ed25519.Verify(key, payload, raw)
}
