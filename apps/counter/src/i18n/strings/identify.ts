// Customer identification (docs/customer-identification.md): the admin registers a customer's
// resident ID card number; the hall keeps only its HMAC and last four, all this screen shows.

export const identifyZh = {
  idCard: {
    column: '身份证',
    registered: '已登记 …{{last4}}',
    none: '未登记',
    title: '户号 {{account}} 的身份证',
    explain: '登记后客户可在取号机刷身份证取号。系统不保存完整证件号,只保存其加密摘要和末四位。',
    number: '身份证号码',
    register: '登记身份证',
    remove: '取消登记',
    saved: '已登记 …{{last4}}',
    removed: '已取消登记',
    invalid: '请输入18位身份证号码',
    otherKey: '在另一密钥下登记:请重新登记',
    otherKeyBanner:
      '{{count}} 位客户的身份证是在另一身份证密钥下登记的(密钥文件丢失或更换),刷卡找不到他们:请重新登记。',
  },
};

export const identifyEn: typeof identifyZh = {
  idCard: {
    column: 'ID card',
    registered: 'Registered …{{last4}}',
    none: 'Not registered',
    title: 'ID card of account {{account}}',
    explain:
      'Once registered, the customer can take a number at the kiosk with their ID card. The hall never keeps the whole number, only a keyed digest and its last four characters.',
    number: 'ID card number',
    register: 'Register ID card',
    remove: 'Remove',
    saved: 'Registered …{{last4}}',
    removed: 'Registration removed',
    invalid: 'Enter the 18-character ID card number',
    otherKey: 'Registered under another key: register again',
    otherKeyBanner:
      "{{count}} customers' ID cards were registered under another ID card key (the key file was lost or replaced): the kiosk's reader does not find them. Register them again.",
  },
};
