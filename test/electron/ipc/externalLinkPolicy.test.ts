import { describe, expect, it } from 'vitest';
import { externalLinkPolicy, externalLinkPrompt } from '../../../electron/ipc/externalLinkPolicy';

describe('which links may open in the system browser', () => {
  it.each([
    ['https://www.xinhuanet.com/politics/a.htm', 'www.xinhuanet.com'],
    ['http://example.com:8080/x?y=1', 'example.com:8080'],
  ])('allows %s (host %s)', (url, host) => {
    expect(externalLinkPolicy(url)).toMatchObject({ allowed: true, host });
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://nas/share',
    'data:text/html,<script>1</script>',
    'newsdesk-asset://store/x.png',
    'https://user:pw@evil.example/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(externalLinkPolicy(url).allowed).toBe(false);
  });

  it('the confirmation names the real host', () => {
    expect(externalLinkPrompt('evil.example').message).toContain('evil.example');
  });
});
