package standards_test
import ("testing"; "fmt"; "github.com/dibao-go/dibao/standards"; "github.com/dibao-go/dibao/standards/heilongjiang")
func TestTmp(t *testing.T){
 s, err := heilongjiang.Set()
 if err != nil { t.Fatal(err) }
 v, err := standards.Lookup(s, standards.ParamDibaoStandard, standards.Query{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Date: standards.MustParseDate("2023-06-01")})
 fmt.Println(v.V, v.Source.Document, v.ValidThrough, err, s.Identity())
 v2, err := standards.Lookup(s, standards.ParamDibaoStandard, standards.Query{Region: standards.MustRegion("230202"), Area: standards.AreaUrban, Date: standards.MustParseDate("2023-06-01")})
 fmt.Println(v2.V, err)
 b, _ := s.Save(standards.SaveOptions{OmitDivisions: true})
 fmt.Println(len(b))
}
