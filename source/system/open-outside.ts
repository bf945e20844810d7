import {spawn} from 'node:child_process';

/**
 * The command that opens a link outside: $BROWSER (its first entry; `%s` is the link, else the
 * link goes last), else xdg-open, or open on macOS, or start on Windows.
 */
export function openerFor(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): {command: string; args: string[]} {
  const browser = (env['BROWSER'] ?? '').split(':')[0]!.trim();
  if (browser !== '') {
    const [command, ...args] = browser.split(/\s+/u);
    const given = args.some((arg) => arg.includes('%s'));
    return {
      command: command!,
      args: given ? args.map((arg) => arg.replaceAll('%s', url)) : [...args, url],
    };
  }
  if (platform === 'darwin') return {command: 'open', args: [url]};
  if (platform === 'win32') return {command: 'cmd', args: ['/c', 'start', '""', url]};
  return {command: 'xdg-open', args: [url]};
}

/**
 * Hands a link to the system's opener, detached (it outlives Broadsheet, and never writes to
 * its terminal); resolves to why it could not, or undefined once it has started.
 */
export function openOutside(url: string): Promise<string | undefined> {
  const {command, args} = openerFor(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, {detached: true, stdio: 'ignore'});
      child.once('error', (error: NodeJS.ErrnoException) =>
        resolve(
          error.code === 'ENOENT'
            ? `cannot open the link: no ${command} here (set $BROWSER)`
            : `cannot open the link: ${error.message}`,
        ),
      );
      child.once('spawn', () => {
        child.unref();
        resolve(undefined);
      });
    } catch (error) {
      resolve(`cannot open the link: ${(error as Error).message}`);
    }
  });
}
