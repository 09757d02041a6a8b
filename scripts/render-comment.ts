/**
 * A picture of the pull-request comment as GitHub shows it (issue 11, item 6): the markdown report
 * (default docs/example-comment.md) rendered the way GitHub renders a comment - GitHub-flavoured
 * markdown with soft line breaks kept, alerts (`> [!CAUTION]`), the raw HTML GitHub allows
 * (details, summary, sub, ...) and nothing else, mermaid fences drawn by mermaid itself (its browser
 * bundle from node_modules) - styled with github-markdown-css, then screenshotted by headless
 * Chromium over the DevTools protocol:
 *
 *   docs/example-comment.png       the first screen, what a reviewer sees without scrolling
 *   docs/example-comment-full.png  the whole comment with every <details> opened, so the charts show
 *
 *   npm run render:comment                                  # docs/example-comment.md -> the two PNGs
 *   npm run render:comment -- report.md --out /tmp/c.png    # --full <png>, --no-full, --width, --height, --scale
 *
 * Chromium: $CHROMIUM, else `chromium`, `chromium-browser`, `google-chrome` on PATH (Debian:
 * apt-get install chromium fonts-noto-color-emoji). Nothing from the report runs: its raw HTML is cut
 * down to GitHub's allowed tags and attributes, and the page's Content-Security-Policy admits only
 * this script's own two scripts (mermaid and the render step).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Lexer, Marked, type Tokens } from 'marked';

const ROOT = join(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------------
// Markdown -> HTML, as GitHub renders a comment

/** Elements GitHub keeps in user HTML (its sanitization allowlist); everything else is dropped. */
const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture',
  'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'ul', 'var', 'wbr',
]);
/** Attributes GitHub keeps (no class, id, style or event handlers). */
const ALLOWED_ATTRIBUTES = new Set([
  'abbr', 'align', 'alt', 'aria-describedby', 'aria-hidden', 'aria-label', 'aria-labelledby', 'border', 'cellpadding',
  'cellspacing', 'cite', 'colspan', 'color', 'datetime', 'dir', 'headers', 'height', 'href', 'hspace', 'lang', 'name', 'nowrap',
  'open', 'rel', 'reversed', 'role', 'rowspan', 'scope', 'span', 'src', 'srcset', 'start', 'summary', 'title', 'type', 'valign',
  'vspace', 'width',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'srcset']);
/** Elements dropped together with what they contain. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'noscript', 'noembed', 'noframes', 'template', 'textarea', 'title', 'xmp', 'object', 'embed', 'svg', 'math']);

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A link or source a comment may carry: http(s), mailto, an anchor or a relative path (no other scheme, no entity tricks). */
function safeUrl(value: string): boolean {
  const v = value.trim();
  return /^(?:https?:|mailto:)/i.test(v) || !/[:&\\]|^\s*$/.test(v) || /^#[^:&]*$/.test(v);
}

/**
 * Raw HTML from the report cut down as GitHub's sanitizer does: allowed tags keep their allowed
 * attributes (rebuilt, so nothing unparsed passes), other tags go (script and the like with their
 * content), comments go, and a `<` that starts no tag is text.
 */
