// The visit's dialogs at the counter (finish, transfer, park, walk-in, call a ticket), and
// what the duty leader changed on the counter.

export const visitZh = {
  finish: {
    title: '办结 {{number}}',
    outcome: '办理结果',
    items: '已办业务事项',
    otherItem: '其他事项',
    add: '添加',
    caseAlreadyOpen: '本次来访已开立工单。',
    padHint: '办结后,客户将在评价器上评价本次服务。',
  },
  transfer: {
    title: '转移 {{number}}',
    to_service: '转到业务',
    to_counter: '转到窗口',
    note: '转移说明',
    ownerKept: '转移后首办责任人不变,客户保留原排队时间。',
  },
  park: {
    title: '暂挂 {{number}}',
    reason: '暂挂原因',
    fetchDocuments: '客户取资料',
    copy: '复印资料',
    payElsewhere: '客户去缴费',
    waitForSystem: '等待系统处理',
  },
  walkIn: {
    title: '临柜取号',
    confirm: '取号并呼叫',
    note: '备注',
    ownerHint: '临柜客户由您首办负责。',
  },
  callTicket: {
    title: '指定叫号',
    filter: '按号码筛选',
    none: '没有可呼叫的号码。',
    call: '呼叫',
    callFirst: '呼叫第一个',
    waited: '已等 {{time}}',
  },
  overrideNotice: {
    title: '{{time}} 值班领导 {{leader}} 干预:',
    reason: '原因:{{reason}}',
    action: {
      'ticket-priority_priority': '提高了号码的优先级',
      'ticket-priority_front': '把号码调到了队首',
      'ticket-counter': '把号码指定到本窗口',
      'counter-state_open': '开启了本窗口',
      'counter-state_paused': '暂停了本窗口',
      'counter-state_closed': '关闭了本窗口',
      'counter-services': '调整了本窗口办理的业务',
      'sign-out': '将您签退',
      other: '调整了本窗口',
    },
  },
};

export const visitEn: typeof visitZh = {
  finish: {
    title: 'Finish {{number}}',
    outcome: 'Outcome',
    items: 'Business items done',
    otherItem: 'Other item',
    add: 'Add',
    caseAlreadyOpen: 'A case is already open for this visit.',
    padHint: 'After finishing, the customer rates the service on the pad.',
  },
  transfer: {
    title: 'Transfer {{number}}',
    to_service: 'To a service',
    to_counter: 'To a counter',
    note: 'Note for the next clerk',
    ownerKept: 'The first handler stays the same; the customer keeps their place.',
  },
  park: {
    title: 'Park {{number}}',
    reason: 'Reason',
    fetchDocuments: 'Fetching documents',
    copy: 'Making copies',
    payElsewhere: 'Paying elsewhere',
    waitForSystem: 'Waiting for the system',
  },
  walkIn: {
    title: 'Walk-in customer',
    confirm: 'Issue and call',
    note: 'Note',
    ownerHint: 'You become the first handler of this walk-in.',
  },
  callTicket: {
    title: 'Call a specific ticket',
    filter: 'Filter by number',
    none: 'No ticket to call.',
    call: 'Call',
    callFirst: 'Call the first',
    waited: 'waited {{time}}',
  },
  overrideNotice: {
    title: '{{time}} Duty leader {{leader}} stepped in:',
    reason: 'Reason: {{reason}}',
    action: {
      'ticket-priority_priority': 'raised a ticket’s priority',
      'ticket-priority_front': 'moved a ticket to the front',
      'ticket-counter': 'sent a ticket to this counter',
      'counter-state_open': 'opened this counter',
      'counter-state_paused': 'paused this counter',
      'counter-state_closed': 'closed this counter',
      'counter-services': 'changed the services this counter serves',
      'sign-out': 'signed you out',
      other: 'changed this counter',
    },
  },
};
