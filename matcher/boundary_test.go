package matcher

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/matcher/segment"
)

// none means the pattern must not be reported at all.
const none Boundary = 0

// boundaryTable is the word-boundary test table: each message with one
// pattern and how the match must be classified. It covers the traps (a
// substring that crosses two words), genuine hits, in-word hits, phrase
// patterns that end inside a word, and normalisation.
var boundaryTable = []struct {
	name, msg, pat string
	substring      bool
	want           Boundary
}{
	// Traps: the pattern occurs as a substring across two words.
	{"trap 现货 in 发现/货", "我发现货不对", "现货", false, none},
	{"trap 正品 in 真正/品质", "这个真正品质怎么样", "正品", false, none},
	{"trap 色差 in 特色/差不多", "这两款特色差不多吗", "色差", false, none},
	{"trap 发货 in 批发/货源", "你们是批发货源吗", "发货", false, none},
	{"trap 有货 in 有/货到付款", "有货到付款吗", "有货", false, none},
	{"trap 和服 in 和/服务员", "我和服务员说过了", "和服", false, none},
	{"trap 货运 in 退货/运费", "退货运费谁出", "货运", false, none},
	{"trap 品质 in 正品/质量", "正品质量有保证吗", "品质", false, none},
	{"trap 单号 in 订单/号码", "订单号码是多少", "单号", false, none},
	{"trap 到货 in 收到/货", "我收到货了", "到货", false, none},
	// Genuine hits: the same patterns as words of the message.
	{"whole 发货", "什么时候发货", "发货", false, Whole},
	{"whole 现货", "有现货吗", "现货", false, Whole},
	{"whole 退货", "退货运费谁出", "退货", false, Whole},
	{"whole 运费", "退货运费谁出", "运费", false, Whole},
	{"whole 正品", "这个是正品吗", "正品", false, Whole},
	{"whole 色差", "这个色差大吗", "色差", false, Whole},
	{"whole 和服", "和服有吗", "和服", false, Whole},
	{"whole 发票", "请问有发票吗", "发票", false, Whole},
	{"whole 退款", "退款多久到账", "退款", false, Whole},
	{"whole 包邮", "包邮吗", "包邮", false, Whole},
	{"whole 顺丰", "能发顺丰吗", "顺丰", false, Whole},
	{"whole 尺码", "尺码偏大吗", "尺码", false, Whole},
	{"whole 投诉", "我要投诉", "投诉", false, Whole},
	{"whole 人工", "转人工", "人工", false, Whole},
	{"whole 发货 after 最快", "最快明天发货", "发货", false, Whole},
	{"whole phrase", "什么快递", "什么快递", false, Whole},
	{"whole at end of longer message", "亲什么时候发货呀", "发货", false, Whole},
	// In-word hits: weaker, but reported.
	{"in-word 发票 in 开发票", "可以开发票吗", "发票", false, InWord},
	{"in-word 保修 in 保修期", "还在保修期吗", "保修", false, InWord},
	{"in-word 换货 in 退换货", "支持退换货吗", "换货", false, InWord},
	{"in-word 人工 in 人工合成", "是人工合成的吗", "人工", false, InWord},
	{"in-word 积分 in 微积分", "微积分教材有吗", "积分", false, InWord},
	{"in-word 发货 in 发货单", "发货单在哪", "发货", false, InWord},
	// Phrase patterns whose last word is the start of a longer word.
	{"partial 什么时候发", "什么时候发货", "什么时候发", false, Partial},
	{"partial 多久到", "多久到货", "多久到", false, Partial},
	// Normalisation: the same word written differently.
	{"traditional", "發貨了嗎", "发货", false, Whole},
	{"traditional pattern", "什么时候发货", "發貨", false, Whole},
	{"space inside", "什么时候发 货", "发货", false, Whole},
	{"asterisk inside", "发*货了吗", "发货", false, Whole},
	{"emoji inside", "发🙏货了吗", "发货", false, Whole},
	{"zero width inside", "发\u200b货了吗", "发货", false, Whole},
	{"full width latin", "能发ＳＦ吗", "sf", false, Whole},
	{"break keeps words apart", "我要退。货到了吗", "退货", false, none},
	// Substring opt-out: plain containment, both ways.
	{"substring 发货 in 批发货源", "你们是批发货源吗", "发货", true, Substring},
	{"substring 和服 in 和服务员", "我和服务员说过了", "和服", true, Substring},
	{"substring absent", "什么时候到", "发货", true, none},
}

func TestBoundaryTable(t *testing.T) {
	runBoundaryTable(t, nil)
}

// fullDictionary loads gse's full simplified dictionary from the module
// source, as a reference for the embedded subset.
var fullDictionary = sync.OnceValues(func() (segment.Segmenter, error) {
	// gse's source folder, found from one of its functions.
	file, _ := runtime.FuncForPC(reflect.ValueOf(gse.New).Pointer()).FileLine(0)
	path := filepath.Join(filepath.Dir(file), "data", "dict", "zh", "s_1.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return segment.NewGse(segment.WithDictionary(f))
})

// TestBoundaryTableMatchesFullDictionary checks that the embedded compact
// dictionary decides every case of the table as gse's full dictionary does.
func TestBoundaryTableMatchesFullDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("loading gse's full dictionary takes about a second")
	}
	full, err := fullDictionary()
	if err != nil {
		t.Skipf("gse's full dictionary is not available: %v", err)
	}
	runBoundaryTable(t, full)
}

func runBoundaryTable(t *testing.T, seg segment.Segmenter) {
	for _, tt := range boundaryTable {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if seg != nil {
				opts = append(opts, WithSegmenter(seg))
			}
			m, err := New([]Pattern{{Text: tt.pat, ID: 7, Substring: tt.substring}}, opts...)
			require.NoError(t, err, "New(%q)", tt.pat)
			got := m.FindAll(tt.msg)
			if tt.want == none {
				assert.Empty(t, got, "FindAll(%q) with pattern %q", tt.msg, tt.pat)
				return
			}
			require.Len(t, got, 1, "FindAll(%q) with pattern %q", tt.msg, tt.pat)
			assert.Equal(t, tt.want, got[0].Boundary, "boundary of %q in %q", tt.pat, tt.msg)
			assert.Equal(t, 7, got[0].ID, "ID of %q in %q", tt.pat, tt.msg)
		})
	}
}
