package convert_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tongwen/tongwen/convert"
	"golang.org/x/text/transform"
)

func ExampleConverter_Convert() {
	c, err := convert.New("s2twp")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Convert("鼠标和软件"))
	// Output: 滑鼠和軟體
}

func ExampleConverter_Append() {
	c, _ := convert.New("t2s")
	var buf []byte
	for _, line := range []string{"頭髮乾了", "軟體"} {
		buf = c.Append(buf[:0], []byte(line)) // reuses buf: no allocation once it is large enough
		fmt.Println(string(buf))
	}
	// Output:
	// 头发干了
	// 软体
}

func ExampleConverter_Transform() {
	c, _ := convert.New("s2hk")
	r := transform.NewReader(strings.NewReader("我们在维多利亚港看烟花\n"), c)
	io.Copy(os.Stdout, r)
	// Output: 我們在維多利亞港看煙花
}

func ExampleConfigs() {
	fmt.Println(convert.Configs())
	// Output: [hk2s hk2sp hk2t jp2t s2hk s2hkp s2t s2tw s2twp t2hk t2jp t2s t2tw tw2s tw2sp tw2t]
}

func ExampleWithPhrases() {
	// Keep a name that s2t would otherwise convert (恒 → 恆).
	c, _ := convert.New("s2t", convert.WithPhrases(map[string]string{"魏恒": "魏恒"}))
	fmt.Println(c.Convert("魏恒的头发"))
	// Output: 魏恒的頭髮
}

func ExampleConverter_Segments() {
	c, _ := convert.New("s2twp")
	for _, s := range c.Segments("U盘的头发") {
		fmt.Printf("%s %v -> %s %v %q\n", s.Source, s.In, s.Targets[0], s.Out, s.Targets[1:])
	}
	// Output:
	// U盘 {0 4} -> 隨身碟 {0 9} []
	// 的 {4 7} -> 的 {9 12} []
	// 头发 {7 13} -> 頭髮 {12 18} []
}
