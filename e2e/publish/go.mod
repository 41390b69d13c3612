module github.com/closecodes/closecodes/e2e/publish

go 1.23.0

replace github.com/closecodes/closecodes => ../..

require (
	github.com/closecodes/closecodes v0.0.0-00010101000000-000000000000
	github.com/stretchr/testify v1.12.1
	golang.org/x/mod v0.24.0
)

require go.yaml.in/yaml/v3 v3.0.6 // indirect