export function sanitizeHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const rest = html.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      i = end === -1 ? html.length : lt + end + 3;
      continue;
    }
    const m = TAG.exec(rest);
    if (!m) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = lt + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing && m[4] !== '/') {
        const end = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(i));
        i = end ? i + end.index + end[0].length : html.length;
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (closing) {
      out += `</${name}>`;
      continue;
    }
    let attributes = '';
    for (const a of m[3]!.matchAll(ATTRIBUTE)) {
      const attribute = a[1]!.toLowerCase();
      const value = a[2] ?? a[3] ?? a[4];
      if (!ALLOWED_ATTRIBUTES.has(attribute)) continue;
      if (URL_ATTRIBUTES.has(attribute) && (value === undefined || !safeUrl(value))) continue;
      attributes += value === undefined ? ` ${attribute}` : ` ${attribute}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
    }
    out += `<${name}${attributes}${m[4] === '/' ? ' /' : ''}>`;
  }
  return out;
}

/** GitHub's alert types, their titles and octicons (info, light-bulb, report, alert, stop). */
const ALERTS: Record<string, { title: string; icon: string; path: string }> = {
  note: { title: 'Note', icon: 'info', path: 'M0 8a8 8 0 1 1 16 0A8 8 0 0 1 0 8Zm8-6.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM6.5 7.75A.75.75 0 0 1 7.25 7h1a.75.75 0 0 1 .75.75v2.75h.25a.75.75 0 0 1 0 1.5h-2a.75.75 0 0 1 0-1.5h.25v-2h-.25a.75.75 0 0 1-.75-.75ZM8 6a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z' },
  tip: { title: 'Tip', icon: 'light-bulb', path: 'M8 1.5c-2.363 0-4 1.69-4 3.75 0 .984.424 1.625.984 2.304l.214.253c.223.264.47.556.673.848.284.411.537.896.621 1.49a.75.75 0 0 1-1.484.211c-.04-.282-.163-.547-.37-.847a8.456 8.456 0 0 0-.542-.68c-.084-.1-.173-.205-.268-.32C3.201 7.75 2.5 6.766 2.5 5.25 2.5 2.31 4.863 0 8 0s5.5 2.31 5.5 5.25c0 1.516-.701 2.5-1.328 3.259-.095.115-.184.22-.268.319-.207.245-.383.453-.541.681-.208.3-.33.565-.37.847a.751.751 0 0 1-1.485-.212c.084-.593.337-1.078.621-1.489.203-.292.45-.584.673-.848.075-.088.147-.173.213-.253.561-.679.985-1.32.985-2.304 0-2.06-1.637-3.75-4-3.75ZM5.75 12h4.5a.75.75 0 0 1 0 1.5h-4.5a.75.75 0 0 1 0-1.5ZM6 15.25a.75.75 0 0 1 .75-.75h2.5a.75.75 0 0 1 0 1.5h-2.5a.75.75 0 0 1-.75-.75Z' },
  important: { title: 'Important', icon: 'report', path: 'M0 1.75C0 .784.784 0 1.75 0h12.5C15.216 0 16 .784 16 1.75v9.5A1.75 1.75 0 0 1 14.25 13H8.06l-2.573 2.573A1.458 1.458 0 0 1 3 14.543V13H1.75A1.75 1.75 0 0 1 0 11.25Zm1.75-.25a.25.25 0 0 0-.25.25v9.5c0 .138.112.25.25.25h2a.75.75 0 0 1 .75.75v2.19l2.72-2.72a.749.749 0 0 1 .53-.22h6.5a.25.25 0 0 0 .25-.25v-9.5a.25.25 0 0 0-.25-.25Zm7 2.25v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 9a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z' },
  warning: { title: 'Warning', icon: 'alert', path: 'M6.457 1.047c.659-1.234 2.427-1.234 3.086 0l6.082 11.378A1.75 1.75 0 0 1 14.082 15H1.918a1.75 1.75 0 0 1-1.543-2.575Zm1.763.707a.25.25 0 0 0-.44 0L1.698 13.132a.25.25 0 0 0 .22.368h12.164a.25.25 0 0 0 .22-.368Zm.53 3.996v2.5a.75.75 0 0 1-1.5 0v-2.5a.75.75 0 0 1 1.5 0ZM9 11a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z' },
  caution: { title: 'Caution', icon: 'stop', path: 'M4.47.22A.749.749 0 0 1 5 0h6c.199 0 .389.079.53.22l4.25 4.25c.141.14.22.331.22.53v6a.749.749 0 0 1-.22.53l-4.25 4.25A.749.749 0 0 1 11 16H5a.749.749 0 0 1-.53-.22L.22 11.53A.749.749 0 0 1 0 11V5c0-.199.079-.389.22-.53Zm.84 1.28L1.5 5.31v5.38l3.81 3.81h5.38l3.81-3.81V5.31L10.69 1.5ZM8 4a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 8 4Zm0 8a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z' },
};
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

const marked = new Marked({
  gfm: true,
  // A comment (unlike a .md file) keeps single line breaks.
  breaks: true,
  renderer: {
    // ```mermaid is drawn, as GitHub draws it; mermaid reads the element's text.
    code(token: Tokens.Code) {
      if (token.lang?.trim().toLowerCase() !== 'mermaid') return false;
      return `<pre class="mermaid">${escapeHtml(token.text)}</pre>\n`;
    },
    // `> [!CAUTION]` on the quote's first line makes an alert, as GitHub does (other quotes stay quotes).
    blockquote(token: Tokens.Blockquote) {
      const first = token.tokens[0];
      const m = first?.type === 'paragraph' ? ALERT_MARKER.exec((first as Tokens.Paragraph).text) : null;
      if (!m) return false;
      const rest = (first as Tokens.Paragraph).text.slice(m[0].length);
      const tokens = token.tokens.slice(1);
      if (rest.trim() !== '') {
        tokens.unshift({ ...(first as Tokens.Paragraph), raw: rest, text: rest, tokens: Lexer.lexInline(rest, this.parser.options) });
      }
      if (tokens.length === 0) return false;
      const kind = m[1]!.toLowerCase();
      const alert = ALERTS[kind]!;
      const svg = `<svg class="octicon octicon-${alert.icon} mr-2" viewBox="0 0 16 16" version="1.1" width="16" height="16" aria-hidden="true"><path d="${alert.path}"></path></svg>`;
      return `<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title">${svg}${alert.title}</p>${this.parser.parse(tokens)}</div>\n`;
    },
    // Raw HTML (blocks and inline tags) through GitHub's allowlist.
    html(token: Tokens.HTML | Tokens.Tag) {
      return sanitizeHtml(token.text);
    },
    link(token: Tokens.Link) {
      if (safeUrl(token.href)) return false;
      return this.parser.parseInline(token.tokens);
    },
    image(token: Tokens.Image) {
      if (safeUrl(token.href)) return false;
      return escapeHtml(token.text);
    },
  },
});

