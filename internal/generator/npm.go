package generator

import (
	"bytes"
	"encoding/json"
)

// npmPackage is TS-OUT/package.json, its fields in the order written.
type npmPackage struct {
	Notice      string            `json:"//"`
	Name        string            `json:"name"`
	Version     string            `json:"version"`
	Description string            `json:"description,omitempty"`
	License     string            `json:"license,omitempty"`
	Repository  map[string]string `json:"repository,omitempty"`
	Private     bool              `json:"private,omitempty"`
	Type        string            `json:"type"`
	SideEffects bool              `json:"sideEffects"`
	Main        string            `json:"main"`
	Types       string            `json:"types"`
	Exports     json.RawMessage   `json:"exports"`
	Files       []string          `json:"files"`
}

// packageJSON makes TS-OUT a package to vendor, use as a workspace or publish. Without a version it
// is private, at 0.0.0: npm refuses to publish it, and tools that want a version still find one.
func packageJSON(cfg Config, notice string) []byte {
	pkg := npmPackage{
		Notice: notice,
		Name:   cfg.TSPackage, Version: cfg.TSVersion, Description: cfg.TSDescription, License: cfg.TSLicense,
		Type: "module", Main: "./js/closecodes.js", Types: "./js/closecodes.d.ts",
	}
	pkg.Files = []string{"closecodes.ts", "js/closecodes.js", "js/closecodes.d.ts",
		"texts.ts", "js/texts.js", "js/texts.d.ts"}
	if pkg.Version == "" {
		pkg.Version, pkg.Private = "0.0.0", true
	}
	if cfg.TSRepository != "" {
		// encoding/json writes a map's keys sorted: type, then url.
		pkg.Repository = map[string]string{"type": "git", "url": cfg.TSRepository}
	}
	// Under ".", "types" must come before "default": the first condition that matches wins.
	pkg.Exports = json.RawMessage(`{".": {"types": "./js/closecodes.d.ts", "default": "./js/closecodes.js"},
		"./texts": {"types": "./js/texts.d.ts", "default": "./js/texts.js"},
		"./closecodes.ts": "./closecodes.ts", "./texts.ts": "./texts.ts", "./package.json": "./package.json"}`)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(pkg) // strings and bools always encode
	return buf.Bytes()
}
