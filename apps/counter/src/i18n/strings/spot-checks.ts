// Spot checks (抽查, issue 19): the list a clerk reads of their own checks (我的事项) and the
// console shows, item by item. The console's own words: posts/duty/strings/spot-checks.ts.

export const spotChecksZh = {
  spotChecks: {
    mine: '我的抽查({{count}})',
    mineExplain: '值班领导对您办理的业务的抽查,近31天;只读。',
    loading: '正在读取抽查…',
    offline: '与大厅服务器断开,显示的是上次读取的内容。',
    error: '读取抽查失败:{{message}}',
    none: '近31天没有抽查。',
    total: '得分 {{pct}}%',
    by: '抽查人 {{name}}',
    visit: '号码 {{label}}',
    case: '工单 {{label}}',
    item: '{{name}} {{score}}/{{weight}}',
    comment: '点评',
  },
};

export const spotChecksEn: typeof spotChecksZh = {
  spotChecks: {
    mine: 'My spot checks ({{count}})',
    mineExplain: "The duty leader's checks of your work over the last 31 days; read-only.",
    loading: 'Reading spot checks…',
    offline: 'Disconnected from the hall server: showing what was last read.',
    error: 'Could not read the spot checks: {{message}}',
    none: 'No spot checks in the last 31 days.',
    total: 'Score {{pct}}%',
    by: 'Checked by {{name}}',
    visit: 'Ticket {{label}}',
    case: 'Case {{label}}',
    item: '{{name}} {{score}}/{{weight}}',
    comment: 'Comment',
  },
};