/** The comment's markdown as the HTML GitHub would show (mermaid fences left as `<pre class="mermaid">` for mermaid to draw). */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

// ---------------------------------------------------------------------------------------------
// The page: the comment box as it sits in a pull request's conversation

const PAGE_CSS = `
html, body { margin: 0; background: #ffffff; }
body { padding: 16px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.comment-header { display: flex; align-items: center; gap: 6px; padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; color: #59636e; font-size: 14px; line-height: 20px; }
.comment-header .avatar { width: 20px; height: 20px; border-radius: 4px; background: #2f81f7; display: inline-block; }
.comment-header strong { color: #1f2328; }
.comment-header .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; line-height: 18px; }
.markdown-body { padding: 16px; font-size: 14px; }
.markdown-body pre.mermaid { background: transparent; padding: 0; text-align: center; overflow: visible; font-size: 14px; line-height: normal; }
.markdown-body pre.mermaid svg { max-width: 100%; height: auto; }
`;

/** Runs in the page: draws every chart (inside opened <details>, so they are laid out), then restores the <details>. */
const RENDER_SCRIPT = `
window.__rendered = (async () => {
  const details = [...document.querySelectorAll('details')];
  const wasOpen = details.map((d) => d.open);
  for (const d of details) d.open = true;
  mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
  const charts = [...document.querySelectorAll('pre.mermaid')];
  const errors = [];
  for (const [i, chart] of charts.entries()) {
    const source = chart.textContent;
    try {
      await mermaid.run({ nodes: [chart], suppressErrors: false });
      if (!chart.querySelector('svg')) errors.push('chart ' + (i + 1) + ': nothing drawn');
    } catch (e) {
      errors.push('chart ' + (i + 1) + ': ' + String((e && e.message) || e).split('\\n')[0] + '\\n' + source);
    }
  }
  details.forEach((d, i) => { d.open = wasOpen[i]; });
  await document.fonts.ready;
  return { charts: charts.length, errors };
})();
`;

