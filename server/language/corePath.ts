// Paths in the core's form ('/'-separated, absolute; server/node/paths.ts converts from the system's):
// pure string work, a module of its own so that the renderer has them without the workspace's parser.

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function basename(path: string, extension = ''): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return extension && base.endsWith(extension) ? base.slice(0, -extension.length) : base;
}

/** Joins a relative path onto a folder; an absolute path is returned as is. Resolves `.` and `..`. */
export function resolvePath(folder: string, relative: string): string {
  const parts = (relative.startsWith('/') ? relative : `${folder}/${relative}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The path of `target` relative to `folder` ('/'-separated, both absolute): `../2020/桂圩镇.bg`. */
export function relativePath(folder: string, target: string): string {
  const from = resolvePath('/', folder).split('/').filter(Boolean);
  const to = resolvePath('/', target).split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  // Different roots (another drive): only an absolute path reaches it.
  if (common === 0 && from.length && to.length && from[0] !== to[0]) return target;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
