import { consoleEn, consoleZh } from '../posts/duty/strings';
import { reportsEn, reportsZh } from '../posts/reports/strings';
import { en } from './en';
import { zh } from './zh';

// Every screen's words in one place per language: the work post's (zh.ts, en.ts), the
// console's and the reports screen's, each kept beside its screens. The translation test
// checks them together; the app loads the console's and the reports' with their chunks.

export const zhAll = { ...zh, ...consoleZh, ...reportsZh };
export const enAll = { ...en, ...consoleEn, ...reportsEn };
