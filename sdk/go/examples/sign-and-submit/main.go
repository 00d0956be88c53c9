// Sign and submit telemetry from Go: six more hourly readings of the example device.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"time"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrv"
)

func main() {
	var s struct {
		Gateway string            `json:"gateway"`
		DID     string            `json:"did"`
		JWK     map[string]string `json:"jwk"`
	}
	raw, err := os.ReadFile(os.Getenv("MRV_STATE"))
	if err != nil {
		log.Fatal(err)
	}
	_ = json.Unmarshal(raw, &s)
	key, err := mrv.PrivateKeyFromJWK(s.JWK)
	if err != nil {
		log.Fatal(err)
	}
	var docs []mrv.Document
	for seq := 26; seq <= 31; seq++ {
		flow := 2.8 + 0.03*float64(seq%7)
		kwh := math.Round(flow*45*9.81*0.85*10) / 10
		doc, err := mrv.SignTelemetry(mrv.Document{
			"schema_version": "1.0.0", "device_id": s.DID, "seq": seq, "interval_s": 3600,
			"timestamp": time.Date(2026, 2, 1, seq, 0, 0, 0, time.UTC).Format("2006-01-02T15:04:05Z"),
			"readings": []any{
				map[string]any{"sensor_id": "flow_01", "type": "flow_rate", "value": flow, "unit": "m3/s"},
				map[string]any{"sensor_id": "head_01", "type": "head", "value": 45, "unit": "m"},
				map[string]any{"sensor_id": "gen_01", "type": "energy", "value": kwh, "unit": "kWh"},
				map[string]any{"sensor_id": "exp_01", "type": "energy_export", "value": math.Round(kwh*9.8) / 10, "unit": "kWh"},
			},
		}, key)
		if err != nil {
			log.Fatal(err)
		}
		docs = append(docs, doc)
	}
	client, err := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(s.Gateway))
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.SubmitTelemetry(context.Background(), docs, 0)
	if err != nil || res.Accepted != len(docs) {
		log.Fatalf("submit: %+v %v", res, err)
	}
	fmt.Printf("ok submitted %d readings signed in Go\n", res.Accepted)
}