/** The whole page: the comment box around the rendered markdown, the two scripts allowed by nonce. */
export function renderPage(markdown: string, options: { mermaidUrl: string; css: string; nonce: string }): string {
  const { mermaidUrl, css, nonce } = options;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data: file:; font-src data: file:">
<style>${css}</style>
<style>${PAGE_CSS}</style>
<script nonce="${nonce}" src="${escapeHtml(mermaidUrl)}"></script>
</head>
<body>
<div class="comment">
<div class="comment-header"><span class="avatar"></span><strong>github-actions</strong><span class="bot">bot</span><span>commented</span></div>
<article class="markdown-body">
${markdownToHtml(markdown)}
</article>
</div>
<script nonce="${nonce}">${RENDER_SCRIPT}</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Headless Chromium over the DevTools protocol

interface Cdp {
  send(method: string, params?: Record<string, unknown>): Promise<any>;
  once(method: string): Promise<any>;
  close(): void;
}

function findChromium(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  throw new Error('no Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome');
}

async function launch(profile: string): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const args = [
    '--headless', '--disable-gpu', '--hide-scrollbars', '--mute-audio', '--no-first-run', '--no-default-browser-check',
    '--disable-extensions', '--disable-background-networking', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    // Chromium refuses its sandbox to root (containers, CI images).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(findChromium(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  };
  const endpoint = await new Promise<string>((resolveEndpoint, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${log}`)), 30_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      log += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolveEndpoint(m[1]!);
      }
    });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}) before it listened:\n${log}`)); });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { endpoint, stop };
}

