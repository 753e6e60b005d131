// The reports screen's words (zh default, en). Merged into the app's resources in
// i18n/resources.ts; top-level keys here must not repeat one in i18n/zh.ts or console/strings.ts.

export const reportsZh = {
  reports: {
    title: '统计报表',
  },
};

export const reportsEn: typeof reportsZh = {
  reports: {
    title: 'Reports',
  },
};
