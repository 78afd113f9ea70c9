// Command kin-check loads the htapsync OpenAPI document with kin-openapi (the library under oapi-codegen, as
// Debian packages it), validates the document, and validates every example in it against its schema one by one,
// so a failure names the example. It also fails on a `type: number` or `type: integer` schema without a
// `format`: Go generators then pick float32 or int, which loses digits of a percentage or a count.
//
// Usage: kin-check SPEC.yaml
// Prints one line per example and a closing "N passed, N failed"; exits 1 on any failure.
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

type checker struct {
	passed, failed int
}

func (c *checker) pass(what string) {
	c.passed++
	fmt.Printf("ok   %s\n", what)
}

func (c *checker) fail(what string, err error) {
	c.failed++
	fmt.Printf("FAIL %s: %v\n", what, err)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kin-check SPEC.yaml")
		os.Exit(2)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(os.Args[1])
	if err != nil {
		fmt.Printf("FAIL load %s: %v\n0 passed, 1 failed\n", os.Args[1], err)
		os.Exit(1)
	}
	c := &checker{}
	// Validate checks the document's structure and, by default, every example against its schema.
	if err := doc.Validate(context.Background()); err != nil {
		c.fail("document (structure and examples)", err)
	} else {
		c.pass("document (structure and examples)")
	}
	c.examples(doc)
	c.numberFormats(doc)
	fmt.Printf("kin-openapi: %d passed, %d failed\n", c.passed, c.failed)
	if c.failed > 0 {
		os.Exit(1)
	}
}

// examples validates each example separately, as a response body or a parameter value.
func (c *checker) examples(doc *openapi3.T) {
	paths := sortedKeys(doc.Paths)
	for _, path := range paths {
		for method, op := range doc.Paths[path].Operations() {
			for _, p := range op.Parameters {
				c.parameter(method+" "+path, p.Value)
			}
			for _, status := range sortedKeys(op.Responses) {
				response := op.Responses[status].Value
				for _, mediaType := range sortedKeys(response.Content) {
					media := response.Content[mediaType]
					for _, name := range sortedKeys(media.Examples) {
						what := fmt.Sprintf("example %s %s %s %s", method, status, mediaType, name)
						c.value(what, media.Schema.Value, media.Examples[name].Value.Value)
					}
					if media.Example != nil {
						c.value(fmt.Sprintf("example %s %s %s", method, status, mediaType), media.Schema.Value, media.Example)
					}
				}
			}
		}
	}
	for _, name := range sortedKeys(doc.Components.Parameters) {
		c.parameter("components", doc.Components.Parameters[name].Value)
	}
}

func (c *checker) parameter(where string, p *openapi3.Parameter) {
	if p.Example == nil {
		return
	}
	c.value(fmt.Sprintf("example %s parameter %s", where, p.Name), p.Schema.Value, p.Example)
}

func (c *checker) value(what string, schema *openapi3.Schema, value interface{}) {
	if err := schema.VisitJSON(value, openapi3.MultiErrors()); err != nil {
		c.fail(what, err)
	} else {
		c.pass(what)
	}
}

// numberFormats walks every component schema, including oneOf branches and properties.
func (c *checker) numberFormats(doc *openapi3.T) {
	var missing []string
	var walk func(string, *openapi3.Schema)
	walk = func(at string, s *openapi3.Schema) {
		if s == nil {
			return
		}
		if (s.Type == "number" || s.Type == "integer") && s.Format == "" {
			missing = append(missing, at)
		}
		for i, branch := range s.OneOf {
			walk(fmt.Sprintf("%s/oneOf/%d", at, i), branch.Value)
		}
		for i, branch := range s.AnyOf {
			walk(fmt.Sprintf("%s/anyOf/%d", at, i), branch.Value)
		}
		for i, branch := range s.AllOf {
			walk(fmt.Sprintf("%s/allOf/%d", at, i), branch.Value)
		}
		for _, name := range sortedKeys(s.Properties) {
			if s.Properties[name].Ref == "" {
				walk(at+"/properties/"+name, s.Properties[name].Value)
			}
		}
		if s.Items != nil && s.Items.Ref == "" {
			walk(at+"/items", s.Items.Value)
		}
	}
	for _, name := range sortedKeys(doc.Components.Schemas) {
		walk("#/components/schemas/"+name, doc.Components.Schemas[name].Value)
	}
	for _, name := range sortedKeys(doc.Components.Parameters) {
		if p := doc.Components.Parameters[name].Value; p.Schema != nil {
			walk("#/components/parameters/"+name, p.Schema.Value)
		}
	}
	if len(missing) > 0 {
		c.fail("every number and integer has a format", fmt.Errorf("no format at %s", strings.Join(missing, ", ")))
	} else {
		c.pass("every number and integer has a format")
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
