/** The formats Broadsheet reads an article in. */
export const FORMATS = ['text', 'markdown', 'html', 'epub'] as const;
export type Format = (typeof FORMATS)[number];

/** What a file's name says it is, as editors and browsers decide. */
const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.epub': 'epub',
};

/** Documents people keep beside their articles that Broadsheet does not read, and what they are. */
const NOT_READ: Record<string, string> = {
  '.pdf': 'PDF',
  '.doc': 'Word document',
  '.docx': 'Word document',
  '.odt': 'OpenDocument text',
  '.rtf': 'RTF document',
  '.mobi': 'Kindle book',
  '.azw': 'Kindle book',
  '.azw3': 'Kindle book',
};

function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** The format a file is read in, by its name; undefined for a file that is no article. */
export function formatOfFile(file: string): Format | undefined {
  return BY_EXTENSION[extensionOf(file)];
}

/**
 * Why a document Broadsheet does not read is not opened (listed dimmed, refused by name);
 * undefined for any other file.
 */
export function unreadDocument(file: string): string | undefined {
  const kind = NOT_READ[extensionOf(file)];
  return kind && `${kind}: not a format Broadsheet reads`;
}

const HTML_START =
  /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b/i;
const MARKDOWN_SIGNS = [
  /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/, // front matter
  /^#{1,6}[ \t]+\S/m, // an ATX heading
  /^(?:```|~~~)/m, // a fenced code block
  /\[[^\]\n]+\]\((?:https?:|mailto:|\/|\.{0,2}\/|#)[^)\s]*\)/, // a link
  /(?:^|\s)\*\*[^*\n]+\*\*(?:\s|[.,;:!?]|$)/m, // strong
];

/**
 * The format of text that came without a name (piped in, or a page with no type): a web page
 * by its opening tags, Markdown by its marks (front matter, a heading, a fence, a link, strong
 * text), else plain text.
 */
export function sniffFormat(text: string): Format {
  const start = text.slice(0, 4096);
  if (HTML_START.test(start)) return 'html';
  if (MARKDOWN_SIGNS.some((sign) => sign.test(start))) return 'markdown';
  return 'text';
}

const EPUB_SIGN = 'mimetypeapplication/epub+zip';

/** Whether bytes that came without a name are an EPUB: a zip that opens with its mimetype. */
export function looksLikeEpub(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) return false;
  return Buffer.from(bytes.subarray(30, 30 + EPUB_SIGN.length)).toString('latin1') === EPUB_SIGN;
}
