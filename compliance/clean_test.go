package compliance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/compliance"
)

// cleanCase is one reply: what Clean must make of it, what Check must find
// (the list entry for words, the category for personal data), whether it
// is blocked, and, when set, what Mask must make of it.
type cleanCase struct {
	name    string
	in      string
	want    string
	found   []string
	blocked bool
	masked  string
}

// kept is a case whose text must come back untouched with no findings.
func kept(name, in string) cleanCase { return cleanCase{name: name, in: in, want: in} }

var rewriteCases = []cleanCase{
	{name: "superlative 最好", in: "这款是最好的", want: "这款是很好的", found: []string{"最好"}},
	{name: "superlative 最便宜", in: "这是全店最便宜的一款", want: "这是全店实惠的一款", found: []string{"最便宜"}},
	{name: "superlative 最佳", in: "夏天穿效果最佳", want: "夏天穿效果理想", found: []string{"最佳"}},
	{name: "superlative longest wins", in: "这个口味最好吃", want: "这个口味好吃", found: []string{"最好吃"}},
	{name: "superlative 最低价", in: "现在下单就是最低价。", want: "现在下单就是优惠价。", found: []string{"最低价"}},
	{name: "superlative 最好不过 is a claim", in: "这款用来送人最好不过了", want: "这款用来送人很好了", found: []string{"最好不过"}},
	{name: "superlative 最快 without a date", in: "我们家物流最快", want: "我们家物流很快", found: []string{"最快"}},
	{name: "superlative two in one reply", in: "最受欢迎的颜色，也是最畅销的", want: "很受欢迎的颜色，也是畅销的", found: []string{"最受欢迎", "最畅销"}},
	{name: "rank 销量第一", in: "这款销量第一", want: "这款销量很好", found: []string{"销量第一"}},
	{name: "rank 全网第一", in: "我们的口碑全网第一！", want: "我们的口碑很受欢迎！", found: []string{"全网第一"}},
	{name: "rank NO.1", in: "本店NO.1爆款", want: "本店热门爆款", found: []string{"NO.1"}},
	{name: "rank TOP1", in: "TOP1 单品", want: "热门 单品", found: []string{"TOP1"}},
	{name: "rank 唯一", in: "这是市面上唯一一款", want: "这是市面上独特一款", found: []string{"唯一"}},
	{name: "rank 独一无二", in: "独一无二的设计", want: "独特的设计", found: []string{"独一无二"}},
	{name: "rank 第一品牌", in: "国内第一品牌", want: "国内知名品牌", found: []string{"第一品牌"}},
	{name: "grade 国家级", in: "国家级工艺制作", want: "专业级工艺制作", found: []string{"国家级"}},
	{name: "grade 顶级", in: "顶级面料，穿着舒服", want: "高端面料，穿着舒服", found: []string{"顶级"}},
	{name: "grade 极致", in: "给您极致的体验", want: "给您出色的体验", found: []string{"极致"}},
	{name: "grade 至尊", in: "至尊版已经到货", want: "尊享版已经到货", found: []string{"至尊"}},
	{name: "exclusive 独家", in: "独家配方，放心吃", want: "自家配方，放心吃", found: []string{"独家"}},
	{name: "exclusive 首发", in: "新款全网首发", want: "新款新品上市", found: []string{"全网首发"}},
	{name: "exclusive 首选", in: "送礼首选", want: "送礼优选", found: []string{"首选"}},
	{name: "status 王牌", in: "这是我们的王牌产品", want: "这是我们的主打产品", found: []string{"王牌"}},
	{name: "status 领导品牌", in: "行业领导品牌", want: "行业知名品牌", found: []string{"领导品牌"}},
	{name: "status 遥遥领先", in: "技术遥遥领先", want: "技术出色", found: []string{"遥遥领先"}},
	{name: "absolute 永久", in: "支持永久保修", want: "支持长期保修", found: []string{"永久"}},
	{name: "absolute 零风险", in: "零风险购物", want: "放心购物", found: []string{"零风险"}},
	{name: "absolute 史无前例", in: "史无前例的优惠力度", want: "少见的优惠力度", found: []string{"史无前例"}},
	{name: "absolute 万能", in: "万能收纳盒", want: "多功能收纳盒", found: []string{"万能"}},
}

