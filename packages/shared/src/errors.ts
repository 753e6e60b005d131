import { DEFAULT_LANG, type Lang } from './contract/language';

// Every refusal the hall server can give, with the words a person reads in each language.
// The hall writes its refusals in English (logs, audit); the transport hands each caller the
// message in its own language (`inLanguage`), and renderers may translate by code.

export const errorMessages = {
  invalid_payload: { en: 'The request is malformed.', zh: '请求格式不正确。' },
  payload_too_large: { en: 'The request is too large.', zh: '请求内容过大。' },
  unknown_command: { en: 'Unknown command.', zh: '未知的操作。' },
  command_id_conflict: {
    en: 'This device already used this command id for a different command or payload.',
    zh: '本设备已将该操作编号用于其他操作或内容。',
  },
  not_paired: { en: 'This device is not paired with the hall.', zh: '本设备尚未与大厅配对。' },
  device_revoked: { en: 'This device has been revoked.', zh: '本设备已被停用。' },
  pairing_code_invalid: {
    en: 'The pairing code is wrong or has expired.',
    zh: '配对码错误或已过期。',
  },
  not_signed_in: { en: 'Please sign in first.', zh: '请先登录。' },
  forbidden: { en: 'You are not allowed to do this.', zh: '您无权执行此操作。' },
  wrong_device: { en: 'This cannot be done on this device.', zh: '此设备不能执行该操作。' },
  bad_credentials: { en: 'Wrong staff number or PIN.', zh: '工号或密码错误。' },
  sign_in_throttled: {
    en: 'Too many failed sign-ins. Please wait and try again.',
    zh: '登录失败次数过多,请稍后再试。',
  },
  pairing_throttled: {
    en: 'Too many pairing attempts. Please wait a few minutes and try again.',
    zh: '配对尝试次数过多,请几分钟后再试。',
  },
  pin_too_weak: {
    en: 'This PIN is too easy to guess.',
    zh: '该密码太容易被猜到。',
  },
  desk_in_use: {
    en: 'Another staff member is signed in on this desk; they must sign out first.',
    zh: '本终端已有其他员工登录,请其先退出。',
  },
  staff_inactive: { en: 'This staff account is deactivated.', zh: '该员工账号已停用。' },
  not_found: { en: 'Not found.', zh: '未找到。' },
  service_unavailable: {
    en: 'This service is not offered right now.',
    zh: '该业务暂不办理。',
  },
  hall_closed: {
    en: 'The hall is closed now; the kiosk issues tickets during business hours.',
    zh: '现在不在营业时间内,取号机暂停取号。',
  },
  daily_cap_reached: {
    en: "Today's tickets for this service are used up.",
    zh: '该业务今日号源已取完。',
  },
  invalid_transition: {
    en: 'The ticket is not in a state that allows this.',
    zh: '当前号码状态不允许此操作。',
  },
  queue_empty: { en: 'Nobody is waiting for your services.', zh: '当前没有等候的客户。' },
  clerk_busy: {
    en: 'Finish, park or return your current ticket first.',
    zh: '请先办结、暂挂或退回当前号码。',
  },
  not_at_counter: { en: 'Sign in at a counter first.', zh: '请先登录窗口。' },
  counter_taken: {
    en: 'Another clerk is signed in at this counter.',
    zh: '该窗口已有其他工作人员登录。',
  },
  counter_not_open: { en: 'The counter is not open.', zh: '窗口未开放。' },
  counter_has_ticket: {
    en: 'The counter still has a ticket called or in service.',
    zh: '窗口仍有正在呼叫或办理的号码。',
  },
  not_your_ticket: {
    en: 'This ticket is with another counter.',
    zh: '该号码正由其他窗口处理。',
  },
  targeted_elsewhere: {
    en: 'This ticket is assigned to another counter.',
    zh: '该号码已指定给其他窗口。',
  },
  no_show_too_early: {
    en: 'Recall the customer first, or wait a little longer.',
    zh: '请先重呼或稍候再标记过号。',
  },
  reason_required: { en: 'A reason is required.', zh: '请填写原因。' },
  open_items: {
    en: 'You still hold tickets; finish or hand them over first.',
    zh: '您还有未处理的号码,请先办结或交接。',
  },
  handover_required: {
    en: 'You still hold open items; hand them over to a colleague or the duty leader, and have them acknowledge, before signing off.',
    zh: '您还有未办结的事项,请移交给同事或值班领导并经对方确认后再退出。',
  },
  not_yours: {
    en: 'This belongs to another staff member.',
    zh: '该事项由其他工作人员负责。',
  },
  receiver_unfit: {
    en: 'The colleague you chose cannot take some of these items in their role.',
    zh: '所选同事的岗位不能接收其中部分事项。',
  },
  evaluation_closed: {
    en: 'This service has been rated already, or the time to rate it has passed.',
    zh: '该次服务已评价或已超过评价时间。',
  },
  case_steps_pending: {
    en: 'Finish every step before closing the case as completed.',
    zh: '请先完成全部环节再办结该工单。',
  },
  retraining_required: {
    en: 'You are on the retraining list for a service of this counter: pass its quiz first (or ask the duty leader).',
    zh: '您在该窗口所办业务的再培训名单中,请先通过该业务的测验(或请值班长处理)。',
  },
  attempt_closed: {
    en: 'This quiz attempt is closed: it was submitted already, or left open too long and scored as it stood.',
    zh: '该次测验已结束:已提交,或超时未交已按未作答计分。',
  },
  scan_unreadable: {
    en: 'This code is not a bill barcode or QR code the hall reads: scan the barcode on your bill, or type the account number.',
    zh: '无法识别该条码:请扫描电费账单上的条码或二维码,或直接输入户号。',
  },
  id_number_invalid: {
    en: 'This ID card number is not valid: check it, or read the card again.',
    zh: '身份证号码无效,请核对或重新读卡。',
  },
  identity_expired: {
    en: 'The identification has expired or was used already: scan the bill or read the card again.',
    zh: '身份识别已失效或已使用,请重新扫码或读卡。',
  },
  appointment_not_found: {
    en: 'No appointment for today matches this code or phone number.',
    zh: '未找到今天与该预约码或手机号匹配的预约。',
  },
  appointment_too_early: {
    en: 'It is too early to check in for this appointment; please come back nearer the time.',
    zh: '距预约时间尚早,请在预约时段前30分钟内签到。',
  },
  manager_unfit: {
    en: 'An account manager must be an active staff member who serves at a counter (a clerk).',
    zh: '客户经理须为在岗且能在窗口办理业务的员工(柜员)。',
  },
  remedy_not_allowed: {
    en: 'Your role may not grant this remedy.',
    zh: '您的岗位无权给予该补救。',
  },
  remedy_inactive: {
    en: 'This remedy is not offered now.',
    zh: '该补救项目已停用。',
  },
  grant_not_pending: {
    en: 'This grant is no longer waiting for a decision.',
    zh: '该补救已不在待审批状态。',
  },
  grant_expired: {
    en: 'This grant waited too long for approval and has expired; grant it again if still needed.',
    zh: '该补救审批已超时失效,如仍需要请重新申请。',
  },
  own_grant: {
    en: 'You cannot decide your own grant; another duty leader must.',
    zh: '不能审批本人申请的补救,请由其他值班领导审批。',
  },
  spot_check_own_work: {
    en: 'You cannot spot-check your own work; another duty leader must.',
    zh: '不能抽查本人办理的业务,请由其他值班领导抽查。',
  },
  spot_check_not_finished: {
    en: 'Only a finished visit served by a clerk can be spot-checked.',
    zh: '只能抽查已办结、有经办人的来访。',
  },
  spot_check_too_old: {
    en: 'Only work of the last 31 days can be spot-checked.',
    zh: '只能抽查近31天内的业务。',
  },
  spot_check_exists: {
    en: 'This work has already been spot-checked; a saved spot check cannot be changed.',
    zh: '该业务已被抽查,已保存的抽查不能修改。',
  },
  promise_not_told: {
    en: 'The customer cannot be notified (no channel, no consent, or opted out): call them, then record the new time as a logged call.',
    zh: '无法通知客户(无联系渠道、未授权或已退订):请致电客户后,以“已电话告知”记录新时间。',
  },
  offline: {
    en: 'The hall server cannot be reached. Please ask at the guide desk.',
    zh: '暂时无法连接大厅服务器,请到引导台咨询。',
  },
  sync_not_configured: {
    en: 'No regional center or backups are configured for this hall.',
    zh: '本大厅未配置上级中心或备份。',
  },
  host_not_allowed: {
    en: 'This request was sent to a name the hall server is not set up for (a re-pointed web page?); open the hall by its address, or add the name to HALL_NAMES.',
    zh: '请求使用的主机名未在大厅服务器登记(可能是被重新指向的网页);请用大厅服务器的地址访问,或将该名称加入 HALL_NAMES。',
  },
  origin_not_allowed: {
    en: 'Requests from this web page are not allowed; open the hall server’s own pages.',
    zh: '不接受来自该网页的请求,请使用大厅服务器自己的页面。',
  },
  rate_limited: {
    en: 'Too many requests from this device. Please wait a moment and try again.',
    zh: '本设备请求过于频繁,请稍候再试。',
  },
  storage_full: {
    en: 'The hall server’s disk is full: nothing was changed. Tell the duty leader or IT.',
    zh: '大厅服务器磁盘已满,未做任何更改。请通知值班长或信息维护人员。',
  },
  database_fault: {
    en: 'The hall server cannot write its database: nothing was changed. Tell the duty leader or IT.',
    zh: '大厅服务器无法写入数据库,未做任何更改。请通知值班长或信息维护人员。',
  },
  internal_error: {
    en: 'The hall server hit an unexpected error. Nothing was changed.',
    zh: '服务器发生意外错误,未做任何更改。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export function fail(
  code: ErrorCode,
  detail?: string,
): { ok: false; code: ErrorCode; message: string } {
  const base = errorMessages[code].en;
  return { ok: false, code, message: detail ? `${base} ${detail}` : base };
}

/** The code's words in `lang`, with the detail (always English: names, numbers, fields) after. */
export function errorMessage(code: ErrorCode, lang: Lang = DEFAULT_LANG, detail?: string): string {
  const base = errorMessages[code][lang];
  return detail ? `${base} ${detail}` : base;
}

/**
 * A refusal as `lang` reads it: the English words the hall wrote (`fail`) become that
 * language's, the detail after them is kept. A success, or a message written otherwise, is
 * returned as it is.
 */
export function inLanguage<T extends { ok: boolean; code?: unknown; message?: unknown }>(
  ack: T,
  lang: Lang,
): T {
  if (ack.ok || lang === 'en' || typeof ack.message !== 'string') return ack;
  const code = errorCodes.find((c) => c === ack.code);
  if (!code) return ack;
  const english = errorMessages[code].en;
  if (!ack.message.startsWith(english)) return ack;
  return { ...ack, message: `${errorMessages[code][lang]}${ack.message.slice(english.length)}` };
}
