import { describe, expect, it } from 'vitest';
import { KERNEL_FUNCS, LOG_LEVEL_NUMBER, type LogLevel } from './abi';
import { ExtismError } from './errors';
import { createExtismHost } from './kernel';
import { loadPlugin } from './testdata/plugin';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => new TextDecoder().decode(b ?? new Uint8Array(0));

describe('createExtismHost imports', () => {
  it('implements every function of the ABI table with its arity', () => {
    const host = createExtismHost();
    for (const [name, type] of Object.entries(KERNEL_FUNCS)) {
      const fn = host.imports[name];
      expect(typeof fn, name).toBe('function');
      expect((fn as (...args: unknown[]) => unknown).length, name).toBe(type.params.length);
    }
    expect(Object.keys(host.imports).sort()).toEqual(Object.keys(KERNEL_FUNCS).sort());
  });
});

describe('count vowels with config and a var', () => {
  it('counts, reads config, and keeps the total in the caller’s Map across calls', async () => {
    const vars = new Map<string, Uint8Array>();
    const plugin = await loadPlugin({ vars });
    expect(JSON.parse(plugin.text('count_vowels', 'Hello, World!'))).toEqual({ count: 3, total: 3, vowels: 'aeiouAEIOU' });
    expect(JSON.parse(plugin.text('count_vowels', 'aaa'))).toEqual({ count: 3, total: 6, vowels: 'aeiouAEIOU' });
    const total = vars.get('total');
    expect(total && new DataView(total.buffer, total.byteOffset).getBigUint64(0, true)).toBe(6n);

    // a second instance over the same Map continues the total; config changes the vowel set
    const other = await loadPlugin({ vars, config: { vowels: 'o' } });
    expect(JSON.parse(other.text('count_vowels', 'Hello, World!'))).toEqual({ count: 2, total: 8, vowels: 'o' });
  });

  it('var_set with value 0 deletes the var', async () => {
    const vars = new Map([['total', new Uint8Array(8)]]);
    const plugin = await loadPlugin({ vars });
    plugin.text('var_delete');
    expect(vars.has('total')).toBe(false);
  });

  it('var_get returns a copy, 0 when absent', async () => {
    const vars = new Map([['greeting', bytes('hi')]]);
    const plugin = await loadPlugin({ vars });
    expect(plugin.text('var_echo', 'greeting')).toBe('hi');
    expect(plugin.call('var_echo', 'nope')).toEqual({ rc: 1, output: null, error: null });
  });
});

describe('input and output', () => {
  it('echoes bytes through input_load_u64/u8 and through input_offset + load_u64/u8', async () => {
    const plugin = await loadPlugin();
    const input = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    expect(plugin.call('echo', input).output).toEqual(input);
    expect(plugin.call('echo_c', input).output).toEqual(input);
    expect(plugin.call('echo', new Uint8Array(0)).output).toEqual(new Uint8Array(0));
    expect(plugin.call('echo', 'abc').output).toEqual(bytes('abc'));
  });

  it('outputs 1 MB', async () => {
    const plugin = await loadPlugin();
    const input = Uint8Array.from({ length: 1024 * 1024 }, (_, i) => i % 251);
    const { rc, output } = plugin.call('echo', input);
    expect(rc).toBe(0);
    expect(output?.length).toBe(input.length);
    // toEqual walks 1 MB element by element for seconds; compare as buffers instead
    expect(output && Buffer.compare(output, input)).toBe(0);
  });

  it('takeOutput is null when the plugin set none, and forgets after taking', async () => {
    const plugin = await loadPlugin();
    plugin.host.reset(bytes('x'));
    expect(plugin.host.takeOutput()).toBeNull();
    plugin.call('echo', 'x');
    expect(plugin.host.takeOutput()).toBeNull();
  });

  it('frees the blocks of a call at the next reset', async () => {
    const plugin = await loadPlugin();
    plugin.call('echo', new Uint8Array(4096));
    expect(plugin.host.memoryUsed()).toBeGreaterThanOrEqual(2 * 4096);
    plugin.host.reset(new Uint8Array(0));
    expect(plugin.host.memoryUsed()).toBe(8); // the empty input block
  });
});

