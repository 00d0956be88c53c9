// Rotate a key: the gateway's key is replaced by a successor with the same scopes; the old one
// is refused from then on (a typed 401 problem).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrv"
)

func main() {
	ctx := context.Background()
	path := os.Getenv("MRV_STATE")
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var s map[string]any
	_ = json.Unmarshal(raw, &s)
	admin, err := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(s["admin"].(string)))
	if err != nil {
		log.Fatal(err)
	}
	var successor struct {
		ID, Key, Prefix string
		Replaces        string `json:"replaces"`
	}
	if err := admin.Call(ctx, "POST", "/v1/api-keys/"+s["gatewayId"].(string)+"/rotate", nil, &successor); err != nil {
		log.Fatal(err)
	}
	old, _ := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(s["gateway"].(string)))
	var problem *mrv.ProblemError
	if err := old.Call(ctx, "GET", "/v1/organization", nil, nil); !errors.As(err, &problem) || problem.Status != 401 {
		log.Fatalf("the old key still works: %v", err)
	}
	fresh, _ := mrv.New(os.Getenv("MRV_API_URL"), mrv.WithAPIKey(successor.Key))
	if err := fresh.Call(ctx, "GET", "/v1/organization", nil, nil); err != nil {
		log.Fatal(err)
	}
	s["gateway"], s["gatewayId"], s["gatewayPrefix"] = successor.Key, successor.ID, successor.Prefix
	out, _ := json.MarshalIndent(s, "", "  ")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("ok rotated %s to %s; the old key answers %d %s\n", successor.Replaces, successor.ID, problem.Status, problem.Code)
}
