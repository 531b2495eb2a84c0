import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, isReadOnlyEmbed } from './embedSnippet';

describe('embed snippet', () => {
  const hash = '#s=eNqrVg';
  it('puts ?embed=1 (and &readonly=1) before the hash, dropping the page’s own query and hash', () => {
    expect(embedUrl('https://x.test/pg/?embed=1#s=old', hash, { readOnly: false })).toBe('https://x.test/pg/?embed=1#s=eNqrVg');
    expect(embedUrl('https://x.test/pg/', hash, { readOnly: true })).toBe('https://x.test/pg/?embed=1&readonly=1#s=eNqrVg');
  });

  it('escapes the URL and the title as attribute values', () => {
    const snippet = embedSnippet('https://x.test/', hash, { readOnly: true, title: 'a "b" <c>' });
    expect(snippet).toMatch(/^<iframe src="https:\/\/x\.test\/\?embed=1&amp;readonly=1#s=eNqrVg" title="a &quot;b&quot; &lt;c&gt;"/);
    expect(snippet.endsWith('></iframe>')).toBe(true);
  });

  it('reads read-only only together with embed=1', () => {
    expect(isReadOnlyEmbed('?embed=1&readonly=1')).toBe(true);
    expect(isReadOnlyEmbed('?readonly=1')).toBe(false);
    expect(isReadOnlyEmbed('?embed=1')).toBe(false);
  });
});