describe('config_get', () => {
  it('returns the value, 0 for a missing key, and ignores inherited properties', async () => {
    const plugin = await loadPlugin({ config: { greeting: 'héllo' } });
    expect(plugin.text('config_echo', 'greeting')).toBe('héllo');
    expect(plugin.call('config_echo', 'missing')).toEqual({ rc: 1, output: null, error: null });
    expect(plugin.call('config_echo', 'constructor').rc).toBe(1);
    expect(plugin.call('config_echo', '__proto__').rc).toBe(1);
  });
});

describe('plugins built with older PDKs', () => {
  it('survive freeing a key block the host already took over', async () => {
    const plugin = await loadPlugin({ config: { vowels: 'xyz' } });
    expect(plugin.call('stale_free')).toEqual({ rc: 0, output: bytes('xyz'), error: null });
  });
});

describe('error_set', () => {
  it('records the message for takeError', async () => {
    const plugin = await loadPlugin();
    expect(plugin.call('fail')).toEqual({ rc: 1, output: null, error: 'boom: something went wrong' });
    expect(plugin.host.takeError()).toBeNull();
    expect(plugin.call('echo', 'ok').error).toBeNull();
  });
});

describe('logs', () => {
  const run = async (logLevel: LogLevel) => {
    const lines: string[] = [];
    const plugin = await loadPlugin({ logLevel, log: (level, message) => lines.push(`${level}:${message}`) });
    return { level: plugin.text('log_all'), lines };
  };

  it('passes levels at or above the chosen one and answers get_log_level with the SDK numbers', async () => {
    expect(await run('trace')).toEqual({ level: '0', lines: ['trace:trace', 'debug:debug', 'info:info', 'warn:warn', 'error:error'] });
    expect(await run('info')).toEqual({ level: '2', lines: ['info:info', 'warn:warn', 'error:error'] });
    expect(await run('error')).toEqual({ level: '4', lines: ['error:error'] });
    expect(await run('off')).toEqual({ level: String(0x7fffffff), lines: [] });
    expect(LOG_LEVEL_NUMBER).toEqual({ trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 2147483647 });
  });

  it('update changes the level and the config for later calls', async () => {
    const lines: string[] = [];
    const plugin = await loadPlugin({ logLevel: 'error', log: (level) => lines.push(level), config: { a: '1' } });
    plugin.text('log_all');
    plugin.host.update({ logLevel: 'warn', config: { a: '2' } });
    expect(plugin.text('log_all')).toBe('3');
    expect(lines).toEqual(['error', 'warn', 'error']);
    expect(plugin.text('config_echo', 'a')).toBe('2');
  });

  it('frees log blocks, filtered or not', async () => {
    const plugin = await loadPlugin({ logLevel: 'warn' });
    plugin.call('log_all');
    // input block + output block remain; the five messages were freed
    expect(plugin.host.memoryUsed()).toBe(8 + 8);
  });
});

