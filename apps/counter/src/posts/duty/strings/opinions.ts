// The opinions desk and the cases kept while their owner is off.
// Keys under `console.` (strings/index.ts merges the panels).

export const opinionsZh = {
  opinions: {
    title: '意见受理',
    record: '登记意见',
    none: '没有意见。',
    filter: {
      active: '处理中',
      closed: '已办结',
    },
    source: {
      kiosk: '监督箱',
      guide: '引导台',
      duty_leader: '值班台',
    },
    sourceLabel: '来源',
    category: '类别',
    text: '意见内容',
    contact: '联系方式',
    shownAs: '显示为 {{masked}}',
    staff: '涉及人员',
    noStaff: '不涉及具体人员',
    ticket: '关联号码(选填)',
    handler: '处理人',
    assignTo: '指派处理人',
    resolution: '处理结果',
    resolutionPlaceholder: '办理结果(必填,至少 4 个字)',
    resolve: '办结',
  },
  kept: {
    title: '下班保留的工单({{count}})',
    explain: '责任人已签退,工单未到期,仍由其保留;到期前一天须交接。',
    none: '没有下班保留的工单。',
    case: '工单',
    owner: '责任人',
    customer: '客户',
    due: '限时',
    status: '状态',
    off: '已签退',
    offSince: '{{time}} 签退',
    step: '当前:{{step}}',
  },
};

export const opinionsEn: typeof opinionsZh = {
  opinions: {
    title: 'Opinions',
    record: 'Record an opinion',
    none: 'No opinions.',
    filter: {
      active: 'Open',
      closed: 'Closed',
    },
    source: {
      kiosk: 'Supervision box',
      guide: 'Guide desk',
      duty_leader: 'Duty desk',
    },
    sourceLabel: 'Source',
    category: 'Category',
    text: 'Opinion',
    contact: 'Contact',
    shownAs: 'shown as {{masked}}',
    staff: 'Staff concerned',
    noStaff: 'No one in particular',
    ticket: 'Ticket (optional)',
    handler: 'Handler',
    assignTo: 'Assign a handler',
    resolution: 'Result',
    resolutionPlaceholder: 'What was done (required, at least 4 characters)',
    resolve: 'Close',
  },
  kept: {
    title: 'Cases kept while their owner is off ({{count}})',
    explain:
      'The owner has signed off and keeps these cases, not yet due; they are handed over the day before they are due.',
    none: 'No case is kept by an owner who is off.',
    case: 'Case',
    owner: 'Owner',
    customer: 'Customer',
    due: 'Due',
    status: 'Status',
    off: 'Signed off',
    offSince: 'Signed off {{time}}',
    step: 'Now: {{step}}',
  },
};
