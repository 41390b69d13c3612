module github.com/closecodes/closecodes

go 1.23

require (
	github.com/pmezard/go-difflib v1.0.0
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.6
)

require golang.org/x/text v0.22.0
