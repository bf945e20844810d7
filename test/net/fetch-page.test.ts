// Downloading a page, every case served from a local server on 127.0.0.1 (no other address).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import http from 'node:http';
import {gzipSync} from 'node:zlib';
import type {AddressInfo} from 'node:net';
import {
  fetchPage,
  FetchError,
  FETCH_LIMITS,
  looksLikeUrl,
  networkReason,
  pageUrl,
} from '../../source/net/fetch-page.js';

const PAGE = '<!doctype html><title>Local</title><p>Hello from the local server.</p>';
let server: http.Server;
let base = '';
const hung: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const hops = Number(url.searchParams.get('hops') ?? 0);
    switch (url.pathname) {
      case '/page':
        response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
        return response.end(PAGE);
      case '/sjis':
        response.writeHead(200, {'content-type': 'text/html; charset=Shift_JIS'});
        return response.end(Buffer.from([0x93, 0xfa, 0x96, 0x7b]));
      case '/markdown':
        response.writeHead(200, {'content-type': 'text/markdown'});
        return response.end('# Notes\n\nText.');
      case '/hop':
        response.writeHead(302, {location: hops > 1 ? `/hop?hops=${hops - 1}` : '/page'});
        return response.end();
      case '/to-ftp':
        response.writeHead(301, {location: 'ftp://127.0.0.1/file'});
        return response.end();
      case '/missing':
        response.writeHead(404, 'Not Found');
        return response.end('no');
      case '/broken':
        response.writeHead(500, 'Internal Server Error');
        return response.end('no');
      case '/image':
        response.writeHead(200, {'content-type': 'image/png'});
        return response.end(Buffer.alloc(10));
      case '/bomb': {
        // 1 MB of gzip that unpacks to 40 MB.
        response.writeHead(200, {'content-type': 'text/html', 'content-encoding': 'gzip'});
        return response.end(gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20)));
      }
      case '/slow-answer':
        hung.push(response); // never answers
        return;
      case '/slow-body':
        response.writeHead(200, {'content-type': 'text/html'});
        response.write('<p>a start');
        hung.push(response); // never ends
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hung) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return (error as FetchError).message;
  }
  throw new Error('it did not fail');
};

describe('downloading a web page', () => {
  it('gets a page with its type, charset and address', async () => {
    const page = await fetchPage(`${base}/page`);
    expect(Buffer.from(page.bytes).toString()).toBe(PAGE);
    expect(page).toMatchObject({format: 'html', charset: 'utf-8', url: `${base}/page`});
    expect((await fetchPage(`${base}/sjis`)).charset).toBe('shift_jis');
    expect((await fetchPage(`${base}/markdown`)).format).toBe('markdown');
  });

  it('follows up to five redirects, and says so past them', async () => {
    const page = await fetchPage(`${base}/hop?hops=5`);
    expect(page.url).toBe(`${base}/page`);
    expect(await failure(fetchPage(`${base}/hop?hops=6`))).toBe('more than 5 redirects');
  });

  it('never follows a redirect to another scheme', async () => {
    expect(await failure(fetchPage(`${base}/to-ftp`))).toBe(
      'a redirect to ftp: refused (http and https only)',
    );
  });

  it('names the status of a page that is missing or broken', async () => {
    expect(await failure(fetchPage(`${base}/missing`))).toBe('HTTP 404 Not Found');
    expect(await failure(fetchPage(`${base}/broken`))).toBe('HTTP 500 Internal Server Error');
  });

  it('refuses a type it does not read, naming it', async () => {
    expect(await failure(fetchPage(`${base}/image`))).toBe(
      'not a page Broadsheet reads: image/png',
    );
  });

  it('stops a body at 16 MB after decompression (a gzip bomb)', async () => {
    expect(await failure(fetchPage(`${base}/bomb`))).toBe('page larger than 16 MB');
  });

  it('gives up on a server that does not answer, or does not finish', async () => {
    const limits = {...FETCH_LIMITS, firstByteMs: 200, totalMs: 400};
    expect(await failure(fetchPage(`${base}/slow-answer`, {limits}))).toBe(
      'no answer within 0.2 s',
    );
    expect(await failure(fetchPage(`${base}/slow-body`, {limits}))).toBe('no page within 0.4 s');
  });

  it('stops at once when asked (Esc, Ctrl-C)', async () => {
    const controller = new AbortController();
    const download = fetchPage(`${base}/slow-answer`, {signal: controller.signal});
    setTimeout(() => controller.abort(), 50);
    expect(await failure(download)).toBe('download stopped');
    const stopped = new AbortController();
    stopped.abort();
    expect(await failure(fetchPage(`${base}/page`, {signal: stopped.signal}))).toBe(
      'download stopped',
    );
  });

  it('says in one line that nothing listens on a port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const {port} = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(fetchPage(`http://127.0.0.1:${port}/`))).toBe(
      `127.0.0.1:${port} refused the connection`,
    );
  });

  it('names a host it cannot find and a TLS error in a line (their errors as fetch gives them)', () => {
    const url = new URL('https://news.example/story');
    const failed = (code: string, message = 'x') =>
      Object.assign(new TypeError('fetch failed'), {cause: {code, message}});
    expect(networkReason(failed('ENOTFOUND'), url)).toBe('cannot find the host news.example');
    expect(networkReason(failed('CERT_HAS_EXPIRED', 'certificate has expired'), url)).toBe(
      'TLS error with news.example: certificate has expired',
    );
    expect(networkReason(failed('ECONNRESET'), url)).toBe('news.example closed the connection');
  });
});

describe('a web address', () => {
  it('is told from a path by its scheme', () => {
    expect(looksLikeUrl('https://news.example/a')).toBe(true);
    expect(looksLikeUrl('ftp://files.example/a')).toBe(true);
    expect(looksLikeUrl('notes/https.txt')).toBe(false);
    expect(looksLikeUrl('C:\\articles')).toBe(false);
  });

  it('is read only over http and https, and a malformed one is a usage error', () => {
    expect(pageUrl('https://news.example/a').href).toBe('https://news.example/a');
    for (const [address, message] of [
      ['ftp://files.example/a', 'only http and https pages are read (got ftp:)'],
      ['http://', 'not a web address: http://'],
      ['https://exa mple.com/', 'not a web address: https://exa mple.com/'],
    ] as const) {
      expect(() => pageUrl(address)).toThrow(message);
      try {
        pageUrl(address);
      } catch (error) {
        expect((error as FetchError).usage).toBe(true);
      }
    }
  });
});
