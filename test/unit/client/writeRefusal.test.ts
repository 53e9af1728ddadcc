// The editor's failed writes (export, import, next year's report, the CSV of figures) are told by the code
// the command line gives for the same refusal (BG910–BG913), not as VS Code's English “Unable to write
// file …”. The errors are shaped as VS Code's FileSystemError (its code, the system's error in its message).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { writeRefusal } from '../../../client/writeRefusal.js';
import { ROOT } from '../../helpers.js';

/** An error as vscode.workspace.fs.writeFile throws it on the desktop (FileSystemError, its code and message). */
const fileSystemError = (code: string, system = '') => Object.assign(new Error(`Unable to write file '/报告/汇总.csv' (${code} (FileSystemError)${system ? `: Error: ${system}, open '/报告/汇总.csv'` : ''})`), { code, name: `${code} (FileSystemError)` });

describe('client: a refused write is told by its code', () => {
  it('classes VS Code’s file system errors and Node’s as the command line does', () => {
    const cases: Array<[unknown, boolean, string]> = [
      [fileSystemError('FileExists'), true, 'exists BG910'],
      [fileSystemError('NoPermissions', 'EACCES: permission denied'), true, 'readOnly BG911'],
      [fileSystemError('NoPermissions', 'EACCES: permission denied'), false, 'noPermission BG913'],
      [fileSystemError('NoPermissions'), false, 'noPermission BG913'],
      [fileSystemError('Unknown', 'EPERM: operation not permitted'), true, 'readOnly BG911'],
      [fileSystemError('Unknown', 'EROFS: read-only file system'), false, 'readOnlyDisk BG913'],
      [fileSystemError('NoPermissions', 'EROFS: read-only file system'), true, 'readOnlyDisk BG913'],
      [fileSystemError('Unknown', 'ENOSPC: no space left on device'), false, 'diskFull BG913'],
      [Object.assign(new Error('EDQUOT: disk quota exceeded, write'), { code: 'EDQUOT' }), false, 'diskFull BG913'],
      [fileSystemError('FileIsADirectory'), true, 'place BG912'],
      [fileSystemError('FileNotADirectory'), false, 'place BG912'],
      [fileSystemError('Unknown', 'ENAMETOOLONG: name too long'), false, 'place BG912'],
      [fileSystemError('FileNotFound'), false, 'place BG912'],
      [fileSystemError('Unavailable'), false, 'failed BG913'],
      ['something else', false, 'failed BG913'],
    ];
    for (const [error, existed, expected] of cases) {
      const r = writeRefusal(error, existed);
      assert.equal(`${r.kind} ${r.code}`, expected, `${String((error as Error).message ?? error)} (existed: ${existed})`);
    }
  });

  it('every write of the extension goes through the told writer, and each kind has its message with the code (and an English one)', () => {
    const files = readFileSync(`${ROOT}/client/files.ts`, 'utf8');
    // Only writeChosenFile writes (was: vscode.workspace.fs.writeFile at five places, VS Code's English message shown).
    assert.equal(files.match(/vscode\.workspace\.fs\.writeFile\(/g)?.length, 1);
    const english = JSON.parse(readFileSync(`${ROOT}/l10n/bundle.l10n.en.json`, 'utf8')) as Record<string, string>;
    for (const kind of ['exists', 'symlink', 'appeared', 'readOnly', 'place', 'noPermission', 'readOnlyDisk', 'diskFull', 'failed']) {
      const message = new RegExp(`case '${kind}':\\s*return l10n\\.t\\('([^']*)'`).exec(files)?.[1];
      assert.ok(message, kind);
      const code = /（(BG91[0-3])）$/.exec(message)?.[1];
      assert.ok(code, `${kind}: ${message}`);
      assert.ok(english[message]?.endsWith(`(${code})`), `${kind}: English`);
    }
  });
});
