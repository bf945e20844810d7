import os from 'node:os';
import path from 'node:path';

type Place = {
  /** The XDG variable for it on Linux and other Unix, and its fallback under the home folder. */
  xdg: 'XDG_STATE_HOME' | 'XDG_CACHE_HOME' | 'XDG_DATA_HOME' | 'XDG_CONFIG_HOME';
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

const DATA: Place = {
  xdg: 'XDG_DATA_HOME',
  home: ['.local', 'share'],
  darwin: ['Library', 'Application Support'],
  win32: [],
};

const CONFIG: Place = {
  xdg: 'XDG_CONFIG_HOME',
  home: ['.config'],
  darwin: ['Library', 'Application Support'],
  win32: [],
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

/**
 * The reader's own library, where pages are saved: $BROADSHEET_DIR, else
 * $XDG_DATA_HOME/broadsheet/articles, else ~/.local/share/broadsheet/articles on Linux and other
 * Unix; the platform's own place on macOS and Windows. (Made on the first save.)
 */
export function libraryDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  return env['BROADSHEET_DIR'] || path.join(folderFor(DATA, env, platform, home), 'articles');
}

/**
 * The config file: $BROADSHEET_CONFIG, else $XDG_CONFIG_HOME/broadsheet/config.yaml, else
 * ~/.config/broadsheet/config.yaml on Linux and other Unix; in the platform's own place (the
 * state's) on macOS and Windows.
 */
export function configFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  return (
    env['BROADSHEET_CONFIG'] || path.join(folderFor(CONFIG, env, platform, home), 'config.yaml')
  );
}
