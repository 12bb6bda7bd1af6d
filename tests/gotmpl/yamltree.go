package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	yaml "gopkg.in/yaml.v3"
)

// runYaml reads each of req.Texts with yaml.v3, as ACM and the policy
// framework do, and gives each one's documents as a JSON array of trees:
// mappings as objects in document order, sequences as arrays, strings as
// strings, integers and booleans as JSON numbers and booleans, null as null,
// and any other scalar as {"!!tag": "text"}, which no manifest tree equals.
func runYaml(req *request) result {
	var res result
	res.Ok = true
	for i, text := range req.Texts {
		tree, err := yamlTree(text)
		if err != nil {
			return fail(fmt.Errorf("text %d: %w", i, err))
		}
		res.Trees = append(res.Trees, tree)
	}
	return res
}

func yamlTree(text string) (json.RawMessage, error) {
	decoder := yaml.NewDecoder(strings.NewReader(text))
	var out bytes.Buffer
	out.WriteByte('[')
	for count := 0; ; count++ {
		var doc yaml.Node
		err := decoder.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if count > 0 {
			out.WriteByte(',')
		}
		if err := writeNode(&out, doc.Content[0]); err != nil {
			return nil, err
		}
	}
	out.WriteByte(']')
	return out.Bytes(), nil
}

func writeNode(out *bytes.Buffer, node *yaml.Node) error {
	switch node.Kind {
	case yaml.MappingNode:
		out.WriteByte('{')
		for i := 0; i < len(node.Content); i += 2 {
			if i > 0 {
				out.WriteByte(',')
			}
			key := node.Content[i]
			if key.Kind != yaml.ScalarNode || key.ShortTag() != "!!str" {
				return fmt.Errorf("line %d: key %q is not a string (%s)", key.Line, key.Value, key.ShortTag())
			}
			writeJSON(out, key.Value)
			out.WriteByte(':')
			if err := writeNode(out, node.Content[i+1]); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	case yaml.SequenceNode:
		out.WriteByte('[')
		for i, item := range node.Content {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := writeNode(out, item); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case yaml.ScalarNode:
		switch node.ShortTag() {
		case "!!str":
			writeJSON(out, node.Value)
		case "!!int", "!!bool", "!!null":
			var value interface{}
			if err := node.Decode(&value); err != nil {
				return err
			}
			writeJSON(out, value)
		default:
			writeJSON(out, map[string]string{node.ShortTag(): node.Value})
		}
	default:
		return fmt.Errorf("line %d: unexpected node kind %d", node.Line, node.Kind)
	}
	return nil
}

func writeJSON(out *bytes.Buffer, value interface{}) {
	encoded, _ := json.Marshal(value)
	out.Write(encoded)
}
