package main

import (
	"fmt"

	yaml "gopkg.in/yaml.v3"
)

// runManaged resolves an object-templates-raw string like the
// configuration-policy controller: {{ }} templates, lookup against the
// given objects, and the output must be a YAML list of object templates.
func runManaged(req *request) result {
	funcs := commonFuncs()
	funcs["lookup"] = func(apiVersion, kind, ns, name string, selectors ...string) (map[string]interface{}, error) {
		return lookupIn(req.Objects, apiVersion, kind, ns, name, selectors...), nil
	}
	funcs["fromConfigMap"] = func(ns, name, key string) (string, error) {
		cm := lookupIn(req.Objects, "v1", "ConfigMap", ns, name)
		if len(cm) == 0 {
			return "", fmt.Errorf("failed to get the ConfigMap %s from %s: configmaps %q not found", name, ns, name)
		}
		data, _ := cm["data"].(map[string]interface{})
		return str(data[key]), nil
	}

	resolved, err := execute(req.Template, "{{", "}}", funcs)
	if err != nil {
		return fail(err)
	}
	var out interface{}
	if err := yaml.Unmarshal([]byte(resolved), &out); err != nil {
		return fail(fmt.Errorf("the resolved object-templates-raw is not valid YAML: %w", err))
	}
	templates, ok := normalize(out).([]interface{})
	if !ok {
		return fail(fmt.Errorf("the resolved object-templates-raw is not a YAML list of object templates: %T", out))
	}
	res := result{Ok: true, Yaml: resolved, ObjectTemplates: templates}
	if req.Evaluate {
		for _, t := range templates {
			res.Evaluations = append(res.Evaluations, evaluate(t, req.Objects))
		}
	}
	return res
}
