import { win32 } from 'node:path';

// The Windows service (`npm run service:install`, docs/deploy.md): the options node-windows
// installs, worked out here as plain data so they can be tested on any platform. node-windows
// runs winsw, which runs its wrapper, which forks the compiled hall server and restarts it.
//
// What node-windows 1.0.0-beta.8 cannot do, and how this copes:
// - It cannot leave a process that exits 78 (a person must act) stopped: its abortOnError is
//   never honoured. A refused start is retried every 3 s and the wrapper gives up after
//   maxRestarts starts within 60 s; the service then stops and the Event Log says why.
// - Its maxRetries counts restarts over the wrapper's whole life, so it is left unset: a hall
//   that crashes once a month must still be restarted in the second month.
// - It prints the whole service definition while installing, and splits script options at
//   spaces: no secret and no path go through them. Settings are in <data dir>\onestop.json.

export const WINDOWS_SERVICE_NAME = 'OneStop Hall';

export interface WindowsServiceInput {
  /** The checkout, e.g. C:\onestop. */
  repoRoot: string;
  /** node.exe (the one running the install). */
  execPath: string;
  /** %ProgramData%, e.g. C:\ProgramData. */
  programData: string;
  /** Default: %ProgramData%\OneStop. */
  dataDir?: string;
}

export interface NodeWindowsServiceOptions {
  name: string;
  description: string;
  script: string;
  scriptOptions: string;
  execPath: string;
  nodeOptions: string[];
  workingDirectory: string;
  env: { name: string; value: string }[];
  /** Seconds before a restart. */
  wait: number;
  /** Growth of `wait` per restart (0: always `wait`). */
  grow: number;
  /** Starts within 60 s after which the wrapper gives up. */
  maxRestarts: number;
  stopparentfirst: boolean;
  /** Seconds a stop waits before killing. */
  stoptimeout: number;
  /** Where winsw writes the wrapper's output (the server's stdout). */
  logpath: string;
}

export function windowsServiceOptions(input: WindowsServiceInput): NodeWindowsServiceOptions {
  const dataDir = input.dataDir ?? win32.join(input.programData, 'OneStop');
  const logDir = win32.join(dataDir, 'logs');
  return {
    name: WINDOWS_SERVICE_NAME,
    description: 'OneStop hall server (customer-service hall queue). docs/deploy.md',
    // The bundle `npm run build` makes; nothing is compiled at start.
    script: win32.join(input.repoRoot, 'apps', 'hall-server', 'dist', 'main.js'),
    scriptOptions: '',
    execPath: input.execPath,
    // As npm start and the systemd unit: a small young generation (docs/benchmarks.md, issue 16
    // "Memory"); not node-windows' default --harmony.
    nodeOptions: ['--max-semi-space-size=1'],
    workingDirectory: input.repoRoot,
    env: [
      { name: 'NODE_ENV', value: 'production' },
      { name: 'DEMO', value: '0' },
      { name: 'DATA_DIR', value: dataDir },
      { name: 'LOG_DIR', value: logDir },
    ],
    // As the systemd unit: 3 s after a crash; a crash loop is given up and told, not hidden.
    wait: 3,
    grow: 0,
    maxRestarts: 5,
    // A stop sends the server 'shutdown' (main.ts closes cleanly, marks its database) first.
    stopparentfirst: true,
    stoptimeout: 30,
    logpath: logDir,
  };
}
