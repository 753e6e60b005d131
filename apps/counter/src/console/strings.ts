// The duty-leader console's words (zh default, en), kept beside the console so its screens
// grow without touching the work post's string files. Merged into the app's resources in
// i18n/resources.ts; top-level keys here must not repeat one in i18n/zh.ts.

export const consoleZh = {
  console: {
    alerts: '评价告警(未处理 {{count}})',
    noAlerts: '暂无告警。',
    acknowledge: '已知悉',
    acknowledged: '已处理',
    followUps: '待办回访({{count}})',
    unassigned: '未指派',
    assignTo: '指派给',
    assign: '指派',
  },
};

export const consoleEn: typeof consoleZh = {
  console: {
    alerts: 'Rating alerts ({{count}} open)',
    noAlerts: 'No alerts.',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged',
    followUps: 'Open follow-ups ({{count}})',
    unassigned: 'Unassigned',
    assignTo: 'Assign to',
    assign: 'Assign',
  },
};
