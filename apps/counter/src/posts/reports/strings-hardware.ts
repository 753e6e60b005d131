// The monthly hardware report's words (issue 19 item 2, HardwareSection.tsx), zh and en.

export const hardwareZh = {
  hardwareReport: {
    totals:
      '故障 {{faults}} 次,已修复 {{repaired}} 次,平均修复 {{mean}} 分钟;开门检查 {{checks}} 次',
    none: '这段时间没有设备故障。',
    device: '设备',
    faults: '故障次数',
    meanRepair: '平均修复(分钟)',
    down: '停用(分钟)',
    byKind: '按故障类型',
    checksFailed: '开门检查不通过:',
    kinds: {
      printer_paper_out: '打印机缺纸',
      printer_cover_open: '打印机上盖打开',
      printer_offline: '打印机脱机',
      audio: '声音被阻止',
      offline: '设备离线',
      reported: '人工报告',
    },
    items: {
      test_slip: '打印测试小票',
      touch: '触摸测试',
      test_announcement: '播放测试叫号',
      screen: '屏幕检查',
      sign_in: '登录测试',
      pad_rating: '评价器评价测试',
    },
  },
};

export const hardwareEn: typeof hardwareZh = {
  hardwareReport: {
    totals:
      '{{faults}} faults, {{repaired}} repaired, mean time to repair {{mean}} min; {{checks}} opening checks',
    none: 'No device faults in this range.',
    device: 'Device',
    faults: 'Faults',
    meanRepair: 'Mean time to repair (min)',
    down: 'Down (min)',
    byKind: 'By kind of fault',
    checksFailed: 'Opening check items failed: ',
    kinds: {
      printer_paper_out: 'printer out of paper',
      printer_cover_open: 'printer cover open',
      printer_offline: 'printer offline',
      audio: 'sound blocked',
      offline: 'device offline',
      reported: 'reported by staff',
    },
    items: {
      test_slip: 'test slip',
      touch: 'touch',
      test_announcement: 'test announcement',
      screen: 'screen',
      sign_in: 'sign-in',
      pad_rating: 'pad rating',
    },
  },
};
