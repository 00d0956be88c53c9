// Package mrv is the hand-written layer over the generated Hydro MRV API client (package mrvapi):
// a client from a base URL and an API key or OAuth2 client credentials, retries with backoff that
// honour 429 Retry-After and keep one Idempotency-Key per POST across its retries, telemetry
// signing (JCS + Ed25519), batched submission, cursor iterators and typed problem errors.
package mrv

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	mathrand "math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hydro-mrv/hydro-mrv/sdk/go/mrvapi"
)

// Retry says how often and how patiently a request is retried.
type Retry struct {
	MaxAttempts int
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

// Client talks to one Hydro MRV API. API is the generated client, sharing auth and retries.
type Client struct {
	API     *mrvapi.ClientWithResponses
	BaseURL string

	http    *http.Client
	apiKey  string
	id      string
	secret  string
	scope   string
	retry   Retry
	mu      sync.Mutex
	token   string
	expires time.Time
}

// Option configures New.
type Option func(*Client)

// WithAPIKey authenticates with an API key (mrv_live_…).
func WithAPIKey(key string) Option { return func(c *Client) { c.apiKey = key } }

// WithClientCredentials authenticates with OAuth2 client credentials (the key prefix and the key).
func WithClientCredentials(id, secret, scope string) Option {
	return func(c *Client) { c.id, c.secret, c.scope = id, secret, scope }
}

// WithRetry replaces the default retry policy (5 attempts, 200 ms doubling, capped at 20 s).
func WithRetry(r Retry) Option { return func(c *Client) { c.retry = r } }

// WithHTTPClient sets the transport and per-attempt timeout (default: 30 s timeout).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// New makes a client; it needs WithAPIKey or WithClientCredentials.
func New(baseURL string, opts ...Option) (*Client, error) {
	c := &Client{
		BaseURL: strings.TrimRight(baseURL, "/"),
		http:    &http.Client{Timeout: 30 * time.Second},
		retry:   Retry{MaxAttempts: 5, BaseDelay: 200 * time.Millisecond, MaxDelay: 20 * time.Second},
	}
	for _, o := range opts {
		o(c)
	}
	if c.apiKey == "" && (c.id == "" || c.secret == "") {
		return nil, errors.New("mrv: give WithAPIKey or WithClientCredentials")
	}
	api, err := mrvapi.NewClientWithResponses(c.BaseURL, mrvapi.WithHTTPClient(c))
	if err != nil {
		return nil, err
	}
	c.API = api
	return c, nil
}

// String never shows the credential.
func (c *Client) String() string { return fmt.Sprintf("mrv.Client{BaseURL: %q, credential: [redacted]}", c.BaseURL) }

func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Do sends req with the bearer credential, an Idempotency-Key on POST and retries. It is the
// generated client's HTTP doer.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		body = b
	}
	if req.Method == http.MethodPost && req.Header.Get("Idempotency-Key") == "" {
		req.Header.Set("Idempotency-Key", newIdempotencyKey())
	}
	req.Header.Set("User-Agent", "hydro-mrv-sdk-go/"+Version)
	bearer, err := c.bearer(req.Context())
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	return c.attempts(req, body)
}

