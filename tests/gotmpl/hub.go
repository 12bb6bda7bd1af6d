package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	yaml "gopkg.in/yaml.v3"
)

// runHub resolves {{hub ... hub}} templates like the policy propagator:
// the object (JSON) is read into interface{}, marshalled to YAML with
// yaml.v3 (keys sorted), executed as one text/template, and read back.
func runHub(req *request) result {
	raw, err := json.Marshal(req.Object)
	if err != nil {
		return fail(err)
	}
	var generic interface{}
	if err := yaml.Unmarshal(raw, &generic); err != nil {
		return fail(fmt.Errorf("converting the object to YAML: %w", err))
	}
	if !strings.Contains(string(raw), "{{hub") {
		// The propagator only resolves objects that hold a hub template.
		return result{Ok: true, Object: req.Object}
	}
	// Like go-template-utils' jsonToYAML: an Encoder with an indent of 2.
	var text bytes.Buffer
	encoder := yaml.NewEncoder(&text)
	encoder.SetIndent(2)
	if err := encoder.Encode(&generic); err != nil {
		return fail(fmt.Errorf("converting the object to YAML: %w", err))
	}

	funcs := commonFuncs()
	funcs["fromConfigMap"] = func(ns, name, key string) (string, error) {
		return fromMap(req, "ConfigMap", req.ConfigMaps, ns, name, key)
	}
	funcs["fromSecret"] = func(ns, name, key string) (string, error) {
		return fromMap(req, "Secret", req.Secrets, ns, name, key)
	}
	funcs["lookup"] = func(apiVersion, kind, ns, name string, _ ...string) (map[string]interface{}, error) {
		if ns != "" && ns != req.Namespace {
			return nil, fmt.Errorf("lookup: the namespace argument is restricted to %s", req.Namespace)
		}
		if ns == "" && kind != "Node" && kind != "Namespace" {
			ns = req.Namespace
		}
		return lookupIn(req.Objects, apiVersion, kind, ns, name), nil
	}

	resolved, err := execute(text.String(), "{{hub", "hub}}", funcs)
	if err != nil {
		return fail(err)
	}
	var obj interface{}
	if err := yaml.Unmarshal([]byte(resolved), &obj); err != nil {
		return fail(fmt.Errorf("the resolved template is not valid YAML: %w", err))
	}
	return result{Ok: true, Yaml: resolved, Object: normalize(obj)}
}

func fromMap(req *request, kind string, store map[string]map[string]string, ns, name, key string) (string, error) {
	if ns == "" {
		ns = req.Namespace
	}
	if ns != req.Namespace {
		return "", fmt.Errorf("from%s: the namespace argument is restricted to %s", kind, req.Namespace)
	}
	data, found := store[name]
	if !found {
		return "", fmt.Errorf("failed to get the %s %s from %s: %ss %q not found",
			kind, name, ns, strings.ToLower(kind), name)
	}
	if kind == "Secret" {
		if v, ok := data[key]; ok {
			return v, nil
		}
		return "", fmt.Errorf("failed to get the key %s from the Secret %s in %s", key, name, ns)
	}
	// A missing key of an existing ConfigMap is "" with no error.
	return data[key], nil
}

// execute runs text as one Go text/template with ACM's default options.
func execute(text, left, right string, funcs template.FuncMap) (string, error) {
	tmpl, err := template.New("tmpl").Delims(left, right).Funcs(funcs).Parse(text)
	if err != nil {
		return "", fmt.Errorf("failed to parse the template: %w", err)
	}
	var out strings.Builder
	if err := tmpl.Execute(&out, struct{}{}); err != nil {
		return "", fmt.Errorf("failed to resolve the template: %w", err)
	}
	return out.String(), nil
}
