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
};

/** The namespace the shared UI's words live in. */
export const uiNamespace = 'ui';

export const uiStrings = { zh, en };
