// The bench scripts' one reader of `--name=value` options.
import { describe, expect, it } from 'vitest';
import { argValue } from '../../../bench/cliArg.ts';

describe('argValue', () => {
  const argv = ['node', 'bench/run.ts', '--only=steps,idle', '--rates=', '--notes=5000', '--notesx=1'];

  it('reads the value after the name and its equals sign', () => {
    expect(argValue('only', argv)).toBe('steps,idle');
    expect(argValue('notes', argv)).toBe('5000');
  });

  it('gives undefined for an option not given, and an empty string for one given empty', () => {
    expect(argValue('sizes', argv)).toBeUndefined();
    expect(argValue('note', argv)).toBeUndefined();
    expect(argValue('rates', argv)).toBe('');
  });
});
