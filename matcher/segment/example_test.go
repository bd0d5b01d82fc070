package segment_test

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/matcher/segment"
)

func ExampleDefault() {
	seg, err := segment.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.Join(seg.Cut("你们是批发货源吗"), "/"))
	// Output: 你们/是/批发/货源/吗
}

func ExampleCutFunc() {
	// Any function can serve as a segmenter, e.g. one word per character.
	var perRune segment.CutFunc = func(text string) []string {
		var words []string
		for _, r := range text {
			words = append(words, string(r))
		}
		return words
	}
	fmt.Println(perRune.Cut("发货"))
	// Output: [发 货]
}
