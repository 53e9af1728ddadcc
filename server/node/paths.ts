// Paths as the core writes them ('/'-separated, absolute) and as the system does, and whether one is
// inside a folder. A module of its own: the renderer needs these without the workspace (and the grammar).
import * as path from 'node:path';

/** Converts an OS path to the '/'-separated absolute form the core uses (Windows drive letters kept). */
export function toCorePath(osPath: string): string {
  const absolute = path.resolve(osPath).replace(/\\/g, '/');
  return absolute.startsWith('/') ? absolute : `/${absolute}`;
}

export function toOsPath(corePath: string): string {
  return process.platform === 'win32' ? corePath.replace(/^\/([A-Za-z]:)/, '$1') : corePath;
}

/** Is `inner` the folder `outer` or inside it? Compared by path segments: /a/bc is not inside /a/b. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