var dropCases = []cleanCase{
	{name: "absolute 绝对 dropped", in: "绝对正品，放心购买", want: "正品，放心购买", found: []string{"绝对"}},
	{name: "absolute 100% dropped", in: "保证100%正品", want: "保证正品", found: []string{"100%"}},
	{name: "urgency at end after comma", in: "这款很好，手慢无", want: "这款很好", found: []string{"手慢无"}},
	{name: "urgency stronger mark stays", in: "这款很好，手慢无！", want: "这款很好！", found: []string{"手慢无"}},
	{name: "urgency dangling particle", in: "亲，库存不多了，马上涨价了，快下单吧", want: "亲，库存不多了，快下单吧", found: []string{"马上涨价"}},
	{name: "urgency particle before mark", in: "这款很好，手慢无哦！", want: "这款很好！", found: []string{"手慢无"}},
	{name: "urgency at start", in: "仅此一次！欢迎选购", want: "欢迎选购", found: []string{"仅此一次"}},
	{name: "urgency whole reply", in: "手慢无！", want: "", found: []string{"手慢无"}},
	{name: "urgency inside clause", in: "先到先得，数量有限", want: "数量有限", found: []string{"先到先得"}},
	{name: "urgency line removed", in: "欢迎下单\n手慢无！\n谢谢", want: "欢迎下单\n谢谢", found: []string{"手慢无"}},
	{name: "urgency spaces not doubled", in: "好价 马上涨价 快来", want: "好价 快来", found: []string{"马上涨价"}},
	{name: "urgency no space before mark", in: "质量很好 手慢无！", want: "质量很好！", found: []string{"手慢无"}},
	{name: "urgency two drops in a row", in: "手慢无，仅此一次！欢迎下单", want: "欢迎下单", found: []string{"手慢无", "仅此一次"}},
	{name: "drop and rewrite together", in: "绝对是最好的，手慢无~", want: "是很好的", found: []string{"绝对", "最好", "手慢无"}},
	{name: "urgency longest wins", in: "手快有手慢无哦", want: "", found: []string{"手快有手慢无"}},
	{name: "drop joins a new word", in: "最手慢无好", want: "很好", found: []string{"手慢无"}},
}

var blockCases = []cleanCase{
	{name: "authority 国家机关推荐", in: "本品由国家机关推荐", want: "本品由国家机关推荐", found: []string{"国家机关推荐"}, blocked: true},
	{name: "authority 质量免检", in: "质量免检产品", want: "质量免检产品", found: []string{"免检"}, blocked: true},
	{name: "authority 驰名商标", in: "驰名商标，值得信赖", want: "驰名商标，值得信赖", found: []string{"驰名商标"}, blocked: true},
	{name: "medical 根治", in: "坚持使用可以根治脚气", want: "坚持使用可以根治脚气", found: []string{"根治"}, blocked: true},
	{name: "medical 药到病除", in: "药到病除，效果好", want: "药到病除，效果好", found: []string{"药到病除"}, blocked: true},
	{name: "medical 包治百病", in: "包治百病", want: "包治百病", found: []string{"包治百病"}, blocked: true},
	{name: "solicit verification code", in: "麻烦把收到的验证码发给我", want: "麻烦把收到的验证码发给我", found: []string{"验证码"}, blocked: true},
	{name: "solicit CVV", in: "请提供卡背面的CVV", want: "请提供卡背面的CVV", found: []string{"卡背面", "CVV"}, blocked: true},
	{name: "solicit password", in: "告诉我您的支付密码", want: "告诉我您的支付密码", found: []string{"密码"}, blocked: true},
	{name: "solicit ID photo", in: "请拍一下身份证正反面", want: "请拍一下身份证正反面", found: []string{"身份证"}, blocked: true},
	{name: "offplatform 加微信", in: "加微信聊", want: "加微信聊", found: []string{"加微信"}, blocked: true},
	{name: "offplatform vx", in: "有问题找我vx", want: "有问题找我vx", found: []string{"vx"}, blocked: true},
	{name: "offplatform QQ", in: "我的QQ是多少你知道", want: "我的QQ是多少你知道", found: []string{"QQ"}, blocked: true},
	{name: "block keeps its text while rewrites apply", in: "最好的祖传秘方", want: "很好的祖传秘方", found: []string{"最好", "秘方"}, blocked: true},
}

