module example.com/mistakes

go 1.23

replace github.com/closecodes/closecodes => ../../..

require (
	github.com/closecodes/closecodes v0.0.0-00010101000000-000000000000
	github.com/coder/websocket v1.8.15
	github.com/gobwas/ws v1.4.0
	github.com/gorilla/websocket v1.5.3
	nhooyr.io/websocket v1.8.17
)

require (
	github.com/gobwas/httphead v0.1.0 // indirect
	github.com/gobwas/pool v0.2.1 // indirect
)
