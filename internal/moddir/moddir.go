// Package moddir finds the source folder of a pinned Go module, for the
// go generate programs that derive kefu's data from other modules' files.
package moddir

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
)

// Dir downloads mod ("path@version") through the go command, from the
// module cache or the module proxy, and returns its folder.
func Dir(mod string) (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", mod).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	return info.Dir, nil
}

// Derive is the main of a generator that derives one Go file from one
// file of a pinned module: it finds file in mod (see Dir), passes its path
// to derive and writes what derive returns to out. Any error ends the
// program with a message prefixed by name.
func Derive(name, mod, file, out string, derive func(path string) ([]byte, error)) {
	log.SetFlags(0)
	log.SetPrefix(name + ": ")
	dir, err := Dir(mod)
	if err != nil {
		log.Fatal(err)
	}
	src, err := derive(filepath.Join(dir, file))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
