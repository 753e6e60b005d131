// The shared UI's own words, in the i18next namespace `ui`: each app adds them beside its own
// (`resources: { zh: { translation: zh, ui: uiStrings.zh }, … }`) and the components read them
// as `t('ui:…')`. zh-CN is the default; en must have the same keys and the same blanks.

const zh = {
  screenLoad: {
    loading: '正在加载{{screen}}…',
    failed: '{{screen}}未能加载:连不上大厅服务器。',
    retrying: '稍后会自动重试。',
    retry: '重试',
  },
  dialog: {
    cancel: '取消',
    sending: '发送中…',
  },
  keypad: {
    clear: '清除',
    delete: '删除',
  },
  signIn: {
    staffNo: '工号',
    pin: '密码',
  },
  pairing: {
    title: '设备配对',
    otherReason: '本设备不能使用此页面。',
    help: '请值班领导或管理员在值班台生成六位配对码,在此输入。',
    code: '六位配对码',
    pair: '配对',
    sending: '正在配对…',
    locked: '配对尝试次数过多,请 {{seconds}} 秒后再试。',
    offline: '连不上大厅服务器,请检查网络后再试。',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zh> = {
  screenLoad: {
    loading: '{{screen}}: loading…',
    failed: '{{screen}} could not be loaded: the hall server cannot be reached.',
    retrying: 'Trying again shortly by itself.',
    retry: 'Try again',
  },
  dialog: {
    cancel: 'Cancel',
    sending: 'Sending…',
  },
  keypad: {
    clear: 'Clear',
    delete: 'Delete',
  },
  signIn: {
    staffNo: 'Staff no.',
    pin: 'PIN',
  },
  pairing: {
    title: 'Pair this device',
    otherReason: 'This device cannot use this screen.',
    help: 'Ask the duty leader or an admin for a six-digit pairing code from the console and enter it here.',
    code: 'Six-digit pairing code',
    pair: 'Pair',
    sending: 'Pairing…',
    locked: 'Too many pairing attempts. Try again in {{seconds}} s.',
    offline: 'The hall server cannot be reached. Check the network and try again.',
  },
};

/** The namespace the shared UI's words live in. */
export const uiNamespace = 'ui';

export const uiStrings = { zh, en };
