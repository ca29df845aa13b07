// Lesson 14's browser test: start the server, open its page in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core), draw digits with the mouse, read the prediction
// the page shows, press Clear, and save a screenshot for docs/14-serve-model.md.
//
//   node tests/browser/draw_digit.mjs <lesson14 program> <screenshot.png>
//
// Exit 0 when every drawn digit is predicted as drawn; otherwise 1 with what went wrong.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { existsSync } from "node:fs";

const [program, screenshot] = process.argv.slice(2);
if (!program || !screenshot) {
  console.error("usage: node draw_digit.mjs <lesson14 program> <screenshot.png>");
  process.exit(2);
}
const chromium_path = process.env.NN_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium_path)) {
  console.error(`error: no Chromium at ${chromium_path} (Debian's package chromium; ./nn test installs it)`);
  process.exit(1);
}
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.error("error: playwright-core is not installed: run  npm ci --prefix tests/browser  (./nn test does)");
  process.exit(1);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

// The server: the lesson program on a free port, with the small model it trains (always the same).
const server = spawn(program, ["--port", "0", "--model", "small", "--no-plots"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the server printed no address within 120 s")), 120000);
  createInterface({ input: server.stdout }).on("line", line => {
    const m = line.match(/Serving on (http:\/\/\S+)/);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on("exit", code => reject(new Error(`the server exited early (status ${code})`)));
});
console.log(`server: ${url}`);

const browser = await playwright.chromium.launch({
  executablePath: chromium_path,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 520 } });
  page.on("pageerror", e => fail(`the page threw: ${e.message}`));
  await page.goto(url);
  const box = await page.locator("#canvas").boundingBox();
  // Strokes in the canvas's own 0..280 coordinates.
  async function stroke(points) {
    await page.mouse.move(box.x + points[0][0], box.y + points[0][1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + x, box.y + y, { steps: 12 });
    await page.mouse.up();
  }
  async function prediction() {
    await page.waitForFunction(() => !inFlight && !again && document.getElementById("digit").textContent !== "?");
    return Number(await page.locator("#digit").textContent());
  }
  const ellipse = [];
  for (let k = 0; k <= 40; ++k) ellipse.push([140 + 55 * Math.sin(2 * Math.PI * k / 40), 140 - 90 * Math.cos(2 * Math.PI * k / 40)]);
  const digits = [
    { digit: 1, strokes: [[[150, 40], [140, 240]]] },
    { digit: 7, strokes: [[[70, 50], [210, 50], [120, 250]]] },
    { digit: 0, strokes: [ellipse] },
  ];
  for (const { digit, strokes } of digits) {
    await page.click("#clear");
    if ((await page.locator("#digit").textContent()) !== "?") fail("Clear did not reset the prediction");
    for (const s of strokes) await stroke(s);
    const got = await prediction();
    const p = await page.locator(`#bar${got} .p`).textContent();
    console.log(`drew a ${digit}: the page predicts ${got} (P = ${p})`);
    if (got !== digit) fail(`drew a ${digit}, the page says ${got}`);
  }
  // The picture for the docs: a 7 being drawn, with its probabilities.
  await page.click("#clear");
  await stroke(digits[1].strokes[0]);
  await prediction();
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
} catch (e) {
  fail(e.message);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
const status = await new Promise(resolve => server.exitCode !== null ? resolve(server.exitCode) : server.on("exit", resolve));
if (status !== 0) fail(`the server exited with status ${status} after SIGTERM`);
if (!process.exitCode) console.log("browser test passed");
