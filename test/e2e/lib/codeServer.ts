// Starts code-server (VS Code 1.x in a browser) on a free 127.0.0.1 port with a
// throwaway user-data-dir and extensions-dir, and stops it (whole process group).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findCodeServer } from './env';

export const HOST = '127.0.0.1';

/** User settings that keep the workbench quiet and deterministic for tests. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'window.commandCenter': true,
};

export interface CodeServerOptions {
  /** Folder to open (passed as the last argument and as ?folder= by the caller). */
  folder: string;
  /** Merged over QUIET_SETTINGS into <user-data-dir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Extra code-server arguments (e.g. --disable-workspace-trust, --vscode-option X). */
  args?: string[];
  /** Extra environment for the server, and so for the extension host it forks. */
  env?: Record<string, string>;
  /** Server log file (stdout+stderr). */
  logFile: string;
  /** .vsix files to install (code-server --install-extension) before the server starts. */
  installExtensions?: string[];
  /** How long to wait for /healthz. */
  startTimeoutMs?: number;
  /** Files to write into the user-data-dir before the server starts (relative path → content). */
  userDataFiles?: Record<string, string>;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  /** Authority VS Code uses for vscode-remote:// URIs (the Host header the browser sends). */
  authority: string;
  userDataDir: string;
  extensionsDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function get(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const live = new Set<RunningCodeServer>();
const tempDirs = new Set<string>();
let hooked = false;

/** Removes a temp dir when this process exits (also after SIGINT/SIGTERM), unless removed earlier. */
export function removeOnExit(dir: string): string {
  tempDirs.add(dir);
  hookExit();
  return dir;
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const s of live) {
      try {
        if (s.process.pid) process.kill(-s.process.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  };
  process.on('exit', killAll);
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(code);
    });
  }
}

export async function startCodeServer(opts: CodeServerOptions): Promise<RunningCodeServer> {
  const cs = findCodeServer();
  const port = await freePort();
  const root = removeOnExit(mkdtempSync(path.join(os.tmpdir(), 'baogao-e2e-cs-')));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings ?? {}) }, null, 2),
  );

  for (const [rel, content] of Object.entries(opts.userDataFiles ?? {})) {
    mkdirSync(path.dirname(path.join(userDataDir, rel)), { recursive: true });
    writeFileSync(path.join(userDataDir, rel), content);
  }

  // code-server's own config file; without --config it would create ~/.config/code-server/config.yaml.
  const configFile = path.join(root, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const args = [
    cs.entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(opts.args ?? []),
    opts.folder,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // No extension gallery: code-server would otherwise query open-vsx.org from the
    // server (recommendations, update checks). Without a serviceUrl VS Code treats
    // the gallery as absent, so nothing leaves 127.0.0.1.
    EXTENSIONS_GALLERY: '{}',
    // Keep code-server's own files (coder-logs, state) out of $HOME.
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    ...(opts.env ?? {}),
  };
  // Inherited VS Code variables (when run from a VS Code terminal) would make the
  // server talk to that VS Code instead.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  delete env.ELECTRON_RUN_AS_NODE;

  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  for (const vsix of opts.installExtensions ?? []) {
    // Same user-data-dir/extensions-dir/config as the server below.
    try {
      execFileSync(cs.node, [
        cs.entry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
        '--install-extension', path.resolve(vsix),
      ], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      rmSync(root, { recursive: true, force: true });
      throw new Error(`code-server --install-extension ${vsix} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
  const log = createWriteStream(opts.logFile);
  log.write(`$ ${cs.node} ${args.join(' ')}\n`);
  const child = spawn(cs.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exited: string | null = null;
  child.on('exit', (code, sig) => {
    exited = `code-server exited early (code ${code}, signal ${sig}); log: ${opts.logFile}`;
  });

  const url = `http://${HOST}:${port}`;
  const server: RunningCodeServer = {
    url,
    port,
    authority: `${HOST}:${port}`,
    userDataDir,
    extensionsDir,
    process: child,
    async stop() {
      live.delete(server);
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5000);
        await gone;
        clearTimeout(t);
      }
      // Children (extension host, pty host) share the process group; make sure none survive.
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* none left */
      }
      log.end();
      rmSync(root, { recursive: true, force: true });
    },
  };
  live.add(server);
  hookExit();

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) {
      await server.stop();
      throw new Error(`${exited}\n${tail(opts.logFile)}`);
    }
    if ((await get(`${url}/healthz`, 2000)) === 200) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`code-server did not answer ${url}/healthz within ${opts.startTimeoutMs ?? 60_000} ms; log: ${opts.logFile}\n${tail(opts.logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

/** vscode-remote URI for a path on the server, as the browser workbench expects it. */
export function remoteUri(server: RunningCodeServer, fsPath: string): string {
  const p = path.resolve(fsPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${server.authority}${p}`;
}
