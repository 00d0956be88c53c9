// Fetch and verify a trust chain: once February is issued, fetch its bundle and check, with this
// SDK alone, every device signature on the telemetry it carries.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/url"
	"os"
	"time"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrv"
)

func main() {
	ctx := context.Background()
	raw, err := os.ReadFile(os.Getenv("MRV_STATE"))
	if err != nil {
		log.Fatal(err)
	}
	var s map[string]any
	_ = json.Unmarshal(raw, &s)
	admin, err := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(s["admin"].(string)))
	if err != nil {
		log.Fatal(err)
	}
	issuance := url.PathEscape(s["project"].(string) + "/2026-02")
	for i := 0; ; i++ {
		var got struct {
			TrustChainAvailable bool `json:"trust_chain_available"`
		}
		if err := admin.Call(ctx, "GET", "/v1/issuances/"+issuance, nil, &got); err == nil && got.TrustChainAvailable {
			break
		}
		if i > 480 {
			log.Fatal("timed out waiting for the trust chain")
		}
		time.Sleep(500 * time.Millisecond)
	}
	var bundle struct {
		Type string `json:"type"`
		Mint struct {
			TokenID string `json:"tokenId"`
			Amount  string `json:"amount"`
		} `json:"mint"`
		Documents []struct {
			Document mrv.Document `json:"document"`
		} `json:"documents"`
	}
	path := "/v1/projects/" + s["project"].(string) + "/periods/2026-02/trust-chain"
	if err := admin.Call(ctx, "GET", path, nil, &bundle); err != nil {
		log.Fatal(err)
	}
	verified := 0
	for _, d := range bundle.Documents {
		if mrv.AssertTelemetryV1(d.Document) != nil {
			continue
		}
		if !mrv.VerifyTelemetry(d.Document, nil) {
			log.Fatalf("device signature does not verify: seq %v", d.Document["seq"])
		}
		verified++
	}
	if bundle.Type != "mrv.trust-chain" || verified == 0 {
		log.Fatalf("bundle %q with %d telemetry documents", bundle.Type, verified)
	}
	fmt.Printf("ok trust chain of token %s (amount %s): %d device signatures verified\n", bundle.Mint.TokenID, bundle.Mint.Amount, verified)
}
