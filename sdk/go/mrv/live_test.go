//go:build live

package mrv

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrvapi"
)

// Run by test/sdk/sdk-live.test.ts against its live API (`go test -tags live`).
func env(t *testing.T, name string) string {
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set: run through npm test (test/sdk/sdk-live.test.ts starts the API)", name)
	}
	return v
}

func unsignedDoc(did string, seq int) Document {
	ts := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(seq) * 15 * time.Minute)
	return Document{
		"schema_version": "1.0.0", "device_id": did, "seq": float64(seq), "interval_s": 900.0,
		"timestamp": ts.Format("2006-01-02T15:04:05Z"),
		"readings": []any{
			map[string]any{"sensor_id": "gen_01", "type": "energy", "value": 120.5, "unit": "kWh"},
			map[string]any{"sensor_id": "exp_01", "type": "energy_export", "value": 118.2, "unit": "kWh"},
		},
	}
}

type ed25519Key = ed25519.PrivateKey

func deviceKey(t *testing.T) Document {
	var jwk map[string]string
	if err := json.Unmarshal([]byte(env(t, "MRV_GO_DEVICE_JWK")), &jwk); err != nil {
		t.Fatal(err)
	}
	key, err := PrivateKeyFromJWK(jwk)
	if err != nil {
		t.Fatal(err)
	}
	return Document{"key": key}
}

func TestLiveSubmitPaginateErrorsAndRetries(t *testing.T) {
	ctx := context.Background()
	did := env(t, "MRV_GO_DEVICE_DID")
	key := deviceKey(t)["key"]
	gateway, err := New(env(t, "MRV_API_URL"), WithClientCredentials(env(t, "MRV_GATEWAY_PREFIX"), env(t, "MRV_GATEWAY_KEY"), ""))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(fmt.Sprint(gateway), env(t, "MRV_GATEWAY_KEY")) {
		t.Fatal("the client prints its secret")
	}
	var docs []Document
	for i := 0; i < 5; i++ {
		d, err := SignTelemetry(unsignedDoc(did, 300+i), key.(ed25519Key))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	res, err := gateway.SubmitTelemetry(ctx, docs, 2)
	if err != nil || res.Accepted != 5 || len(res.Results) != 5 || *res.Results[4].Index != 4 {
		t.Fatalf("submit: %+v %v", res, err)
	}
	again, err := gateway.SubmitTelemetry(ctx, docs, 0)
	if err != nil || again.Duplicates != 5 {
		t.Fatalf("resubmit: %+v %v", again, err)
	}

	admin, _ := New(env(t, "MRV_API_URL"), WithAPIKey(env(t, "MRV_ADMIN_KEY")))
	limit := 2
	deviceID := env(t, "MRV_GO_DEVICE_ID")
	count := 0
	for r, err := range admin.Readings(ctx, mrvapi.ListReadingsParams{DeviceId: &deviceID, Limit: &limit}) {
		if err != nil {
			t.Fatal(err)
		}
		if r.DeviceId != deviceID {
			t.Fatalf("reading of another device: %s", r.DeviceId)
		}
		count++
	}
	if count != 5 {
		t.Fatalf("paged %d readings, want 5", count)
	}

	err = admin.Call(ctx, "GET", "/v1/readings/rdg_0000000000000000000000", nil, nil)
	var p *ProblemError
	if !errors.As(err, &p) || p.Status != 404 || p.Code != "NOT_FOUND" || p.Detail == "" {
		t.Fatalf("want a typed 404, got %#v", err)
	}
	err = admin.Call(ctx, "POST", "/v1/api-keys", map[string]any{"name": "", "scopes": []string{}}, nil)
	if !errors.As(err, &p) || p.Status != 400 || len(p.Errors) < 2 {
		t.Fatalf("want a 400 with field errors, got %#v", err)
	}

	for _, bad := range []Document{{"schema_version": "2.0.0"}, unsignedDoc("meter-7", 1)} {
		offline, _ := New("http://127.0.0.1:9", WithAPIKey("mrv_live_x"), WithRetry(Retry{MaxAttempts: 1}))
		_, err := offline.SubmitTelemetry(ctx, []Document{bad}, 0)
		var de *TelemetryDocumentError
		if !errors.As(err, &de) {
			t.Fatalf("want TelemetryDocumentError before any request, got %v", err)
		}
	}

	flaky, _ := New(env(t, "MRV_FLAKY_URL"), WithAPIKey(env(t, "MRV_GATEWAY_KEY")),
		WithRetry(Retry{MaxAttempts: 5, BaseDelay: 50 * time.Millisecond, MaxDelay: 5 * time.Second}))
	var more []Document
	for i := 0; i < 3; i++ {
		d, _ := SignTelemetry(unsignedDoc(did, 400+i), key.(ed25519Key))
		more = append(more, d)
	}
	lost, err := flaky.SubmitTelemetry(ctx, more, 0)
	if err != nil || lost.Accepted != 3 || lost.Duplicates != 0 {
		t.Fatalf("submission through a reset connection: %+v %v", lost, err)
	}
	start := time.Now()
	for _, err := range flaky.Readings(ctx, mrvapi.ListReadingsParams{DeviceId: &deviceID}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	if time.Since(start) < 900*time.Millisecond {
		t.Fatal("Retry-After was not honoured")
	}
}
