// The alerts panel: grouped by kind and counter, acknowledged with a note.
// Keys under `console.` (strings/index.ts merges the panels).

export const alertsZh = {
  alerts: {
    title: '告警(未处理 {{count}})',
    none: '暂无未处理告警。',
    showAcknowledged: '显示已处理',
    kind: '告警类别',
    allKinds: '全部类别',
    note: '处理说明(选填)',
    acknowledge: '已知悉',
    acknowledgedBy: '{{name}} 于 {{time}} 已处理',
    new: '{{count}} 条新告警',
    /** English's singular (i18next picks `_one` for a count of 1; Chinese never does). */
    new_one: '{{count}} 条新告警',
    view: '查看告警',
    mute: '提示音:开',
    unmute: '提示音:关',
    wholeHall: '全厅',
    groupCount: '{{count}} 条',
    groupCount_one: '{{count}} 条',
    newest: '最近 {{time}}',
    expand: '展开',
    collapse: '收起',
    acknowledgeGroup: '全部已知悉({{count}})',
    expired: '跨营业日未处理,已于 {{time}} 自动过期',
  },
};

export const alertsEn: typeof alertsZh = {
  alerts: {
    title: 'Alerts ({{count}} open)',
    none: 'No open alerts.',
    showAcknowledged: 'Show acknowledged',
    kind: 'Kind of alert',
    allKinds: 'All kinds',
    note: 'Note (optional)',
    acknowledge: 'Acknowledge',
    acknowledgedBy: 'Acknowledged by {{name}} at {{time}}',
    new: '{{count}} new alerts',
    new_one: '{{count}} new alert',
    view: 'View alerts',
    mute: 'Sound: on',
    unmute: 'Sound: off',
    wholeHall: 'Whole hall',
    groupCount: '{{count}} alerts',
    groupCount_one: '{{count}} alert',
    newest: 'latest {{time}}',
    expand: 'Show',
    collapse: 'Hide',
    acknowledgeGroup: 'Acknowledge all ({{count}})',
    expired: 'Left from an earlier business day; expired at {{time}}',
  },
};
