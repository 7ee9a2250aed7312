import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/ipc/senderPolicy';

describe('IPC sender check', () => {
  it.each([
    [{ url: 'app://newsdesk/index.html', isTopFrame: true }, true],
    [{ url: 'app://newsdesk/index.html', isTopFrame: false }, false],
    [{ url: 'https://evil.example/', isTopFrame: true }, false],
    [{ url: 'file:///etc/passwd', isTopFrame: true }, false],
    [{ url: 'app://newsdesk.evil/index.html', isTopFrame: true }, false],
    [{ url: 'not a url', isTopFrame: true }, false],
    [null, false],
  ])('%j → %s', (frame, trusted) => {
    expect(isTrustedSender(frame)).toBe(trusted);
  });
});
