import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.js; these probes prove that a file breaking a layer
// fails lint with the rule named, so the architecture does not rest on memory. Each probe is
// linted as if it were an existing file of that layer (the text is the probe, not the file).
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<{ layer: string; file: string; code: string }> = [
  { layer: 'core', file: 'src/core/ports.ts', code: "import { app } from 'electron';\nexport const a = app;\n" },
  { layer: 'core', file: 'src/core/ports.ts', code: "import { useState } from 'react';\nexport const a = useState;\n" },
  {
    layer: 'core',
    file: 'src/core/obs/scene-ref.ts',
    code: "import { api } from '../../renderer/api/client';\nexport const a = api;\n",
  },
  { layer: 'core', file: 'src/core/ports.ts', code: "import { x } from '../host/server';\nexport const a = x;\n" },
  {
    layer: 'shared',
    file: 'src/shared/result.ts',
    code: "import { x } from '../core/obs/scene-ref';\nexport const a = x;\n",
  },
  {
    layer: 'shared',
    file: 'src/shared/result.ts',
    code: "import { create } from 'zustand';\nexport const a = create;\n",
  },
  {
    layer: 'renderer',
    file: 'src/renderer/main.tsx',
    code: "import { x } from '../core/obs/scene-ref';\nexport const a = x;\n",
  },
  {
    layer: 'renderer',
    file: 'src/renderer/main.tsx',
    code: "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
  },
  {
    layer: 'renderer',
    file: 'src/renderer/main.tsx',
    code: "import { x } from '../host/server';\nexport const a = x;\n",
  },
];

describe('layer rules (eslint.config.js)', () => {
  it.each(cases)('a $layer file importing across its layer fails lint: $code', async ({ layer, file, code }) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`Layer rule "${layer}"`);
  });

  it('allowed imports pass: the core on shared, the renderer on the contract and React', async () => {
    expect(
      await problems('src/core/ports.ts', "import { ok } from '../shared/result';\nexport const a = ok;\n"),
    ).toEqual([]);
    expect(
      await problems(
        'src/renderer/main.tsx',
        "import { useState } from 'react';\nimport { ok } from '../shared/result';\nexport const a = [useState, ok];\n",
      ),
    ).toEqual([]);
  });
});