var benignCases = []cleanCase{
	kept("最近", "最近订单比较多"),
	kept("最初", "最初的设计是这样的"),
	kept("最终", "最终以实物为准"),
	kept("最早", "最早明天到"),
	kept("最晚", "最晚周五发出"),
	kept("最迟", "最迟三天内发货"),
	kept("最多", "最多可以买五件"),
	kept("最少", "最少买两件包邮"),
	kept("最起码", "最起码要等三天"),
	kept("最好不 (advice)", "这款最好不要机洗"),
	kept("最好别 (advice)", "亲最好别用热水泡"),
	kept("最后一步", "最后一步点确认收货就好"),
	kept("最快明天发货", "最快明天发货"),
	kept("第一次", "您是第一次购买吗"),
	kept("第一步", "第一步先申请退款"),
	kept("第一天", "第一天穿有点硬是正常的"),
	kept("第一时间", "我们会第一时间为您处理"),
	kept("首页", "店铺首页有优惠券"),
	kept("首单", "首单立减五元"),
	kept("首次", "首次购买送小样"),
	kept("首付", "支持分期，首付很低"),
	kept("国家标准", "符合国家标准"),
	kept("国标", "执行国标GB 18401"),
	kept("唯一的缺点", "唯一的缺点是有点重"),
	kept("100%棉", "面料是100%棉的"),
	kept("100%棉 full width", "面料是１００％棉"),
	kept("ordinal 第一个", "第一个链接是大码"),
	kept("safety warning", "请勿泄露验证码给任何人"),
	kept("product name 密码锁", "这款密码锁很好用"),
	kept("no 1 in a model number", "laptop1 的配件"),
	kept("TOP10 is not TOP1", "TOP10 榜单"),
	kept("empty", ""),
	kept("plain reply", "亲，您好，请问有什么可以帮您？"),
	kept("order number is not a card", "您的订单号 2024123456789012345 已发货"),
}

var variantCases = []cleanCase{
	{name: "full width 最佳", in: "效果最佳", want: "效果理想", found: []string{"最佳"}},
	{name: "full width 第１", in: "销量第１", want: "销量领先", found: []string{"第1"}},
	{name: "full width ＮＯ．１", in: "人气ＮＯ．１", want: "人气热门", found: []string{"NO.1"}},
	{name: "lower case no.1", in: "人气no.1", want: "人气热门", found: []string{"NO.1"}},
	{name: "traditional 國家級", in: "國家級品質", want: "专业级品質", found: []string{"国家级"}},
	{name: "spaced 最 好", in: "这款最 好", want: "这款很好", found: []string{"最好"}},
	{name: "starred 手*慢*无", in: "好价，手*慢*无！", want: "好价！", found: []string{"手慢无"}},
	{name: "emoji inside 最🔥便宜", in: "全店最🔥便宜", want: "全店实惠", found: []string{"最便宜"}},
	{name: "traditional 藥到病除", in: "藥到病除", want: "藥到病除", found: []string{"药到病除"}, blocked: true},
	{name: "variant 薇信", in: "加我薇信", want: "加我薇信", found: []string{"薇信"}, blocked: true},
	{name: "upper case VX", in: "加VX", want: "加VX", found: []string{"vx"}, blocked: true},
}

