module github.com/kefu-go/kefu/benchmarks

go 1.26.8

require (
	github.com/anknown/ahocorasick v0.0.0-20190904063843-d75dbd5169c0
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
	github.com/coregx/ahocorasick v0.3.1
	github.com/go-ego/gse v0.80.3
	github.com/importcjj/sensitive v0.0.0-20200106142752-42d1c505be7b
	github.com/kefu-go/kefu v0.0.0
	github.com/petar-dambovaliev/aho-corasick v0.0.0-20250424160509-463d218d4745
	github.com/zmexing/go-sensitive-word v1.3.0
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/anknown/darts v0.0.0-20151216065714-83ff685239e6 // indirect
	github.com/vcaesar/cedar v0.20.2 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/kefu-go/kefu => ../
