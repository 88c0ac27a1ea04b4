// Whether a file lies inside one of some folders, judged on real paths: `..`, symbolic links
// and letter case (on case-insensitive systems, via realpath) cannot lead outside unnoticed.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

function real(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file); // not there (yet): judged by its name
  }
}

export function isInsideFolders(file: string, folders: readonly string[]): boolean {
  const target = real(file);
  return folders.some((folder) => {
    const relative = path.relative(real(folder), target);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}
