import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron), but its own loader and schema
// check a shell's configuration: a typo in electron-builder.yml fails in the tests, not on the
// build machine. Each shell's test calls this with its app directory.

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: null,
  ): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };

interface BuilderConfig {
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
  files: unknown;
  extraMetadata: { main: string };
}

export function describePackagingConfig(appDir: string): void {
  describe('the packaging configuration', () => {
    it('is valid for electron-builder and targets Windows NSIS x64 and a Linux AppImage', async () => {
      const config = await getConfig(appDir, 'electron-builder.yml', null);
      await validateConfiguration(config, new DebugLogger(false));
      expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
      expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
      expect(config.extraMetadata.main).toBe('electron-dist/main.cjs');
      expect(JSON.stringify(config.files)).toContain('electron-dist/**/*');
    });

    it('would catch a mistake', async () => {
      const config = await getConfig(appDir, 'electron-builder.yml', null);
      await expect(
        validateConfiguration(
          { ...config, win: { target: 'nsis', kioskMode: true } },
          new DebugLogger(false),
        ),
      ).rejects.toThrow(/Invalid configuration/);
    });
  });
}
