package pinyin

import "strings"

// alsoRead holds, for characters whose other readings are common in
// everyday words, those readings, as "character:reading reading" entries
// separated by a space. The table lists every reading, rare and literary
// ones too (积 zhi, 坏 pi), and only its first reading of a character is
// the most common, so Variants uses a character's first reading and
// these. Written for kefu from ordinary usage: 长 chang in 长度, 便 pian in
// 便宜, 着 zhao in 着急, 色 shai in 掉色, 么 ma in 怎么 as typed in a
// hurry. 大 dai (大夫) is left out on purpose: dai码 is 代码, not 大码.
const alsoRead = "长:chang 重:chong 差:chai 乐:yue 和:huo 觉:jiao 卡:qia 便:pian 调:tiao " +
	"得:dei 了:liao 的:di 都:du 还:huan 行:hang 地:de 着:zhao,zhuo 色:shai 会:kuai 藏:zang " +
	"弹:tan 称:chen 角:jue 率:shuai 系:ji 校:jiao 折:she 扎:za 朝:zhao 度:duo 薄:bo 露:lou " +
	"落:la,lao 血:xie 模:mu 奇:ji 强:jiang 似:si 提:di 吓:he 粘:nian 曾:zeng 降:xiang 传:zhuan " +
	"给:ji 没:mo 省:xing 参:shen 盛:cheng 属:zhu 宿:xiu 削:xiao 咽:ye 钥:yue 仔:zi 么:ma " +
	"哪:nei 那:nei 这:zhei 谁:shei 熟:shou 剥:bao 壳:qiao 绿:lu 数:shuo"

// otherReadings returns r's readings in alsoRead, joined by commas, or "".
func otherReadings(r rune) string {
	key := string(r) + ":"
	for e := range strings.SplitSeq(alsoRead, " ") {
		if rest, ok := strings.CutPrefix(e, key); ok {
			return rest
		}
	}
	return ""
}
