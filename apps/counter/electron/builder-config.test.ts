import { describePackagingConfig } from '@onestop/desktop-shell/test-support/builder-config';
import { fileURLToPath } from 'node:url';

describePackagingConfig(fileURLToPath(new URL('..', import.meta.url)));
