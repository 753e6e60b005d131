// Display layouts (issue 19 item 3): the admin's choice per hall display, with its preview.
// Keys under `console.`.

export const displayLayoutsZh = {
  displayLayouts: {
    explain: '为每块叫号屏选择版式与方向;右侧按比例预览(示例数据),保存后叫号屏立即切换,无需刷新。',
    none: '尚未配对叫号屏。请在“设备”中为叫号屏发放配对码。',
    saved: '当前:{{layout}} · {{orientation}}',
    layoutTitle: '版式',
    orientationTitle: '方向',
    layout: {
      calls: '仅叫号',
      calls_waiting: '叫号与等候',
      calls_notices_media: '叫号、公告与媒体',
    },
    layoutHint: {
      calls: '当前叫号与各窗口',
      calls_waiting: '当前叫号、各窗口、各业务等候人数与预计等候、最近叫号',
      calls_notices_media: '当前叫号、最近叫号、值班公告,以及媒体文件夹中的图片与视频轮播(静音)',
    },
    orientation: { landscape: '横屏', portrait: '竖屏' },
    save: '保存',
    offline: '离线:恢复连接后才能保存。',
    previewTitle: '{{name}} 预览',
    previewCaption: '预览 {{width}}×{{height}},示例数据',
  },
};

export const displayLayoutsEn: typeof displayLayoutsZh = {
  displayLayouts: {
    explain:
      'Choose each hall display’s layout and orientation; the preview beside it is to scale (sample data). Once saved the display changes at once, no reload needed.',
    none: 'No hall display is paired yet. Issue one a pairing code under Devices.',
    saved: 'Now: {{layout}} · {{orientation}}',
    layoutTitle: 'Layout',
    orientationTitle: 'Orientation',
    layout: {
      calls: 'Calls only',
      calls_waiting: 'Calls and waiting',
      calls_notices_media: 'Calls, notice and media',
    },
    layoutHint: {
      calls: 'The current call and every counter',
      calls_waiting:
        'The current call, counters, waiting and estimated wait per service, recent calls',
      calls_notices_media:
        "The current call, recent calls, the duty leader's notice, and the media folder's images and videos in rotation (muted)",
    },
    orientation: { landscape: 'Landscape', portrait: 'Portrait' },
    save: 'Save',
    offline: 'Offline: saving waits for the link to return.',
    previewTitle: 'Preview of {{name}}',
    previewCaption: 'Preview {{width}}×{{height}}, sample data',
  },
};
