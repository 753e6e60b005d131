import type { QuestionInput } from '@onestop/shared';
import type { clockedDemoHalls } from './clocked-hall';
import { ok, send, type HallClient } from './hall-harness';

// A small question bank and quiz for the demo hall's billing service (svc-billing), saved by
// the admin through the commands: the knowledge tests' and the knowledge e2e's set-up.

export const BILLING_QUESTIONS: (QuestionInput & { id: string })[] = [
  {
    id: 'q-hotline',
    serviceId: 'svc-billing',
    topic: '电费',
    kind: 'single',
    prompt: '供电服务热线是?',
    options: ['95598', '12345', '10086'],
    correct: [0],
    accepted: [],
    explanation: '国家电网供电服务热线为 95598。',
    active: true,
  },
  {
    id: 'q-pay-ways',
    serviceId: 'svc-billing',
    topic: '电费',
    kind: 'multiple',
    prompt: '以下哪些是可以缴纳电费的方式?',
    options: ['营业厅柜台', '网上国网 App', '邮寄现金'],
    correct: [0, 1],
    accepted: [],
    explanation: '柜台与网上国网均可缴费;不得邮寄现金。',
    active: true,
  },
  {
    id: 'q-late-fee',
    serviceId: 'svc-billing',
    topic: '电费',
    kind: 'short',
    prompt: '居民电费逾期未交,每日按欠费总额的千分之几加收违约金?',
    options: [],
    correct: [],
    accepted: ['千分之一', '1‰', '0.1%'],
    explanation: '《供电营业规则》:居民用户每日按欠费总额的千分之一计算。',
    active: true,
  },
];

/** The right answers to BILLING_QUESTIONS, as a clerk would send them. */
export const RIGHT_ANSWERS = [
  { questionId: 'q-hotline', choices: [0] },
  { questionId: 'q-pay-ways', choices: [0, 1] },
  { questionId: 'q-late-fee', text: '千分之一' },
];

export const WRONG_ANSWERS = [
  { questionId: 'q-hotline', choices: [1] },
  { questionId: 'q-pay-ways', choices: [0, 2] },
  { questionId: 'q-late-fee', text: '百分之一' },
];

/** The bank and a quiz `quiz-billing` (pass mark 80%) saved; the hall blocks when `blocks`. */
export async function billingQuiz(admin: HallClient, blocks = true): Promise<void> {
  for (const question of BILLING_QUESTIONS)
    ok(await send(admin, 'admin:save-question', { question }));
  ok(
    await send(admin, 'admin:save-quiz', {
      quiz: {
        id: 'quiz-billing',
        name: '电费业务知识',
        serviceId: 'svc-billing',
        questionIds: BILLING_QUESTIONS.map((q) => q.id),
        passPct: 80,
      },
    }),
  );
  ok(await send(admin, 'admin:configure', { settings: { knowledgeBlocksService: blocks } }));
}

/**
 * A demo hall from `clockedDemoHalls` with the bank and quiz saved (the hall blocks the service)
 * by the admin signed in at the back office: the knowledge attack tests' set-up.
 */
export async function billingQuizHall(
  halls: Pick<ReturnType<typeof clockedDemoHalls>, 'hallAt' | 'staffOn'>,
) {
  const hall = await halls.hallAt();
  const url = hall.server.url;
  const admin = (await halls.staffOn(url, 'demo-backoffice', '9000')).socket;
  await billingQuiz(admin, true);
  return { hall, url, admin };
}