func (c *Client) attempts(req *http.Request, body []byte) (*http.Response, error) {
	for attempt := 1; ; attempt++ {
		wait := time.Duration(float64(min(c.retry.MaxDelay, c.retry.BaseDelay<<(attempt-1))) * (0.5 + mathrand.Float64()/2))
		r := req.Clone(req.Context())
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		resp, err := c.http.Do(r)
		if err != nil {
			// A timeout or reset: the request may have arrived; the Idempotency-Key makes a retry safe.
			if attempt >= c.retry.MaxAttempts || req.Context().Err() != nil {
				return nil, err
			}
		} else {
			inProgress := resp.StatusCode == http.StatusConflict && resp.Header.Get("Retry-After") != ""
			retryable := resp.StatusCode == 429 || resp.StatusCode == 502 || resp.StatusCode == 503 || resp.StatusCode == 504
			if (!retryable && !inProgress) || attempt >= c.retry.MaxAttempts {
				return resp, nil
			}
			if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
				wait = min(c.retry.MaxDelay, time.Duration(s)*time.Second)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
		select {
		case <-time.After(wait):
		case <-req.Context().Done():
			return nil, req.Context().Err()
		}
	}
}

func (c *Client) bearer(ctx context.Context) (string, error) {
	if c.apiKey != "" {
		return c.apiKey, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && time.Now().Before(c.expires.Add(-time.Minute)) {
		return c.token, nil
	}
	token, expires, err := c.FetchToken(ctx)
	if err != nil {
		return "", err
	}
	c.token, c.expires = token, expires
	return token, nil
}

// FetchToken gets a new access token by OAuth2 client credentials, and when it expires.
func (c *Client) FetchToken(ctx context.Context) (string, time.Time, error) {
	form := url.Values{"grant_type": {"client_credentials"}}
	if c.scope != "" {
		form.Set("scope", c.scope)
	}
	body := []byte(form.Encode())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/oauth/token", nil)
	if err != nil {
		return "", time.Time{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(c.id+":"+c.secret)))
	resp, err := c.attempts(req, body)
	if err != nil {
		return "", time.Time{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return "", time.Time{}, ProblemFromResponse(resp)
	}
	defer resp.Body.Close()
	var t struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return "", time.Time{}, err
	}
	return t.AccessToken, time.Now().Add(time.Duration(t.ExpiresIn) * time.Second), nil
}

// Call sends one JSON request and decodes the answer into out (if not nil); a failed answer is a *ProblemError.
func (c *Client) Call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return ProblemFromResponse(resp)
	}
	defer resp.Body.Close()
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// BatchResult is the outcome of SubmitTelemetry: totals and one outcome per document, in order.
type BatchResult struct {
	Accepted   int                       `json:"accepted"`
	Duplicates int                       `json:"duplicates"`
	Rejected   int                       `json:"rejected"`
	Results    []mrvapi.TelemetryOutcome `json:"results"`
}

// SubmitTelemetry sends signed telemetry v1 in batches of up to batchSize (≤ 1,000; 0 means 1,000),
// each one idempotent POST. A document that is not signed telemetry v1 is refused before any request.
func (c *Client) SubmitTelemetry(ctx context.Context, docs []Document, batchSize int) (*BatchResult, error) {
	for _, d := range docs {
		if err := AssertTelemetryV1(d); err != nil {
			return nil, err
		}
		if s, _ := d["signature"].(string); s == "" {
			return nil, &TelemetryDocumentError{Reason: "not signed"}
		}
	}
	if batchSize <= 0 || batchSize > 1000 {
		batchSize = 1000
	}
	total := &BatchResult{}
	for start := 0; start < len(docs); start += batchSize {
		var answer BatchResult
		batch := docs[start:min(len(docs), start+batchSize)]
		if err := c.Call(ctx, http.MethodPost, "/v1/telemetry", map[string]any{"documents": batch}, &answer); err != nil {
			return total, err
		}
		total.Accepted += answer.Accepted
		total.Duplicates += answer.Duplicates
		total.Rejected += answer.Rejected
		for _, r := range answer.Results {
			i := start
			if r.Index != nil {
				i += *r.Index
			}
			r.Index = &i
			total.Results = append(total.Results, r)
		}
	}
	return total, nil
}

// Readings iterates every reading matching params, page after page; an error ends the iteration.
func (c *Client) Readings(ctx context.Context, params mrvapi.ListReadingsParams) iter.Seq2[mrvapi.Reading, error] {
	return func(yield func(mrvapi.Reading, error) bool) {
		for {
			resp, err := c.API.ListReadingsWithResponse(ctx, &params)
			if err == nil && resp.JSON200 == nil {
				err = problemFromBody(resp.StatusCode(), resp.Status(), resp.Body)
			}
			if err != nil {
				yield(mrvapi.Reading{}, err)
				return
			}
			for _, r := range resp.JSON200.Data {
				if !yield(r, nil) {
					return
				}
			}
			if resp.JSON200.NextCursor == nil || *resp.JSON200.NextCursor == "" {
				return
			}
			params.Cursor = resp.JSON200.NextCursor
		}
	}
}

// DecideReview approves or rejects a flagged reading.
func (c *Client) DecideReview(ctx context.Context, readingID, decision, reason string) (map[string]any, error) {
	var out map[string]any
	err := c.Call(ctx, http.MethodPost, "/v1/reviews/"+url.PathEscape(readingID)+"/decision",
		map[string]string{"decision": decision, "reason": reason}, &out)
	return out, err
}
