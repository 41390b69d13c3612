package generator

// testConfig is the layout the tests render into: this repository's own, with every output on.
func testConfig() Config {
	return Config{
		GoOut: "generated/go/closecode", TSOut: "generated/ts", DocsOut: "generated/docs", JSONOut: "generated/json",
		GoPackage: "closecode", GoType: "Code", TSStyle: TSStyleConst, TSPackage: "closecodes", TemplatesOut: ".",
	}
}
