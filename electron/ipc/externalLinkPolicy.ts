/**
 * Which links may leave the app for the system browser: only http(s) URLs without embedded
 * credentials, and only after the user confirms in a dialog that names the host (so a link whose
 * text says one site but points to another is caught by the person, not assumed safe).
 */
export type ExternalLinkVerdict = { allowed: true; url: string; host: string } | { allowed: false; reason: string };

export function externalLinkPolicy(raw: string): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { allowed: false, reason: `scheme ${url.protocol}` };
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' };
  if (!url.hostname) return { allowed: false, reason: 'no host' };
  return { allowed: true, url: url.href, host: url.host };
}

/** The confirmation the user sees before a link opens: it names the host the link really goes to. */
export function externalLinkPrompt(host: string): { message: string; detail: string; buttons: [string, string] } {
  return {
    message: `在浏览器中打开 ${host} 的链接？`,
    detail: `链接将离开 Newsdesk，由系统浏览器打开：${host}`,
    buttons: ['取消', '打开'],
  };
}
