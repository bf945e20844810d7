import os from 'node:os';
import path from 'node:path';

type Place = {
  /** The XDG variable for it on Linux and other Unix, and its fallback under the home folder. */
  xdg: 'XDG_STATE_HOME' | 'XDG_CACHE_HOME';
  home: string[];
  darwin: string[];
  win32: string[];
};

const STATE: Place = {
  xdg: 'XDG_STATE_HOME',
  home: ['.local', 'state'],
  darwin: ['Library', 'Application Support'],
  win32: [],
};
const CACHE: Place = {
  xdg: 'XDG_CACHE_HOME',
  home: ['.cache'],
  darwin: ['Library', 'Caches'],
  win32: ['cache'],
};

/** Broadsheet's folder of a kind: the platform's own place for it, XDG's on Linux and Unix. */
function folderFor(
  place: Place,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'darwin') return path.join(home, ...place.darwin, 'broadsheet');
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local');
    return path.join(local, 'broadsheet', ...place.win32);
  }
  const base = env[place.xdg];
  return path.join(
    base && path.isAbsolute(base) ? base : path.join(home, ...place.home),
    'broadsheet',
  );
}

/**
 * The folder for Broadsheet's state: $BROADSHEET_STATE_DIR, else $XDG_STATE_HOME/broadsheet,
 * else ~/.local/state/broadsheet on Linux and other Unix; the platform's own place on macOS
 * and Windows.
 */
export function stateDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  return env['BROADSHEET_STATE_DIR'] || folderFor(STATE, env, platform, home);
}

/** The folder for what Broadsheet keeps only to be quicker ($XDG_CACHE_HOME/broadsheet…). */
export function cacheDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  return folderFor(CACHE, env, platform, home);
}
