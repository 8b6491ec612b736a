import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's boundaries are enforced by lint; these cases prove each rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

// The first lint loads the TypeScript parser and the whole config: allow for a loaded machine.
describe('architecture boundaries', { timeout: 60_000 }, () => {
  it.each([
    ['src-shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    [
      'src-shared/probe.ts',
      "import { z } from 'zod';\nimport react from 'react';\nexport const x = [z, react];\n",
    ],
    ['src-renderer/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'src-renderer/probe.ts',
      "import { buildService } from '../src-server/app';\nexport const x = buildService;\n",
    ],
    [
      'src-main/notifications/probe.ts',
      "import { Notification } from 'electron';\nexport const x = Notification;\n",
    ],
    ['src-main/preload/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['src-server/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('%s refuses a forbidden import', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'src-shared/probe.ts',
      "import { z } from 'zod';\nimport { tabOf } from './classify';\nexport const x = [z, tabOf];\n",
    ],
    [
      'src-main/notifications/probe.ts',
      "import type { Notification } from 'electron';\nexport type X = Notification;\n",
    ],
    [
      'src-main/adapters/electron/probe.ts',
      "import { Notification } from 'electron';\nexport const x = Notification;\n",
    ],
    [
      'src-main/preload/probe.ts',
      "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n",
    ],
  ])('%s allows a permitted import', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
