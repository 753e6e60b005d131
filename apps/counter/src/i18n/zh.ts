import { casesZh } from './strings/cases';
import { deskZh } from './strings/desk';
import { errorsIn } from './strings/errors';
import { handoverZh } from './strings/handover';
import { identifyZh } from './strings/identify';
import { notificationsZh } from './strings/notifications';
import { promisesZh } from './strings/promises';
import { remediesZh } from './strings/remedies';
import { quizZh } from './strings/quiz';
import { spotChecksZh } from './strings/spot-checks';
import { visitZh } from './strings/visit';
import { vipsZh } from './strings/vips';
import { workZh } from './strings/work';

// 简体中文 (the default): one file per part of the desks in strings/, each with its English
// beside it; the error messages come from the contract, one per error code.

export const zh = {
  ...deskZh,
  ...workZh,
  ...visitZh,
  ...casesZh,
  ...handoverZh,
  ...promisesZh,
  ...vipsZh,
  ...identifyZh,
  ...remediesZh,
  ...quizZh,
  ...spotChecksZh,
  ...notificationsZh,
  errors: errorsIn('zh'),
};

export type Strings = typeof zh;
