// The page check: what a reader sees. Starts `./kubelab notebook` on a free port, opens chapter 1's
// notebook in headless Chromium (Debian's, driven by puppeteer-core from target/node), runs every
// cell as "Run All" does, waits for the kernel to finish, and fails unless no cell has an error and
// the diagram outputs hold drawn <svg> pictures, at least one per Display.mermaid call in the notebook.
// Screenshots of the drawn diagrams go to target/page-check/. Run it as ./kubelab notebook --check-page.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const home = resolve(new URL('..', import.meta.url).pathname);
const notebook = process.argv[2] || '01-architecture.ipynb';
const out = join(home, 'target/page-check');
const require = createRequire(join(home, 'target/node/package.json'));
const puppeteer = require('puppeteer-core');

const started = Date.now();
const log = (msg) => console.log(`page check (${((Date.now() - started) / 1000).toFixed(1)}s): ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, seconds, test) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > until) throw new Error(`gave up after ${seconds}s waiting for ${what}`);
    await sleep(250);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// The number of diagrams the notebook asks for: its Display.mermaid calls (comments aside).
const cells = JSON.parse(readFileSync(join(home, 'notebooks', notebook), 'utf8')).cells;
const expected = cells.filter((c) => c.cell_type === 'code')
  .map((c) => [].concat(c.source).join('').replace(/\/\/.*$/gm, ''))
  .reduce((n, src) => n + (src.match(/Display\.mermaid\(/g) || []).length, 0);

const port = await freePort();
const token = randomBytes(16).toString('hex');
const server = spawn(join(home, 'kubelab'), ['notebook', '--no-browser', '--port', String(port)], {
  cwd: home, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JUPYTER_TOKEN: token },
});
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });
const base = `http://127.0.0.1:${port}/`;
const profile = mkdtempSync(join(tmpdir(), 'kubelab-chromium-'));
let browser;
let failed = null;

try {
  await waitFor('the notebook server', 90, async () => {
    if (server.exitCode !== null) throw new Error('the notebook server exited');
    try { return (await fetch(`${base}api/status?token=${token}`)).ok; } catch { return false; }
  });
  log(`server up on port ${port}; ${expected} Display.mermaid call(s) in ${notebook}`);
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    defaultViewport: { width: 1400, height: 1000 },
  });
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${base}notebooks/${notebook}?token=${token}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
    && Jupyter.notebook.kernel.is_connected() && !document.body.classList.contains('notebook_app_busy')
    && Jupyter.notebook.kernel_selector && Jupyter.notebook.kernel.name === 'kubelab-java', { timeout: 60000 });
  log('kernel connected; running all cells');
  await page.evaluate(() => {
    window.kubelabIdle = false;
    Jupyter.notebook.clear_all_output();
    Jupyter.notebook.execute_all_cells();
  });
  // Done when no cell is queued or running (prompt '*') and the kernel is idle; a failed cell
  // stops "Run All" (the cells after it are aborted), which the error check below reports.
  const progress = () => page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const icon = document.querySelector('#kernel_indicator_icon');
    return {
      queued: code.filter((c) => c.input_prompt_number === '*').length,
      ran: code.filter((c) => typeof c.input_prompt_number === 'number').length,
      cells: code.length,
      idle: !!icon && icon.classList.contains('kernel_idle_icon'),
    };
  });
  try {
    await waitFor('every cell to run', 110, async () => {
      const p = await progress();
      return p.queued === 0 && p.idle;
    });
  } catch (e) {
    throw new Error(`${e.message}: ${JSON.stringify(await progress())}`);
  }
  const report = await page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const errors = [];
    code.forEach((c, i) => c.output_area.outputs.filter((o) => o.output_type === 'error')
      .forEach((o) => errors.push(`code cell ${i + 1}: ${o.ename}: ${o.evalue}`)));
    const ran = code.filter((c) => typeof c.input_prompt_number === 'number').length;
    return { cells: code.length, ran, errors };
  });
  log(`${report.ran} of ${report.cells} code cells ran`);
  if (report.errors.length) throw new Error(`cells failed:\n  ${report.errors.join('\n  ')}`);
  if (report.ran !== report.cells) throw new Error(`only ${report.ran} of ${report.cells} code cells ran`);
  // Mermaid draws asynchronously, after its script has loaded.
  let drawn = 0;
  try {
    drawn = await waitFor(`${expected} drawn diagram(s)`, 20, () => page.evaluate((n) => {
      const svgs = document.querySelectorAll('.output_area .kubelab-mermaid pre.mermaid > svg');
      return svgs.length >= n ? svgs.length : 0;
    }, expected));
  } catch (e) {
    const found = await page.evaluate(() => ({
      blocks: document.querySelectorAll('.kubelab-mermaid').length,
      svgs: document.querySelectorAll('.kubelab-mermaid pre.mermaid > svg').length,
    }));
    throw new Error(`${found.svgs} of ${expected} diagrams drawn (${found.blocks} diagram outputs on the page)`
      + `; the page's console said:\n  ${consoleErrors.join('\n  ') || '(nothing)'}`);
  }
  // A picture, not an empty or error box: each has shapes, and none is Mermaid's syntax-error drawing.
  const shapes = await page.evaluate(() => [...document.querySelectorAll('.kubelab-mermaid pre.mermaid > svg')]
    .map((s) => ({ nodes: s.querySelectorAll('g.node, rect, path').length, error: s.getAttribute('aria-roledescription') === 'error' })));
  const bad = shapes.filter((s) => s.nodes === 0 || s.error);
  if (bad.length) throw new Error(`${bad.length} diagram output(s) are empty or Mermaid errors`);
  mkdirSync(out, { recursive: true });
  const blocks = await page.$$('.kubelab-mermaid');
  for (let i = 0; i < blocks.length; i++) {
    await blocks[i].scrollIntoView();
    await blocks[i].screenshot({ path: join(out, `diagram-${i + 1}.png`) });
  }
  log(`${drawn} diagram(s) drawn as <svg>, no cell failed; screenshots in target/page-check/`);
} catch (e) {
  failed = e;
} finally {
  if (browser) await browser.close().catch(() => {});
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await Promise.race([new Promise((r) => server.once('exit', r)), sleep(10000)]);
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  rmSync(profile, { recursive: true, force: true });
}
if (failed) {
  console.error(`page check FAILED: ${failed.message}`);
  console.error(`-- the notebook server's log (last lines):\n${serverLog.split('\n').slice(-30).join('\n')}`);
  process.exit(1);
}
