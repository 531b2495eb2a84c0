import { describe, expect, it } from 'vitest';
import { isGrantableOrigin, originParts } from './origin';

describe('originParts', () => {
  it('spells out scheme, host and port, default ports included', () => {
    expect(originParts('https://course.example')).toEqual({ scheme: 'https', host: 'course.example', port: '443', secure: true });
    expect(originParts('http://localhost:4580')).toEqual({ scheme: 'http', host: 'localhost', port: '4580', secure: true });
    expect(originParts('http://192.168.1.2')).toEqual({ scheme: 'http', host: '192.168.1.2', port: '80', secure: false });
  });

  it('treats opaque and odd origins as not grantable', () => {
    for (const origin of ['null', '', 'file://', 'data:text/html,x', 'chrome-extension://abc', 'https://a.example/', 'https://a.example/path', 'https://u@a.example']) {
      expect(isGrantableOrigin(origin), origin).toBe(false);
    }
  });
});
