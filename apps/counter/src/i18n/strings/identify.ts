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
  },
};
