import type {ReadStream} from 'node:tty';

/**
 * The terminal's input from the very start of the interactive path: raw mode at once, so keys
 * typed ahead are neither echoed nor cooked, and every chunk kept until the app takes it.
 */
export class Keyboard {
  private readonly waiting: string[] = [];
  private consumer: ((chunk: string) => void) | undefined;
  private reading = false;

  constructor(private readonly stream: ReadStream) {}

  start(): this {
    if (this.reading) return this;
    this.reading = true;
    if (this.stream.isTTY) this.stream.setRawMode(true);
    this.stream.setEncoding('utf8');
    this.stream.on('data', this.receive);
    this.stream.resume();
    return this;
  }

  /** Hands every chunk so far, then each as it comes, to `consumer`. */
  connect(consumer: (chunk: string) => void): void {
    this.consumer = consumer;
    for (const chunk of this.waiting.splice(0)) consumer(chunk);
  }

  /**
   * Takes the keys from whoever had them, putting `chunks` (theirs, not used) back first in
   * line for the next consumer: keys typed while a page downloads are kept for the reader.
   */
  disconnect(chunks: string[] = []): void {
    this.consumer = undefined;
    this.waiting.unshift(...chunks);
  }

  /** Gives the terminal back its line discipline and lets the process end. */
  stop(): void {
    if (!this.reading) return;
    this.reading = false;
    this.consumer = undefined;
    this.stream.off('data', this.receive);
    try {
      if (this.stream.isTTY && this.stream.isRaw) this.stream.setRawMode(false);
    } catch {
      // The terminal may be gone (SIGHUP): nothing is left to restore.
    }
    this.stream.pause();
    this.stream.unref();
  }

  private readonly receive = (chunk: string | Buffer): void => {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (this.consumer) this.consumer(text);
    else this.waiting.push(text);
  };
}
