// The words the supervision box's pinyin keyboard offers, in the order it offers them: the
// utility hall's own words first, then single characters, the hall's own before the most
// common characters of written Chinese. Pinyin is not written here: it is computed from the
// characters (pinyin-pro) when the keyboard opens.

/** Words a customer writes about an electricity service hall. */
export const HALL_WORDS = `
电费 电费疑问 电价 阶梯电价 峰谷电价 电表 电能表 电量 用电 停电 停电报修 报修 抢修 故障
跳闸 电压 电压不稳 计量 抄表 账单 发票 电子发票 缴费 缴纳 交费 预存 欠费 催费 退费 违约金
户号 户名 过户 更名 销户 新装 增容 报装 业扩 临时用电 充电桩 光伏 并网 分布式 合同
窗口 大厅 营业厅 引导台 取号 排队 等候 等候时间 时间太长 太长 太慢 叫号 过号 预约 签到
服务 服务态度 态度 工作人员 营业员 师傅 热情 耐心 专业 认真 负责 及时 快捷 高效 效率
表扬 感谢 谢谢 非常 满意 不满意 投诉 建议 意见 纠错 希望 改进 解决 处理 回复 回访 联系
电话 手机 短信 通知 地址 小区 单元 楼 号 室 身份证 营业执照 房产证 材料 证件 资料 手续
流程 复杂 简单 方便 不方便 环境 卫生 座位 空调 饮水 厕所 停车 停车场 指示 标识 自助
设备 机器 打印 打印机 号票 屏幕 声音 广播 老人 老年人 残疾人 孕妇 绿色通道 爱心
问题 一直 没有 没人 不能 无法 不会 不知道 为什么 怎么 什么 多久 今天 昨天 上午 下午 晚上
小时 分钟 一个 两个 很多 太多 几次 好几次 每次 已经 还是 可以 需要 请问 麻烦 尽快
`;

/** Characters the hall's words use, offered before the general ones. */
const HALL_CHARACTERS =
  '电费表停修报缴纳发票户号窗口排队等候时间长慢服务态度工作人员满意投诉建议扬感谢价账欠退' +
  '装容过名销计量压闸抄预约签到叫光伏桩合同业扩临';

/** The most common characters of written Chinese, most common first. */
const COMMON_CHARACTERS =
  '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后' +
  '能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分' +
  '此心前面又定见只主没公从知使样已两但现些向想开问体意很最新外正回本因给被情关明点理重全' +
  '实物力高结部次性由间机把相感社及制产各应品果少手比水平做并直场通什内己权利路接西提高期' +
  '相信特别位东先思近处北南口老太放几认真受快打每件系交原电话等文请话边走收位表次只活给' +
  '它百千万元月星期早晚今明昨刚才再已经还没像让告诉帮助希望需要办理清楚简单方便复杂问题' +
  '答应该必须能够可能完成解决处理联系通知回复改进加强提供保证管理安全满足工作态度热情耐心' +
  '非常特别比较真的确实一定马上立刻终于一直总是从来偶尔然后最后首先其次另外而且但是因为所以' +
  '如果虽然即使只要只有除了对于关于根据通过为了由于按照';

const unique = (chars: string) => [...new Set([...chars])];

/** Every entry of the keyboard's dictionary, words before characters, no repeats. */
export function imeEntries(): string[] {
  const words = [...new Set(HALL_WORDS.split(/\s+/).filter(Boolean))];
  const characters = unique(HALL_CHARACTERS + COMMON_CHARACTERS).filter((c) => !words.includes(c));
  return [...words, ...characters];
}
