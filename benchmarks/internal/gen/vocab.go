package main

// The hand-written vocabulary and templates of the corpora. Everything here
// was written for kefu's benchmarks; nothing is copied from third-party text.

// products are the goods customers ask about.
var products = []string{
	"连衣裙", "羽绒服", "卫衣", "牛仔裤", "衬衫", "运动鞋", "帆布鞋", "双肩包",
	"保温杯", "蓝牙耳机", "充电宝", "数据线", "洗面奶", "面霜", "口红", "防晒霜",
	"电饭煲", "空气炸锅", "台灯", "枕头", "四件套", "收纳盒", "拖鞋", "围巾",
	"手机壳", "键盘", "鼠标", "茶叶", "坚果礼包", "猫粮", "积木", "儿童水杯",
}

// greetings open a message; the empty string means none. None of them is a
// keyword of the starter library, so that messages without a hit stay so.
var openers = []string{"", "", "", "请问", "请问一下，", "问一下，", "想问下", "麻烦问下，"}

// contexts come before the question, in some messages. Like the openers,
// none holds a starter keyword.
var contexts = []string{
	"刚看到直播，", "朋友推荐来的，", "加了购物车，", "第一次在这家买，",
	"家里人想要，", "准备买两件，", "看了好久了，", "对比了几家，",
}

// closers end a message; particles are used only after a statement,
// punctuation after anything.
var (
	particles   = []string{"呀", "呢", "啊"}
	punctuation = []string{"", "", "？", "?", "~", "。", "？？", "！"}
)

// hitTemplates are questions that use a keyword of the starter library in a
// natural way. {p} is a product.
var hitTemplates = []string{
	"这个{p}什么时候发货",
	"{p}今天下单明天能发货吗",
	"拍了{p}，几天能到上海",
	"我买的{p}物流一直不更新",
	"{p}包邮吗，偏远地区呢",
	"这款{p}有现货吗",
	"{p}还有货吗，想买两个",
	"{p}是正品吗，有没有授权",
	"{p}的质量怎么样，耐用吗",
	"{p}可以开发票吗，要电子发票",
	"收到的{p}破损了怎么办",
	"{p}不合适能退吗",
	"退货运费谁出，{p}太大了",
	"{p}能换个颜色吗",
	"我的{p}少发了一件",
	"{p}发错货了，不是我买的",
	"{p}拍错了，怎么取消订单",
	"{p}有赠品吗，送什么",
	"{p}有优惠券吗，领券在哪",
	"{p}双十一有活动吗",
	"{p}能便宜点吗，买两个",
	"{p}怎么洗，能机洗吗",
	"{p}怎么安装，有说明书吗",
	"{p}送人用，有礼盒包装吗",
	"{p}保修多久，坏了能修吗",
	"退款什么时候到账，{p}已经寄回",
	"退货地址是哪里，{p}要寄回",
	"地址写错了，{p}还没发吧",
	"{p}买贵了，降价了能补差价吗",
	"{p}什么面料，是纯棉的吗",
	"{p}实物颜色和图片一样吗",
	"{p}尺码偏大还是偏小",
	"{p}能发顺丰吗，加钱也行",
	"{p}可以货到付款吗",
	"{p}是预售吗，定金多少",
	"转人工，{p}的问题说不清",
	"我要投诉，{p}一直没到",
	"客服几点上班，{p}想咨询",
	"{p}怎么确认收货，要写评价吗",
	"{p}会员价是多少，有积分吗",
}

// missTemplates are questions that no starter rule covers and that contain
// no keyword of any generated rule set (the generator checks every message
// it keeps).
var missTemplates = []string{
	"这个{p}适合送给长辈吗",
	"{p}是什么风格的",
	"{p}冬天用会不会太冷",
	"小孩子能用这个{p}吗",
	"{p}有没有更大一点的款",
	"{p}和上一代比有什么区别",
	"这个{p}是哪里生产的",
	"{p}放在卧室合适吗",
	"{p}的味道重不重",
	"{p}可以带上飞机吗",
	"男生用这个{p}会不会奇怪",
	"{p}拿在手里沉不沉",
	"{p}的重量大概多少",
	"这款{p}卖得好吗",
	"{p}是今年的新款吗",
	"{p}适合油皮还是干皮",
	"{p}颜值高吗，拍照好看吗",
	"同事推荐的{p}，值得买吗",
	"{p}的颜值在同价位里算高吗",
	"{p}夏天用热不热",
	"这个{p}声音大不大",
	"{p}和别家的比哪个好",
	"{p}一般能用几年",
	"老人家用{p}方便吗",
	"{p}适合学生党吗",
	"{p}的盖子好拧开吗",
	"{p}是单个的还是一对",
	"{p}出门带着方便吗",
	"{p}和我的手机配不配",
	"刚看到这个{p}，喜欢它的造型",
}

// Sentence templates of the 1 MB text: product reviews and shop chat.
// {p} is a product, {n} a noun, {v} a verb, {a} an adjective, {k} a
// keyword of the starter library, {d} a number of days, {t} a time word.
var textTemplates = []string{
	"收到了，{p}的{n}很{a}，{t}{v}了一下，感觉还可以。",
	"{p}用了{d}天，{n}没有问题，就是{n}有点{a}。",
	"客服说{k}的事情要看页面说明，我{t}又问了一次。",
	"这次买的{p}比上次的{a}，{n}也更{a}。",
	"{t}下单，{d}天后收到，{p}包得很仔细。",
	"朋友推荐的{p}，{v}起来很方便，{n}也不错。",
	"问了{k}，客服回复很快，态度也{a}。",
	"我想{v}一下{p}的{n}，不知道是不是{a}的。",
	"{p}的{n}和描述一致，{t}{v}的时候没发现{n}。",
	"第{d}次回购{p}了，家里人都说{a}。",
	"关于{k}，店里的说法是以平台规则为准。",
	"{t}打开包裹，{p}的{n}有点{a}，不过能接受。",
	"{p}适合{v}，{n}设计得挺{a}。",
	"给{n}买的{p}，{t}用了，反馈说{a}。",
	"页面上写着{k}，我按步骤{v}了，很顺利。",
	"这家店的{p}一直很{a}，{n}做得也{a}。",
}

// timeWords fill {t}.
var timeWords = []string{"昨天", "今天", "前天", "上周", "周末", "晚上", "早上", "中午", "刚才", "后来"}
