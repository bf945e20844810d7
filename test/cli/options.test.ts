// The command line as meow parses it (its argv option: no process.argv touched).
import {describe, expect, it} from 'vitest';
import {parseOptions, UsageError} from '../../source/cli/options.js';

const parse = (...argv: string[]) => parseOptions(argv, 'help', '1.2.3');

describe('the command line', () => {
  it('takes a PATH or a command and its flags', () => {
    expect(parse()).toMatchObject({
      input: [],
      json: false,
      print: false,
      color: true,
      fresh: false,
    });
    expect(parse('list', 'articles', '--json')).toMatchObject({
      input: ['list', 'articles'],
      json: true,
    });
    expect(
      parse('story.txt', '--print', '--width', '60', '--theme', 'light', '--fresh'),
    ).toMatchObject({
      input: ['story.txt'],
      print: true,
      width: 60,
      theme: 'light',
      fresh: true,
    });
    expect(parse('--width=40').width).toBe(40);
    expect(parse('--no-color').color).toBe(false);
    expect(parse('-h').help).toBe(true);
    expect(parse('--version').version).toBe(true);
  });

  it('says in one line what is wrong with an unknown flag or a bad value', () => {
    const usage = (...argv: string[]) => {
      try {
        parse(...argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(usage('--bogus')).toBe('unknown flag --bogus (see --help)');
    expect(usage('-x')).toBe('unknown flag -x (see --help)');
    expect(usage('--width', 'wide')).toBe(
      '--width takes a whole number of columns, at least 20 (got wide)',
    );
    expect(usage('--width', '10')).toBe(
      '--width takes a whole number of columns, at least 20 (got 10)',
    );
    expect(usage('--width')).toBe('--width needs a number of columns');
    expect(usage('--theme', 'neon')).toBe('--theme takes dark, light or mono (got neon)');
  });
});
