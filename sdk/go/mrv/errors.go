package mrv

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// FieldError is one failing field of a 400: Pointer is a JSON Pointer into the part named by In.
type FieldError struct {
	In      string `json:"in"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// ProblemError is an RFC 9457 problem the API answered, with the server's own detail.
type ProblemError struct {
	Type      string         `json:"type"`
	Status    int            `json:"status"`
	Title     string         `json:"title"`
	Detail    string         `json:"detail"`
	Code      string         `json:"code"`
	Errors    []FieldError   `json:"errors"`
	RequestID string         `json:"request_id"`
	Raw       map[string]any `json:"-"`
}

func (e *ProblemError) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("%s: %s", e.Title, e.Detail)
	}
	return e.Title
}

// ProblemFromResponse reads a failed answer: its problem+json, or a problem built from its text.
func ProblemFromResponse(resp *http.Response) *ProblemError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	return problemFromBody(resp.StatusCode, resp.Status, body)
}

func problemFromBody(status int, statusText string, body []byte) *ProblemError {
	p := &ProblemError{Status: status, Title: statusText, Type: "about:blank"}
	if err := json.Unmarshal(body, p); err != nil {
		p.Detail = string(body[:min(len(body), 500)])
	}
	_ = json.Unmarshal(body, &p.Raw)
	if p.Status == 0 {
		p.Status = status
	}
	return p
}

// TelemetryDocumentError is a document that is not telemetry v1: refused before signing or sending.
type TelemetryDocumentError struct{ Reason string }

func (e *TelemetryDocumentError) Error() string { return "not a telemetry v1 document: " + e.Reason }
