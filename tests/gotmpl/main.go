// Command gotmpl executes ACM policy templates the way ACM does, for tests.
//
// Usage: gotmpl hub|managed|yaml < request.json > result.json
//
// It exits 0 whenever it could answer, including when the template fails
// (the result then says "ok": false); a non-zero exit means the harness
// itself failed (bad request, unknown mode).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

type request struct {
	Object     interface{}                  `json:"object"`
	Namespace  string                       `json:"namespace"`
	ConfigMaps map[string]map[string]string `json:"configMaps"`
	Secrets    map[string]map[string]string `json:"secrets"`
	Template   string                       `json:"template"`
	Objects    []interface{}                `json:"objects"`
	Evaluate   bool                         `json:"evaluate"`
	Texts      []string                     `json:"texts"`
}

type result struct {
	Ok              bool              `json:"ok"`
	Error           string            `json:"error,omitempty"`
	Yaml            string            `json:"yaml,omitempty"`
	Object          interface{}       `json:"object,omitempty"`
	ObjectTemplates []interface{}     `json:"objectTemplates,omitempty"`
	Evaluations     []evaluation      `json:"evaluations,omitempty"`
	Trees           []json.RawMessage `json:"trees,omitempty"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gotmpl hub|managed|yaml < request.json")
		os.Exit(2)
	}
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "reading stdin:", err)
		os.Exit(2)
	}
	var req request
	dec := json.NewDecoder(bytes.NewReader(in))
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "decoding request:", err)
		os.Exit(2)
	}
	req.Object = normalize(req.Object)
	for i := range req.Objects {
		req.Objects[i] = normalize(req.Objects[i])
	}
	if req.Namespace == "" {
		req.Namespace = "acmdr"
	}

	var res result
	switch os.Args[1] {
	case "hub":
		res = runHub(&req)
	case "managed":
		res = runManaged(&req)
	case "yaml":
		res = runYaml(&req)
	default:
		fmt.Fprintln(os.Stderr, "unknown mode:", os.Args[1])
		os.Exit(2)
	}
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Fprintln(os.Stderr, "encoding result:", err)
		os.Exit(3)
	}
	os.Stdout.Write(out)
	os.Stdout.Write([]byte("\n"))
}

func fail(err error) result {
	return result{Ok: false, Error: err.Error()}
}

// normalize turns decoded JSON or YAML values into plain values that both
// text/template and encoding/json handle: string-keyed maps, ints for
// integral JSON numbers.
func normalize(v interface{}) interface{} {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return int(i)
		}
		f, _ := t.Float64()
		return f
	case map[string]interface{}:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case []interface{}:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	default:
		return v
	}
}
