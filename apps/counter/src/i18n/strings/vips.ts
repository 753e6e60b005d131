// VIP account managers (大客户经理): the manager's "My VIPs" panel, the VIP-arrived notice on
// their workstation, and the admin's manager column and picker.

export const vipsZh = {
  vips: {
    tab: '我的大客户',
    title: '我负责的大客户({{count}})',
    explain: '按最先到期的事项排序;大客户取号后,您在开放的窗口时由您优先叫号。',
    loading: '正在读取您的大客户…',
    offline: '与大厅服务器断开,显示的是上次读取的内容。',
    empty: '您目前没有负责的大客户。',
    nothingOpen: '暂无未办结事项',
    refresh: '刷新',
    account: '户号 {{account}}',
    ticketsToday: '今日号码',
    cases: '未办结工单',
    followUps: '待回访',
    opinions: '未办结意见',
    promised: '原承诺 {{time}}',
    promiseChanged: '(已改约 {{count}} 次)',
    nextDue: '最近到期',
    alertNoManager: '其客户经理已停用,请重新指定',
    alertNoOwner: '其事项的首办人已停用,请移交事项',
    ticketState: {
      waiting: '等候中',
      called: '已叫号',
      serving: '办理中',
      parked: '暂离',
    },
    arrived: {
      title: '大客户到厅',
      text: '大客户 {{name}}(户号 {{account}})已到厅,号码 {{number}},{{state}}。',
      caseTitle: '事项客户到厅',
      caseText:
        '您首办的事项客户 {{name}}(户号 {{account}})已到厅办理该业务,号码 {{number}},{{state}}。',
      waiting: '正在等候',
      inService: '已在办理',
      noTicket: '号码信息暂不可见',
      dismiss: '知道了',
    },
    report: {
      own: '大客户本人办理',
      byOthers: '大客户他人办理',
    },
    admin: {
      manager: '客户经理',
      noManager: '未指定',
      pickerExplain: '仅可指定在岗柜员;括号内为其已负责的大客户数。',
      managerCount: '{{name}}({{count}})',
      inactive: '(已停用)',
    },
  },
};

export const vipsEn: typeof vipsZh = {
  vips: {
    tab: 'My VIPs',
    title: 'My VIP customers ({{count}})',
    explain:
      'What is due first comes first; when a VIP takes a number while you are at an open counter, you call them first.',
    loading: 'Reading your VIP customers…',
    offline: 'The hall server cannot be reached: showing what was read last.',
    empty: 'You are not the account manager of any VIP.',
    nothingOpen: 'Nothing open',
    refresh: 'Refresh',
    account: 'Account {{account}}',
    ticketsToday: 'Tickets today',
    cases: 'Open cases',
    followUps: 'Follow-ups',
    opinions: 'Open opinions',
    promised: 'First promised {{time}}',
    promiseChanged: ' (re-set {{count}}×)',
    nextDue: 'Next due',
    alertNoManager: 'their account manager is no longer active: name another',
    alertNoOwner: 'the owner of their case is no longer active: hand the case over',
    ticketState: {
      waiting: 'waiting',
      called: 'called',
      serving: 'in service',
      parked: 'parked',
    },
    arrived: {
      title: 'VIP arrived',
      text: 'VIP {{name}} (account {{account}}) has arrived: ticket {{number}}, {{state}}.',
      caseTitle: 'Case customer arrived',
      caseText:
        'The customer of a case you own, {{name}} (account {{account}}), is here for its business: ticket {{number}}, {{state}}.',
      waiting: 'waiting',
      inService: 'in service',
      noTicket: 'ticket not visible yet',
      dismiss: 'Dismiss',
    },
    report: {
      own: 'VIP visits served',
      byOthers: 'VIP visits served by others',
    },
    admin: {
      manager: 'Account manager',
      noManager: 'None',
      pickerExplain:
        'Only active clerks can be named; the figure is how many VIPs each manages already.',
      managerCount: '{{name}} ({{count}})',
      inactive: ' (inactive)',
    },
  },
};
