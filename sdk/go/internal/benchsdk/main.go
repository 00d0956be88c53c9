// The Go half of `npm run bench:sdk` (repository root): signs and submits with package mrv and
// prints JSON figures. Not part of the SDK's API (internal).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrv"
)

func main() {
	var jwk map[string]string
	_ = json.Unmarshal([]byte(os.Getenv("MRV_DEVICE_JWK")), &jwk)
	key, err := mrv.PrivateKeyFromJWK(jwk)
	if err != nil {
		log.Fatal(err)
	}
	signN, _ := strconv.Atoi(os.Getenv("BENCH_SIGN_N"))
	submitN, _ := strconv.Atoi(os.Getenv("BENCH_SUBMIT_N"))
	docs := make([]mrv.Document, 0, signN)
	start := time.Now()
	for i := 1; i <= signN; i++ {
		d, err := mrv.SignTelemetry(mrv.Document{
			"schema_version": "1.0.0", "device_id": os.Getenv("MRV_DEVICE_DID"), "seq": i, "interval_s": 900,
			"timestamp": fmt.Sprintf("2026-01-01T00:%02d:00Z", i%60),
			"readings": []any{
				map[string]any{"sensor_id": "gen_01", "type": "energy", "value": 120.5, "unit": "kWh"},
				map[string]any{"sensor_id": "exp_01", "type": "energy_export", "value": 118.2, "unit": "kWh"},
			},
		}, key)
		if err != nil {
			log.Fatal(err)
		}
		docs = append(docs, d)
	}
	signS := time.Since(start).Seconds()
	client, err := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(os.Getenv("MRV_API_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	start = time.Now()
	for _, d := range docs[:submitN] {
		if _, err := client.SubmitTelemetry(context.Background(), []mrv.Document{d}, 0); err != nil {
			log.Fatal(err)
		}
	}
	submitS := time.Since(start).Seconds()
	out, _ := json.Marshal(map[string]float64{"signed_per_s": float64(int(float64(signN) / signS)), "submits_per_s": float64(int(float64(submitN)/submitS*10)) / 10})
	fmt.Println(string(out))
}
