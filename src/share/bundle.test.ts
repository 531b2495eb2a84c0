import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url';
import { buildBundleHtml, bundleFileName, hasBundleFlag } from './bundle';

describe('bundle page', () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 255);
  const html = buildBundleHtml({ appUrl: 'https://x.test/pg/', hash: '#s=abc', name: 'a</script><b>.wasm', sha256: 'f'.repeat(64), bytes });

  it('carries the module bytes and the link with the bundle flag, in JSON no name can break out of', () => {
    const json = /<script type="application\/json" id="bundle">(.*)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toContain('</script>');
    const data = JSON.parse(json ?? '') as { link: string; module: string; name: string };
    expect(data.link).toBe('https://x.test/pg/#s=abc&bundle=1');
    expect(data.name).toBe('a</script><b>.wasm');
    expect(fromBase64Url(data.module)).toEqual(bytes);
    expect(html).toContain('<h1>a&lt;/script&gt;&lt;b&gt;.wasm</h1>');
  });

  it('names the file after the module and reads the flag', () => {
    expect(bundleFileName('plugin.wasm')).toBe('plugin.playground.html');
    expect(bundleFileName('my plugin (1).wasm')).toBe('my_plugin_1_.playground.html');
    expect(hasBundleFlag('#s=abc&bundle=1')).toBe(true);
    expect(hasBundleFlag('#s=abc')).toBe(false);
  });
});
