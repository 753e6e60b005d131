import { createInterface, type Interface } from 'node:readline/promises';
import { hallConfigOrExit } from '../config/process-config';
import { errorText } from '../logging/error-text';
import { argValue } from '../sync/cli-args';
import {
  removeDemoCredentials,
  setUpHall,
  SETUP_PAIRING_CODE_TTL_MS,
  SetUpError,
  type ConsolePairing,
} from './setup';

// `npm run setup`: sets up a real hall in a data directory (asks on a terminal; flags or
// environment variables for a scripted install, the PIN from stdin with --pin-stdin).
// `npm run setup -- --remove-demo`: removes the demo credentials from a former demo hall.

const USAGE = `usage:
  npm run setup [-- --data-dir ./data --hall-id hall-xuhui --name-zh 徐汇供电营业厅
                    --name-en "Xuhui Service Hall" --time-zone Asia/Shanghai
                    --admin-staff-no 5001 --admin-name 林管理 [--pin-stdin] [--force]]
  npm run setup -- --remove-demo [--data-dir ./data] [--pin-stdin]
Each value may also come from the environment: DATA_DIR, HALL_ID, HALL_NAME_ZH, HALL_NAME_EN,
HALL_TIME_ZONE, ADMIN_STAFF_NO, ADMIN_NAME. On a terminal, what is missing is asked.
--pin-stdin reads the admin PIN from stdin (one line, or two that must match).`;

const argv = process.argv.slice(2);
const interactive = process.stdin.isTTY === true && !argv.includes('--pin-stdin');

const fields = [
  { flag: '--hall-id', env: 'HALL_ID', ask: 'Hall id (lower-case letters, digits, -)' },
  { flag: '--name-zh', env: 'HALL_NAME_ZH', ask: "The hall's name in Chinese" },
  { flag: '--name-en', env: 'HALL_NAME_EN', ask: "The hall's name in English" },
  { flag: '--time-zone', env: 'HALL_TIME_ZONE', ask: 'Time zone', fallback: 'Asia/Shanghai' },
  { flag: '--admin-staff-no', env: 'ADMIN_STAFF_NO', ask: "The first admin's staff number" },
  { flag: '--admin-name', env: 'ADMIN_NAME', ask: "The first admin's name" },
] as const;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

type Question = (typeof fields)[number];

/** A field's value: its flag, its environment variable, asked on a terminal, or its fallback. */
async function answer(f: Question, rl: Interface | null): Promise<string> {
  let v = argValue(argv, f.flag) ?? (process.env[f.env] || undefined);
  if (v === undefined && rl) {
    const hint = 'fallback' in f ? ` [${f.fallback}]` : '';
    v = (await rl.question(`${f.ask}${hint}: `)).trim() || ('fallback' in f ? f.fallback : '');
  }
  v ??= 'fallback' in f ? f.fallback : undefined;
  if (v === undefined) fail(`${f.flag} (or ${f.env}) is missing\n\n${USAGE}`, 2);
  return v;
}

async function values() {
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const [hallId, nameZh, nameEn, timeZone, adminStaffNo, adminName] = fields;
  try {
    // Asked in this order on a terminal.
    return {
      hallId: await answer(hallId, rl),
      nameZh: await answer(nameZh, rl),
      nameEn: await answer(nameEn, rl),
      timeZone: await answer(timeZone, rl),
      adminStaffNo: await answer(adminStaffNo, rl),
      adminName: await answer(adminName, rl),
    };
  } finally {
    rl?.close();
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((done, cancel) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let typed = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return (finish(), done(typed));
        if (c === '\u0003') return (finish(), cancel(new SetUpError('cancelled')));
        typed = c === '\u007f' || c === '\b' ? typed.slice(0, -1) : typed + c;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function pins(): Promise<{ pin: string; pinAgain?: string }> {
  if (interactive) {
    const pin = await askHidden('The admin PIN (6 to 12 digits): ');
    return { pin, pinAgain: await askHidden('The same PIN again: ') };
  }
  if (!argv.includes('--pin-stdin'))
    fail(`no terminal: give the PIN with --pin-stdin\n\n${USAGE}`, 2);
  const [pin, pinAgain] = (await readStdin()).split(/\r?\n/).map((l) => l.trim());
  if (!pin) fail('--pin-stdin: no PIN on stdin', 2);
  return { pin, pinAgain: pinAgain || undefined };
}

const codeLines = ({ pairingCode, expiresAt }: ConsolePairing) => [
  '',
  `  Console pairing code:  ${pairingCode}`,
  `  one use, valid ${SETUP_PAIRING_CODE_TTL_MS / 3_600_000} h (until ${new Date(expiresAt).toISOString()}); it is shown only now.`,
  '',
  'Next: DEMO=0 npm start, open http://<this machine>:8080/console, enter the code, then sign',
  'in with the staff number and the PIN. Running it as a service: docs/deploy.md.',
];

if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
// The data directory as the hall server will find it (--data-dir, DATA_DIR, --config's dataDir).
const { dataDir } = hallConfigOrExit(argv);
try {
  if (argv.includes('--remove-demo')) {
    const r = await removeDemoCredentials({ dataDir, ...(await pins()) });
    console.log(
      [
        `Demo credentials removed from ${dataDir}: ${r.devicesRevoked} demo devices revoked,`,
        `${r.staffDisabled} demo staff disabled (give them a PIN in the console to bring them back).`,
        `The admin is staff no. ${r.adminStaffNo} with the new PIN.`,
        ...codeLines(r),
      ].join('\n'),
    );
  } else {
    const v = await values();
    const r = await setUpHall({
      dataDir,
      ...v,
      force: argv.includes('--force'),
      ...(await pins()),
    });
    console.log(
      [
        `The hall ${v.hallId} (${v.nameZh} · ${v.nameEn}) is set up in ${r.database}.`,
        ...(r.movedAsideTo ? [`The hall that was there is in ${r.movedAsideTo}.`] : []),
        `Its admin is staff no. ${v.adminStaffNo}; services and counters are added in the console.`,
        ...codeLines(r),
      ].join('\n'),
    );
  }
} catch (err) {
  fail(`Set-up refused: ${errorText(err)}`, 1);
}
