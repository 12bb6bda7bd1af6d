package main

import (
	"fmt"
	"strings"
)

type evaluation struct {
	Name           string `json:"name"`
	Namespace      string `json:"namespace"`
	Kind           string `json:"kind"`
	ComplianceType string `json:"complianceType"`
	Result         string `json:"result"`
	Message        string `json:"message,omitempty"`
}

// evaluate matches one object template against the existing objects the
// way musthave does: every field of the objectDefinition must be present
// and equal in the existing object (maps as subsets, list items found).
func evaluate(t interface{}, objects []interface{}) evaluation {
	tm, _ := t.(map[string]interface{})
	def, _ := tm["objectDefinition"].(map[string]interface{})
	meta, _ := def["metadata"].(map[string]interface{})
	ev := evaluation{
		Name:           str(meta["name"]),
		Namespace:      str(meta["namespace"]),
		Kind:           str(def["kind"]),
		ComplianceType: strings.ToLower(str(tm["complianceType"])),
	}
	existing := lookupIn(objects, str(def["apiVersion"]), ev.Kind, ev.Namespace, ev.Name)
	found := len(existing) > 0 && ev.Name != ""
	var mismatch string
	if found {
		mismatch = subset(def, existing, "")
	}
	switch ev.ComplianceType {
	case "mustnothave":
		if found && mismatch == "" {
			ev.Result, ev.Message = "noncompliant", "found"
		} else {
			ev.Result = "compliant"
		}
	default:
		switch {
		case !found:
			ev.Result = "notfound"
		case mismatch != "":
			ev.Result, ev.Message = "noncompliant", mismatch
		default:
			ev.Result = "compliant"
		}
	}
	return ev
}

// subset returns "" when want is contained in have, else the path and
// values of the first difference.
func subset(want, have interface{}, path string) string {
	switch w := want.(type) {
	case map[string]interface{}:
		h, ok := have.(map[string]interface{})
		if !ok {
			return fmt.Sprintf("%s: want a map, have %v", pathOr(path), have)
		}
		for k, wv := range w {
			hv, present := h[k]
			if !present {
				if wv == nil {
					continue
				}
				return fmt.Sprintf("%s.%s: missing", path, k)
			}
			if d := subset(wv, hv, path+"."+k); d != "" {
				return d
			}
		}
		return ""
	case []interface{}:
		h, ok := have.([]interface{})
		if !ok {
			return fmt.Sprintf("%s: want a list, have %v", pathOr(path), have)
		}
		for i, wv := range w {
			matched := false
			for _, hv := range h {
				if subset(wv, hv, "") == "" {
					matched = true
					break
				}
			}
			if !matched {
				return fmt.Sprintf("%s[%d]: no matching item", pathOr(path), i)
			}
		}
		return ""
	default:
		if str(want) != str(have) {
			return fmt.Sprintf("%s: want %q, have %q", pathOr(path), str(want), str(have))
		}
		return ""
	}
}

func pathOr(p string) string {
	if p == "" {
		return "."
	}
	return p
}
