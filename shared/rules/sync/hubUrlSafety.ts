/**
 * Whether a hub URL sends the password and the stories in clear over a network: plain http:// to
 * anything but this machine. Shown as a warning in settings and by `newsdesk sync`.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function isCleartextHubUrl(url: string): boolean {
  const match = /^http:\/\/([^/?#]*)/i.exec(url.trim());
  if (!match) return false;
  const host = match[1]!.replace(/^.*@/, '').replace(/:\d*$/, '');
  return !LOOPBACK.test(host);
}
