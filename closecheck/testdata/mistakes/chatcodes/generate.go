package chatcodes

//go:generate go run github.com/closecodes/closecodes/cmd/gencodes -registry ../closecodes.yaml
