import { describe, expect, it } from 'vitest';
import { useEmbed } from './embedStore';
import { useSettings } from './settingsStore';

describe('embed consent store', () => {
  it('never asks for, grants or stores an opaque origin', async () => {
    expect(useEmbed.getState().status('null')).toBe('denied');
    await expect(useEmbed.getState().ask('null')).resolves.toBe(false);
    expect(useEmbed.getState().pending).toEqual([]);
    useEmbed.getState().answer('null', true);
    expect(useSettings.getState().embedOrigins).toEqual([]);
    // Even a grant stored by an older version does not count.
    useSettings.setState({ embedOrigins: ['null'] });
    expect(useEmbed.getState().status('null')).toBe('denied');
    useSettings.setState({ embedOrigins: [] });
  });

  it('asks once for a real origin and remembers the answer', async () => {
    const origin = 'https://course.example';
    expect(useEmbed.getState().status(origin)).toBe('unknown');
    const first = useEmbed.getState().ask(origin);
    const second = useEmbed.getState().ask(origin);
    expect(useEmbed.getState().pending).toEqual([origin]);
    useEmbed.getState().answer(origin, true);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(useSettings.getState().embedOrigins).toEqual([origin]);
    expect(useEmbed.getState().status(origin)).toBe('allowed');
  });
});
