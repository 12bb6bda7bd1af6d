package main

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
)

// commonFuncs are the sprig-style helpers ACM offers on both hub and
// managed cluster, with sprig's semantics. Only functions that ACM 2.12
// hubs know are offered, so a template that needs a newer hub fails here.
func commonFuncs() template.FuncMap {
	return template.FuncMap{
		"default": dfault,
		"empty":   empty,
		"ternary": ternary,
		"has":     has,
		"list":    list,
	}
}

// dfault is sprig's default: the given value unless it is empty.
func dfault(d interface{}, given ...interface{}) interface{} {
	if len(given) == 0 || empty(given[0]) {
		return d
	}
	return given[0]
}

func empty(given interface{}) bool {
	g := reflect.ValueOf(given)
	if !g.IsValid() {
		return true
	}
	switch g.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return g.Len() == 0
	case reflect.Bool:
		return !g.Bool()
	case reflect.Complex64, reflect.Complex128:
		return g.Complex() == 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return g.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return g.Float() == 0
	case reflect.Struct:
		return false
	default:
		return g.IsNil()
	}
}

func ternary(vt, vf interface{}, v bool) interface{} {
	if v {
		return vt
	}
	return vf
}

func list(v ...interface{}) []interface{} {
	return v
}

// has follows sprig: has needle haystack.
func has(needle interface{}, haystack interface{}) (bool, error) {
	if haystack == nil {
		return false, nil
	}
	h := reflect.ValueOf(haystack)
	switch h.Kind() {
	case reflect.Slice, reflect.Array:
		for i := 0; i < h.Len(); i++ {
			if reflect.DeepEqual(needle, h.Index(i).Interface()) {
				return true, nil
			}
		}
		return false, nil
	default:
		return false, fmt.Errorf("cannot find has on type %s", h.Kind())
	}
}

// lookupIn finds an object like ACM's lookup: the object as a map, or an
// empty map when it does not exist. An empty name lists the matches.
// Label selectors (key=value, joined by commas, as lookup's extra arguments are) keep only the
// objects carrying every one of those labels.
func lookupIn(objects []interface{}, apiVersion, kind, ns, name string, selectors ...string) map[string]interface{} {
	items := []interface{}{}
	for _, o := range objects {
		m, ok := o.(map[string]interface{})
		if !ok || str(m["apiVersion"]) != apiVersion || str(m["kind"]) != kind {
			continue
		}
		meta, _ := m["metadata"].(map[string]interface{})
		if ns != "" && str(meta["namespace"]) != ns {
			continue
		}
		if !labelled(meta, selectors) {
			continue
		}
		if name == "" {
			items = append(items, m)
			continue
		}
		if str(meta["name"]) == name {
			return m
		}
	}
	if name == "" {
		return map[string]interface{}{"items": items}
	}
	return map[string]interface{}{}
}

func labelled(meta map[string]interface{}, selectors []string) bool {
	labels, _ := meta["labels"].(map[string]interface{})
	for _, selector := range selectors {
		for _, term := range strings.Split(selector, ",") {
			kv := strings.SplitN(strings.TrimSpace(term), "=", 2)
			if len(kv) != 2 || str(labels[kv[0]]) != kv[1] {
				return false
			}
		}
	}
	return true
}

func str(v interface{}) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}
