module github.com/closecodes/closecodes/bench

go 1.23.0

replace github.com/closecodes/closecodes => ../

require (
	github.com/closecodes/closecodes v0.0.0-00010101000000-000000000000
	github.com/coder/websocket v1.8.15
	github.com/gobwas/ws v1.4.0
	golang.org/x/tools v0.33.0
)

require (
	github.com/gobwas/httphead v0.1.0 // indirect
	github.com/gobwas/pool v0.2.1 // indirect
	golang.org/x/mod v0.24.0 // indirect
	golang.org/x/sync v0.14.0 // indirect
)
