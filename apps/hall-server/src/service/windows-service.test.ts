import { describe, expect, it } from 'vitest';
import { windowsServiceOptions } from './windows-service';

// What `npm run service:install` hands node-windows, worked out on any platform.

const base = {
  repoRoot: 'C:\\onestop',
  execPath: 'C:\\Program Files\\nodejs\\node.exe',
  programData: 'C:\\ProgramData',
};

describe('windowsServiceOptions', () => {
  it('runs the compiled hall server as a real hall, data and logs under ProgramData', () => {
    const o = windowsServiceOptions(base);
    expect(o.name).toBe('OneStop Hall');
    expect(o.script).toBe('C:\\onestop\\apps\\hall-server\\dist\\main.js');
    expect(o.execPath).toBe(base.execPath);
    expect(o.workingDirectory).toBe('C:\\onestop');
    expect(o.nodeOptions).toEqual(['--max-semi-space-size=1']); // not node-windows' --harmony
    expect(o.scriptOptions).toBe('');
    expect(Object.fromEntries(o.env.map((e) => [e.name, e.value]))).toEqual({
      NODE_ENV: 'production',
      DEMO: '0',
      DATA_DIR: 'C:\\ProgramData\\OneStop',
      LOG_DIR: 'C:\\ProgramData\\OneStop\\logs',
    });
    // The wrapper's own log (the server's stdout) beside the server's log files.
    expect(o.logpath).toBe('C:\\ProgramData\\OneStop\\logs');
  });

  it('restarts after a crash like the systemd unit: 3 s later, giving up after a crash loop', () => {
    const o = windowsServiceOptions(base);
    expect(o.wait).toBe(3);
    expect(o.grow).toBe(0);
    expect(o.maxRestarts).toBe(5);
    // No lifetime cap: node-windows counts maxRetries over the wrapper's whole life.
    expect(o).not.toHaveProperty('maxRetries');
    // A stop asks the server to close cleanly ('shutdown' message, main.ts) before killing it.
    expect(o.stopparentfirst).toBe(true);
    expect(o.stoptimeout).toBe(30);
  });

  it('takes another data directory; the configuration file is the one in it (onestop.json)', () => {
    const o = windowsServiceOptions({ ...base, dataDir: 'D:\\hall' });
    const env = Object.fromEntries(o.env.map((e) => [e.name, e.value]));
    expect(env.DATA_DIR).toBe('D:\\hall');
    expect(env.LOG_DIR).toBe('D:\\hall\\logs');
    // node-windows splits script options at spaces: no --config path is passed through it.
    expect(o.scriptOptions).toBe('');
  });

  it('puts no secret in the service definition (node-windows prints it while installing)', () => {
    const o = windowsServiceOptions(base);
    expect(o.env.map((e) => e.name).filter((n) => /KEY|SECRET|PIN/.test(n))).toEqual([]);
  });
});
