module github.com/kefu-go/kefu/benchmarks

go 1.26.8

require (
	github.com/kefu-go/kefu v0.0.0
	go.yaml.in/yaml/v3 v3.0.6
)

require (
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396 // indirect
	github.com/go-ego/gse v0.80.3 // indirect
	github.com/vcaesar/cedar v0.20.2 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/kefu-go/kefu => ../