describe('limits', () => {
  it('ends the call with a clear error at the kernel memory cap', async () => {
    const plugin = await loadPlugin({ maxKernelBytes: 1024 * 1024 });
    let caught: unknown;
    try {
      plugin.call('alloc_forever');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExtismError);
    expect((caught as ExtismError).kind).toBe('memory');
    expect((caught as Error).message).toMatch(/^alloc\(65536\): the plugin allocated more than 1 MiB of host memory \(limit 1048576 bytes/);
    // the next call starts clean
    expect(plugin.text('echo', 'again')).toBe('again');
  });

  it('ends the call when vars would exceed maxVarBytes, and leaves the store as it was', async () => {
    const vars = new Map<string, Uint8Array>([['total', new Uint8Array(8)]]);
    const plugin = await loadPlugin({ vars, maxVarBytes: 1000 });
    plugin.text('var_big', new Uint8Array(900));
    expect(vars.get('big')?.length).toBe(900);
    // replacing "big" counts its new size, not old + new; values only (as the JS SDK): 8 + 992 = 1000
    plugin.text('var_big', new Uint8Array(992));
    expect(() => plugin.call('var_big', new Uint8Array(993))).toThrow('var_set: var values would take 1001 bytes, over the 1000-byte limit');
    expect(vars.get('big')?.length).toBe(992);
  });

  it('reports vars as disabled when maxVarBytes is 0', async () => {
    const plugin = await loadPlugin({ maxVarBytes: 0 });
    expect(() => plugin.call('var_big', 'x')).toThrow(/vars are disabled/);
  });

  it('traps with the offset when a plugin reads outside kernel memory', async () => {
    const plugin = await loadPlugin();
    expect(() => plugin.call('load_out_of_bounds')).toThrow(/^load_u8: offset 2147483647 is outside kernel memory/);
  });
});

describe('kernel functions called directly', () => {
  type Fn = (...args: unknown[]) => unknown;
  const fns = (host: ReturnType<typeof createExtismHost>) => host.imports as Record<string, Fn>;

  it('reads i64 offsets as unsigned and rejects input reads past the end', () => {
    const host = createExtismHost({ input: bytes('abc') });
    const k = fns(host);
    expect(k.input_length?.()).toBe(3n);
    expect(k.input_load_u8?.(2n)).toBe('c'.charCodeAt(0));
    expect(() => k.input_load_u8?.(3n)).toThrow('input_load_u8: offset 3 is past the end of the input (3 bytes)');
    expect(() => k.input_load_u64?.(0n)).toThrow(/input_load_u64: offset 0 is past the end/);
    expect(() => k.load_u8?.(-1n)).toThrow(/offset 18446744073709552000 is outside kernel memory/);
    expect(k.alloc?.(0n)).toBeGreaterThan(0n);
    expect(() => k.alloc?.(-1n)).toThrow(/more than 256 MiB/);
  });

  it('output_set accepts (0, 0) as empty output and interior offsets within a block', () => {
    const host = createExtismHost();
    const k = fns(host);
    k.output_set?.(0n, 0n);
    expect(host.takeOutput()).toEqual(new Uint8Array(0));
    const block = k.alloc?.(4n) as bigint;
    for (let i = 0n; i < 4n; i++) k.store_u8?.(block + i, 65 + Number(i));
    k.output_set?.(block + 1n, 2n);
    expect(text(host.takeOutput())).toBe('BC');
    expect(k.output_offset?.()).toBe(block + 1n);
    expect(() => k.output_set?.(block, 1n << 40n)).toThrow(/output_set: \d+ bytes at offset \d+ are outside kernel memory/);
  });

  it('error_set(0) clears the error; error_get answers its offset', () => {
    const host = createExtismHost();
    const k = fns(host);
    const msg = k.alloc?.(1n) as bigint;
    k.store_u8?.(msg, 120);
    k.error_set?.(msg);
    expect(k.error_get?.()).toBe(msg);
    k.error_set?.(0n);
    expect(host.takeError()).toBeNull();
    expect(() => k.error_set?.(msg + 1n)).toThrow(/error_set: offset \d+ is not an allocated block/);
  });

  it('var_set keeps the key and value blocks (as the JS SDK): the plugin may read the key again', () => {
    const vars = new Map<string, Uint8Array>();
    const host = createExtismHost({ vars });
    const k = fns(host);
    const block = (text: string) => {
      const at = k.alloc?.(BigInt(text.length)) as bigint;
      [...text].forEach((c, i) => k.store_u8?.(at + BigInt(i), c.charCodeAt(0)));
      return at;
    };
    const key = block('total');
    const value = block('42');
    k.var_set?.(key, value);
    expect(new TextDecoder().decode(vars.get('total'))).toBe('42');
    expect(k.length?.(key)).toBe(5n);
    const got = k.var_get?.(key) as bigint;
    expect(k.length?.(got)).toBe(2n);
  });

  it('forgets the input when its block is freed, as the kernel does', () => {
    const host = createExtismHost({ input: bytes('abc') });
    const k = fns(host);
    k.free?.(k.input_offset?.());
    expect(k.input_length?.()).toBe(0n);
  });
});
