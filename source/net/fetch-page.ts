import {charsetOf} from '../article/decode.js';
import type {Format} from '../article/formats.js';

/** How far a download may go: redirects, time and size. */
export type FetchLimits = {
  redirects: number;
  /** Until the response's headers arrive, in ms. */
  firstByteMs: number;
  /** For the whole download, in ms. */
  totalMs: number;
  /** Bytes of body, counted after decompression (a gzip bomb stops here). */
  maxBytes: number;
};

export const FETCH_LIMITS: FetchLimits = {
  redirects: 5,
  firstByteMs: 15_000,
  totalMs: 60_000,
  maxBytes: 16 * 1024 * 1024,
};

/** A page as it was downloaded. */
export type FetchedPage = {
  bytes: Uint8Array;
  /** Where it was found, after redirects. */
  url: string;
  format: Format;
  /** The charset the server declared, if it did. */
  charset?: string;
};

/** A download that could not be done, in one line; `usage` for an address that is no URL. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/** Content types read, and as what. */
const TYPES: Record<string, Format> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** Whether `text` is meant as a web address (a scheme and //), rather than a path. */
export function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(text.trim());
}

/** The address as a URL Broadsheet may fetch: http or https only. */
export function pageUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError(`not a web address: ${text}`, true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`only http and https pages are read (got ${url.protocol})`, true);
  }
  return url;
}

/** Why a request failed before any answer, in a few words (DNS, refused, TLS, timeout). */
export function networkReason(error: unknown, url: URL): string {
  const cause = (error as {cause?: {code?: string; message?: string}}).cause;
  const code = cause?.code ?? (error as {code?: string}).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot find the host ${url.hostname}`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  if (code === 'ECONNRESET') return `${url.host} closed the connection`;
  if (code === 'UND_ERR_SOCKET') return `${url.host} closed the connection`;
  if (/CERT|SSL|TLS|ERR_TLS/i.test(code) || /certificate|TLS|SSL/i.test(cause?.message ?? '')) {
    return `TLS error with ${url.host}: ${cause?.message ?? code}`;
  }
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Downloads a web page with Node's fetch, on a short leash: http and https only, at most
 * `redirects` redirects (each checked, never to another scheme), `firstByteMs` for the
 * answer and `totalMs` in all, at most `maxBytes` of body after decompression, and only the
 * types Broadsheet reads. Aborting `signal` (Esc, Ctrl-C) stops it at once. `progress` hears
 * the bytes so far. Every failure is a FetchError of one line.
 */
export async function fetchPage(
  address: string,
  {
    signal,
    progress,
    limits = FETCH_LIMITS,
  }: {signal?: AbortSignal; progress?: (bytes: number) => void; limits?: FetchLimits} = {},
): Promise<FetchedPage> {
  let url = pageUrl(address);
  const controller = new AbortController();
  let why: string | undefined;
  const stop = (reason: string) => {
    why ??= reason;
    controller.abort();
  };
  const onAbort = () => stop('download stopped');
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) onAbort();
  const total = setTimeout(() => stop(`no page within ${limits.totalMs / 1000} s`), limits.totalMs);
  let firstByte = setTimeout(
    () => stop(`no answer within ${limits.firstByteMs / 1000} s`),
    limits.firstByteMs,
  );
  try {
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      // Offline (BROADSHEET_OFFLINE): nothing but this machine's own addresses is asked.
      if (process.env['BROADSHEET_OFFLINE'] && !isLoopback(url.hostname)) {
        throw new FetchError(`offline (BROADSHEET_OFFLINE is set): ${url.host} is not asked`);
      }
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            accept: 'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8',
            'user-agent': 'Broadsheet (a terminal reader)',
          },
        });
      } catch (error) {
        throw new FetchError(why ?? networkReason(error, url));
      }
      if (response.status < 300 || response.status >= 400) break;
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FetchError(`HTTP ${response.status} with nowhere to go`);
      if (redirects >= limits.redirects) {
        throw new FetchError(`more than ${limits.redirects} redirects`);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchError(`a redirect to a bad address: ${location}`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FetchError(`a redirect to ${next.protocol} refused (http and https only)`);
      }
      url = next;
      // Each hop gets the time for a first byte afresh.
      clearTimeout(firstByte);
      firstByte = setTimeout(
        () => stop(`no answer within ${limits.firstByteMs / 1000} s`),
        limits.firstByteMs,
      );
    }
    clearTimeout(firstByte);
    if (!response.ok) {
      await response.body?.cancel();
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw new FetchError(`HTTP ${response.status}${text}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const format = TYPES[type];
    if (!format) {
      await response.body?.cancel();
      throw new FetchError(`not a page Broadsheet reads: ${type || 'no content type'}`);
    }
    const bytes = await readCapped(response, limits.maxBytes, progress, () => why);
    return {bytes, url: url.href, format, charset: charsetOf(contentType)};
  } finally {
    clearTimeout(total);
    clearTimeout(firstByte);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The body, read as a stream and counted as it comes: past `max` bytes it is given up. */
async function readCapped(
  response: Response,
  max: number,
  progress: ((bytes: number) => void) | undefined,
  stopped: () => string | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new FetchError(`page larger than ${Math.round(max / 1024 / 1024)} MB`);
      }
      chunks.push(value);
      progress?.(size);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(stopped() ?? (error instanceof Error ? error.message : String(error)));
  }
  return Buffer.concat(chunks);
}

/** Whether a host name is this machine's own (localhost, 127.0.0.0/8, ::1). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/u.test(hostname) || hostname === '[::1]';
}
