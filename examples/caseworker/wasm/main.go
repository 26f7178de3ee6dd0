//go:build js && wasm

// Command wasm is the caseworker page's decision program, compiled to
// WebAssembly (GOOS=js GOARCH=wasm) by examples/caseworker. It decides on
// the embedded Heilongjiang data, with a local settings file merged over it
// when the caseworker opens one, and answers the page through a global
// object, dibao, whose functions take and return JSON text:
//
//	dibao.info()                 the standards' identity, the division register, the choices of every field
//	dibao.labels(lang)           the page's words in "zh-Hans" or "en"
//	dibao.decide(request, lang)  a decision rendered in lang, or the request's problems
//	dibao.check(request)         the request's problems, or null
//	dibao.loadSettings(bytes)    merge a settings file (a Uint8Array) over the embedded data
//	dibao.resetSettings()        back to the embedded data alone
//
// Once the functions are set it calls the page's dibaoReady(), if the page
// has one. Nothing leaves the browser: there is no network access.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/dibao-go/dibao/examples/caseworker/internal/view"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func main() {
	base, err := heilongjiang.Set()
	if err != nil {
		js.Global().Get("console").Call("error", "dibao: the embedded standards do not load: "+err.Error())
		return
	}
	// The program's state: the Set in use (the embedded data, or the
	// embedded data with the caseworker's settings merged over it) and a
	// Decider that keeps its buffers and plans between decisions. Calls
	// from the page run one at a time.
	set := base
	var dc payment.Decider

	standardsAnswer := func() any {
		return text(map[string]any{"ok": true, "standards": view.StandardsOf(set), "local": set != base})
	}
	api := map[string]any{
		"info": fn(func([]js.Value) any { return text(view.NewInfo(set)) }),
		"labels": fn(func(args []js.Value) any {
			return text(view.Labels(view.Tag(arg(args, 0))))
		}),
		"decide": fn(func(args []js.Value) any {
			r := view.Decide(&dc, set, []byte(arg(args, 0)), view.Tag(arg(args, 1)))
			return string(r.JSON())
		}),
		"check": fn(func(args []js.Value) any { return text(view.Check([]byte(arg(args, 0)))) }),
		"loadSettings": fn(func(args []js.Value) any {
			if len(args) == 0 || args[0].Type() != js.TypeObject {
				return text(map[string]any{"ok": false, "problems": view.ProblemsOf(fmt.Errorf("no settings file given"))})
			}
			data := make([]byte, args[0].Get("length").Int())
			js.CopyBytesToGo(data, args[0])
			merged, problems := view.Merge(base, data)
			if problems != nil {
				return text(map[string]any{"ok": false, "problems": problems})
			}
			set = merged
			return standardsAnswer()
		}),
		"resetSettings": fn(func([]js.Value) any {
			set = base
			return standardsAnswer()
		}),
	}
	js.Global().Set("dibao", js.ValueOf(api))
	if ready := js.Global().Get("dibaoReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // serve the page's calls
}

// fn wraps a Go function for the page: a panic becomes a problem, not a
// dead program.
func fn(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = text(view.Result{Problems: view.ProblemsOf(fmt.Errorf("internal error: %v", r))})
			}
		}()
		return f(args)
	})
}

// arg returns the i-th argument as a string ("" when absent).
func arg(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// text returns v's JSON form as a JavaScript string.
func text(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(view.Result{Problems: view.ProblemsOf(err)})
	}
	return string(b)
}
