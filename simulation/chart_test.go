package simulation_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/simulation"
)

// svgBars parses an SVG strictly and returns its bars' data-value
// attributes by group and series.
func svgBars(t *testing.T, svg []byte) (title string, bars map[[2]string]string) {
	t.Helper()
	bars = map[[2]string]string{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	depth, rootSeen := 0, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch e := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				require.Equal(t, "svg", e.Name.Local)
				require.Equal(t, "http://www.w3.org/2000/svg", e.Name.Space)
				rootSeen = true
			}
			depth++
			attr := map[string]string{}
			for _, a := range e.Attr {
				attr[a.Name.Local] = a.Value
			}
			if e.Name.Local == "rect" && attr["class"] == "bar" {
				bars[[2]string{attr["data-group"], attr["data-series"]}] = attr["data-value"]
				assert.NotEmpty(t, attr["height"])
			}
			if e.Name.Local == "svg" {
				title = attr["aria-label"]
			}
		case xml.EndElement:
			depth--
		}
	}
	require.True(t, rootSeen)
	require.Equal(t, 0, depth)
	return title, bars
}

func TestChartsOfTheHandPopulation(t *testing.T) {
	rep := handRun(t, true, simulation.Options{})
	charts := rep.Charts(language.English)
	require.Len(t, charts, 3)
	byName := map[string]simulation.Chart{}
	for _, c := range charts {
		byName[c.Name] = c
	}
	// Cost by region: one region, two scenarios; the figures of the
	// weighted hand test.
	title, bars := svgBars(t, byName["cost"].SVG)
	assert.Contains(t, title, "Monthly cost")
	assert.Equal(t, map[[2]string]string{{"道里区", "baseline"}: "7245.14", {"道里区", "standard +10 %"}: "11051.64"}, bars)
	// Caseload: five statuses × two scenarios.
	_, bars = svgBars(t, byName["caseload"].SVG)
	assert.Len(t, bars, 10)
	assert.Equal(t, "25", bars[[2]string{"dibao", "baseline"}]) // 24.95 households, shown whole
	// Deciles: ten bars for the one reform, negative ones included.
	_, bars = svgBars(t, byName["deciles"].SVG)
	assert.Len(t, bars, 10)
	zh := rep.Charts(language.Chinese)
	title, bars = svgBars(t, zh[2].SVG)
	assert.Contains(t, title, "户数")
	assert.Equal(t, "25", bars[[2]string{"低保", "baseline"}])
}

func TestHTMLReport(t *testing.T) {
	rep := handRun(t, true, simulation.Options{})
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b, language.English))
	page := b.String()
	assert.NotContains(t, page, "<script")
	assert.Equal(t, 3, strings.Count(page, "<svg "))
	assert.Contains(t, page, "11051.64")
	assert.Contains(t, page, "151.08")
	b.Reset()
	require.NoError(t, rep.WriteHTML(&b, language.Chinese))
	assert.Contains(t, b.String(), `lang="zh-Hans"`)
	assert.Contains(t, b.String(), "<td>低保</td>")
}

// browser returns a headless browser's path, or skips the test.
func browser(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium installed")
	return ""
}

// The HTML report as a browser shows it: the charts are in the rendered
// page, and a screenshot is kept in the test's output folder.
func TestHTMLReportInChromium(t *testing.T) {
	chrome := browser(t)
	rep := handRun(t, true, simulation.Options{})
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b, language.English))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b.Bytes())
	}))
	defer srv.Close()
	dir := t.TempDir()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}
	run := func(extra ...string) []byte {
		var out []byte
		var err error
		var stderr bytes.Buffer
		for range 2 { // a second try, should the browser fail to start
			stderr.Reset()
			cmd := exec.Command(chrome, append(append(args, extra...), srv.URL)...)
			cmd.Stderr = &stderr
			timer := time.AfterFunc(90*time.Second, func() { cmd.Process.Kill() })
			out, err = cmd.Output()
			timer.Stop()
			if err == nil {
				return out
			}
		}
		require.NoError(t, err, "%s", stderr.String())
		return out
	}
	dom := string(run("--dump-dom", "--virtual-time-budget=2000"))
	assert.Equal(t, 3, strings.Count(dom, "<svg "), "the charts are rendered in the page")
	assert.Contains(t, dom, "11051.64")
	shot := filepath.Join(dir, "report.png")
	run("--screenshot="+shot, "--window-size=1200,1600")
	st, err := os.Stat(shot)
	require.NoError(t, err)
	assert.Greater(t, st.Size(), int64(10_000))
	t.Logf("screenshot: %s (%d bytes)", shot, st.Size())
}