var piiCases = []cleanCase{
	{name: "mobile", in: "打13812345678", want: "打13812345678", found: []string{"mobile"}, blocked: true, masked: "打138****5678"},
	{name: "mobile spaced", in: "电话 138 1234 5678 谢谢", want: "电话 138 1234 5678 谢谢", found: []string{"mobile"}, blocked: true, masked: "电话 138****5678 谢谢"},
	{name: "mobile hyphens", in: "138-1234-5678", want: "138-1234-5678", found: []string{"mobile"}, blocked: true, masked: "138****5678"},
	{name: "mobile +86", in: "call +86 13812345678", want: "call +86 13812345678", found: []string{"mobile"}, blocked: true, masked: "call +86 138****5678"},
	{name: "mobile full width", in: "１３８１２３４５６７８", want: "１３８１２３４５６７８", found: []string{"mobile"}, blocked: true, masked: "138****5678"},
	{name: "12 digits is no mobile", in: "编码138123456789", want: "编码138123456789", masked: "编码138123456789"},
	{name: "ID number valid", in: "身份证11010519491231002X", want: "身份证11010519491231002X", found: []string{"身份证", "id_number"}, blocked: true, masked: "身份证1101**********002X"},
	{name: "ID number lower x", in: "号码 11010519491231002x", want: "号码 11010519491231002x", found: []string{"id_number"}, blocked: true, masked: "号码 1101**********002X"},
	{name: "ID number bad check digit is no ID", in: "号码 340524198001010013", want: "号码 340524198001010013", found: []string{"bank_card"}, masked: "号码 ****0013"},
	{name: "bank card Luhn", in: "打到6222021234567890128", want: "打到6222021234567890128", found: []string{"bank_card"}, blocked: true, masked: "打到****0128"},
	{name: "bank card grouped", in: "6222 0212 3456 7890 128", want: "6222 0212 3456 7890 128", found: []string{"bank_card"}, blocked: true, masked: "****0128"},
	{name: "bank card failing Luhn is flagged", in: "6222021234567890123", want: "6222021234567890123", found: []string{"bank_card"}, masked: "****0123"},
	{name: "email", in: "发到 zhang.san@example.com 吧", want: "发到 zhang.san@example.com 吧", found: []string{"email"}, blocked: true, masked: "发到 z****@example.com 吧"},
	{name: "QQ email", in: "12345678@qq.com", want: "12345678@qq.com", found: []string{"email", "QQ"}, blocked: true, masked: "1****@qq.com"},
	{name: "password removed by Mask", in: "密码是abc123，请查收", want: "密码是abc123，请查收", found: []string{"密码"}, blocked: true, masked: "密码是，请查收"},
	{name: "verification code removed by Mask", in: "验证码：482913", want: "验证码：482913", found: []string{"验证码"}, blocked: true, masked: "验证码："},
}

func runCleanCases(t *testing.T, f *compliance.Filter, cases []cleanCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := f.Clean(tc.in)
			assert.Equal(t, tc.want, got.Text, "Clean(%q).Text", tc.in)
			assert.Equal(t, tc.blocked, got.Blocked, "Clean(%q).Blocked", tc.in)
			var found []string
			for _, x := range got.Findings {
				require.True(t, 0 <= x.Start && x.Start < x.End && x.End <= len(tc.in), "Clean(%q): finding %+v out of range", tc.in, x)
				if x.Word != "" {
					found = append(found, x.Word)
				} else {
					found = append(found, string(x.Category))
				}
			}
			assert.Equal(t, tc.found, found, "Clean(%q).Findings", tc.in)
			assert.Equal(t, got.Findings, f.Check(tc.in), "Check(%q) and Clean(%q).Findings", tc.in, tc.in)
			if tc.masked != "" {
				assert.Equal(t, tc.masked, compliance.Mask(tc.in), "Mask(%q)", tc.in)
			}
		})
	}
}

func TestClean(t *testing.T) {
	f, err := compliance.New()
	require.NoError(t, err, "New()")
	groups := []struct {
		name  string
		cases []cleanCase
	}{
		{"rewrite", rewriteCases},
		{"drop", dropCases},
		{"block", blockCases},
		{"benign", benignCases},
		{"variants", variantCases},
		{"personal data", piiCases},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) { runCleanCases(t, f, g.cases) })
	}
}
