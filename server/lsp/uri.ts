// file:// URIs (as VS Code writes them) ↔ the core's '/'-separated absolute paths.
// VS Code percent-encodes every character outside [A-Za-z0-9-._~/] (Chinese names included) and writes
// Windows drives as `/c%3A/…`; clients that are not VS Code may send `C:` unencoded or leave Chinese as is.

/** The core path of a file: URI, or undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  const match = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!match) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(match[2] ?? '/');
  } catch {
    path = match[2] ?? '/';
  }
  path = path.replace(/\\/g, '/');
  // Windows drive letters: /c:/x and /C:/x are the same file; keep the drive upper-case in core paths.
  path = path.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toUpperCase()}:`);
  const authority = match[1];
  return authority && authority !== 'localhost' ? `//${authority}${path}` : path;
}

/** A file: URI for a core path, encoded as VS Code encodes it. */
export function pathToUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (!p.startsWith('/')) p = `/${p}`;
  let authority = '';
  if (p.startsWith('//')) {
    const slash = p.indexOf('/', 2);
    authority = slash < 0 ? p.slice(2) : p.slice(2, slash);
    p = slash < 0 ? '/' : p.slice(slash);
  }
  const drive = /^\/([A-Za-z]):/.exec(p);
  if (drive) p = `/${drive[1]!.toLowerCase()}:${p.slice(3)}`;
  const encoded = p
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `file://${authority}${encoded}`;
}
