import { casesEn } from './strings/cases';
import { deskEn } from './strings/desk';
import { errorsIn } from './strings/errors';
import { handoverEn } from './strings/handover';
import { identifyEn } from './strings/identify';
import { notificationsEn } from './strings/notifications';
import { promisesEn } from './strings/promises';
import { remediesEn } from './strings/remedies';
import { quizEn } from './strings/quiz';
import { spotChecksEn } from './strings/spot-checks';
import { visitEn } from './strings/visit';
import { vipsEn } from './strings/vips';
import { workEn } from './strings/work';
import type { Strings } from './zh';

// English: the same keys as zh, part by part (each part's type makes a missing or extra key a
// compile error; strings.test.ts checks the whole).

export const en: Strings = {
  ...deskEn,
  ...workEn,
  ...visitEn,
  ...casesEn,
  ...handoverEn,
  ...promisesEn,
  ...vipsEn,
  ...identifyEn,
  ...remediesEn,
  ...quizEn,
  ...spotChecksEn,
  ...notificationsEn,
  errors: errorsIn('en'),
};
