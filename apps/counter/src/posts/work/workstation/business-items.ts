import type { Lang } from '@onestop/ui';

// Common business items per service category, offered as one-tap choices when finishing;
// the clerk can add any other. Recorded in the language the clerk works in.

const items: Record<string, { zh: string[]; en: string[] }> = {
  billing: {
    zh: ['缴纳电费', '预存电费', '欠费查询', '电费发票', '账单解释'],
    en: ['Bill paid', 'Prepayment', 'Arrears check', 'Invoice', 'Bill explained'],
  },
  connection: {
    zh: ['新装申请', '增容申请', '资料收取', '方案答复', '进度查询'],
    en: [
      'New connection',
      'Capacity increase',
      'Documents received',
      'Supply plan',
      'Progress check',
    ],
  },
  account: {
    zh: ['更名', '过户', '资料审核', '银行代扣变更'],
    en: ['Name change', 'Ownership change', 'Documents checked', 'Direct debit change'],
  },
  enquiry: {
    zh: ['故障报修登记', '停电咨询', '电压质量', '计量表计', '政策咨询'],
    en: ['Fault reported', 'Outage enquiry', 'Voltage quality', 'Meter', 'Policy enquiry'],
  },
};

export function suggestedItems(category: string | undefined, lang: Lang): string[] {
  return (category && items[category]?.[lang]) || [];
}
