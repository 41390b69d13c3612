module github.com/closecodes/closecodes/examples/websocket

go 1.23

replace github.com/closecodes/closecodes => ../..

require (
	github.com/closecodes/closecodes v0.0.0-00010101000000-000000000000
	github.com/coder/websocket v1.8.15
	github.com/gorilla/websocket v1.5.3
)
