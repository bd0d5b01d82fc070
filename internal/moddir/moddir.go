// Package moddir finds the source folder of a pinned Go module, for the
// go generate programs that derive kefu's data from other modules' files.
package moddir

import (
	"encoding/json"
	"fmt"
	"os/exec"
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