async function connect(endpoint: string): Promise<{ browser: Cdp; page: (sessionId: string) => Cdp }> {
  const ws = new WebSocket(endpoint);
  await new Promise((ok, fail) => {
    ws.onopen = ok;
    ws.onerror = () => fail(new Error(`could not connect to ${endpoint}`));
  });
  let nextId = 0;
  const pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(message: any) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    if (message.id !== undefined) {
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
      else p?.resolve(message.result);
    } else {
      for (const listener of listeners) listener(message);
    }
  };
  ws.onclose = () => {
    for (const p of pending.values()) p.reject(new Error(`${p.method}: the connection to Chromium closed`));
    pending.clear();
  };
  const client = (sessionId?: string): Cdp => ({
    send: (method, params = {}) =>
      new Promise((res, rej) => {
        const id = ++nextId;
        pending.set(id, { method, resolve: res, reject: rej });
        ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    once: (method) =>
      new Promise((res) => {
        const listener = (message: any) => {
          if (message.method === method && message.sessionId === sessionId) {
            listeners.delete(listener);
            res(message.params);
          }
        };
        listeners.add(listener);
      }),
    close: () => ws.close(),
  });
  return { browser: client(), page: (sessionId) => client(sessionId) };
}

async function evaluate(page: Cdp, expression: string): Promise<any> {
  const { result, exceptionDetails } = await page.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

export interface Screenshots {
  /** The first screen, width x height. */
  first: Buffer;
  /** The whole comment with every <details> opened (omitted when not asked for). */
  full?: Buffer;
  charts: number;
  fullHeight?: number;
}

/** Renders the page in headless Chromium and takes the screenshots. */
export async function screenshot(html: string, options: { width: number; height: number; scale: number; full: boolean }): Promise<Screenshots> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-render-comment-'));
  const { endpoint, stop } = await launch(join(dir, 'profile'));
  let cdp: Awaited<ReturnType<typeof connect>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const shoot = async (): Promise<Screenshots> => {
    const file = join(dir, 'comment.html');
    writeFileSync(file, html);
    cdp = await connect(endpoint);
    const { targetId } = await cdp.browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.browser.send('Target.attachToTarget', { targetId, flatten: true });
    const page = cdp.page(sessionId);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    const metrics = (height: number) =>
      page.send('Emulation.setDeviceMetricsOverride', { width: options.width, height, deviceScaleFactor: options.scale, mobile: false });
    await metrics(options.height);
    await page.send('Emulation.setScrollbarsHidden', { hidden: true });
    const loaded = page.once('Page.loadEventFired');
    await page.send('Page.navigate', { url: pathToFileURL(file).href });
    await loaded;
    const state = await evaluate(page, 'window.__rendered ?? Promise.reject(new Error("the render script did not run (blocked, or mermaid failed to load)"))');
    if (state.errors.length > 0) throw new Error(`mermaid could not draw ${state.errors.length} of ${state.charts} charts:\n${state.errors.join('\n\n')}`);
    const frame = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))';
    await evaluate(page, frame);
    const first = Buffer.from((await page.send('Page.captureScreenshot', { format: 'png' })).data, 'base64');
    if (!options.full) return { first, charts: state.charts };
    await evaluate(page, `for (const d of document.querySelectorAll('details')) d.open = true`);
    await evaluate(page, frame);
    const fullHeight = Math.ceil(await evaluate(page, 'document.documentElement.scrollHeight'));
    await metrics(fullHeight);
    await evaluate(page, frame);
    const full = Buffer.from((await page.send('Page.captureScreenshot', { format: 'png' })).data, 'base64');
    return { first, full, charts: state.charts, fullHeight };
  };
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('rendering took over 120 s; gave up')), 120_000);
    });
    return await Promise.race([shoot(), deadline]);
  } finally {
    clearTimeout(timer);
    await Promise.race([cdp?.browser.send('Browser.close').catch(() => {}), new Promise((r) => setTimeout(r, 2_000))]);
    cdp?.browser.close();
    await stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      full: { type: 'string' },
      'no-full': { type: 'boolean', default: false },
      width: { type: 'string', default: '960' },
      height: { type: 'string', default: '800' },
      scale: { type: 'string', default: '1' },
    },
  });
  // Paths as given where `npm run` was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const input = positionals[0] ? resolve(cwd, positionals[0]) : join(ROOT, 'docs', 'example-comment.md');
  const out = values.out ? resolve(cwd, values.out) : join(ROOT, 'docs', 'example-comment.png');
  const full = values['no-full'] ? undefined : values.full ? resolve(cwd, values.full) : out.replace(/(\.png)?$/i, '-full.png');
  const [width, height, scale] = [Number(values.width), Number(values.height), Number(values.scale)];
  if (![width, height, scale].every((n) => Number.isFinite(n) && n > 0)) throw new Error('--width, --height and --scale take positive numbers');

  const mermaidFile = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
  const cssFile = join(ROOT, 'node_modules', 'github-markdown-css', 'github-markdown-light.css');
  const html = renderPage(readFileSync(input, 'utf8'), {
    mermaidUrl: pathToFileURL(mermaidFile).href,
    css: readFileSync(cssFile, 'utf8'),
    nonce: randomBytes(16).toString('base64'),
  });
  const shots = await screenshot(html, { width, height, scale, full: full !== undefined });
  writeFileSync(out, shots.first);
  console.log(`${out}: first screen, ${width}x${height} at ${scale}x, ${shots.charts} mermaid charts drawn (${(shots.first.length / 1024).toFixed(0)} KiB)`);
  if (full && shots.full) {
    writeFileSync(full, shots.full);
    console.log(`${full}: every <details> open, ${width}x${shots.fullHeight} at ${scale}x (${(shots.full.length / 1024).toFixed(0)} KiB)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
