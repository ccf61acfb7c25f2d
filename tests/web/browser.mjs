// Drives the dashboard in Debian's chromium through playwright-core (no browser download):
// load, filter, open an article, submit a review; saves screenshots and prints timings as JSON.
// Usage: node tests/web/browser.mjs URL TOKEN SCREENSHOT_DIR
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";

// playwright-core is installed with the front-end packages (konflikt/web/package.json).
const require = createRequire(new URL("../../konflikt/web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, token, shots] = process.argv.slice(2);
if (!url || !token || !shots) {
  console.error("usage: node tests/web/browser.mjs URL TOKEN SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const out = {};
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => errors.push(String(e)));
  // Offline: anything not served by our own server is refused, so the map must be bundled.
  const origin = new URL(url).origin;
  await page.route("**/*", (route) => (route.request().url().startsWith(origin)
    ? route.continue() : route.abort()));

  let t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  out.load_ms = Date.now() - t0;
  const countries = await page.locator("#map path.country").count();
  const places = await page.locator("#map circle").count();
  const rows = await page.locator("#events tbody tr").count();
  check(countries > 100, `country outlines drawn (${countries})`);
  check(places > 0 && rows > 0, `places (${places}) and rows (${rows}) shown`);
  check(await page.locator("#timeline rect").count() > 0, "timeline bars drawn");
  out.total = await page.locator("#page").textContent();
  await page.screenshot({ path: `${shots}/01-overview.png`, fullPage: true });

  // Zoom into the map with the wheel: the view scales, the circles keep their size on screen.
  const box = await page.locator("#map").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -500);
  await page.waitForFunction(() => document.querySelector("#map g.view").hasAttribute("transform"));
  const zoom = await page.evaluate(() => {
    const transform = document.querySelector("#map g.view").getAttribute("transform");
    const circle = document.querySelector("#map circle");
    return { k: Number(/scale\(([\d.]+)\)/.exec(transform)[1]),
      ratio: circle.dataset.r / circle.getAttribute("r") };
  });
  check(zoom.k > 1.5 && Math.abs(zoom.ratio - zoom.k) < 1e-6, `map zooms (${JSON.stringify(zoom)})`);

  t0 = Date.now();
  await page.selectOption("#filters select[name=type]", "ASSAULT");
  await page.click("#apply");
  await page.waitForSelector('body[data-ready="2"]');
  out.filter_ms = Date.now() - t0;
  const types = await page.locator("#events tbody tr td:nth-child(2)").allTextContents();
  check(types.length > 0 && types.every((t) => t.startsWith("ASSAULT")), "filter applied");
  out.filtered = await page.locator("#page").textContent();
  await page.screenshot({ path: `${shots}/02-filtered.png`, fullPage: true });

  t0 = Date.now();
  const sentence = await page.locator("#events tbody tr td.sentence").first().getAttribute("title");
  await page.locator("#events tbody tr").first().click();
  await page.waitForSelector("#article:not([hidden]) #article-text .selected");
  out.open_ms = Date.now() - t0;
  const selected = (await page.locator("#article-text .selected").allTextContents()).join("");
  check(selected === sentence, "the evidence sentence is highlighted");
  check(await page.locator("#article-text .actor").count() > 0, "the actor span is highlighted");
  check(await page.locator("#fields .role.actor").count() === 1, "fields list the actor");
  check(await page.locator("#article-text .ent[data-entity]").count() > 0, "entities are marked");
  check(await page.locator("#entity-legend .ent").count() > 0, "the entity legend is shown");
  await page.screenshot({ path: `${shots}/03-article.png`, fullPage: true });

  // Correct the stance to another one than the current (the event may have been reviewed).
  const reviewsBefore = await page.locator("#reviews li").count();
  const stance = await page.inputValue("#review-form select[name=stance]");
  await page.check("#review-form input[value=correct]");
  await page.selectOption("#review-form select[name=stance]",
    stance === "hedged" ? "asserted" : "hedged");
  await page.fill("#review-form input[name=reviewer]", "nettlesertest");
  await page.fill("#review-form input[name=token]", token);
  await page.click("#review-form button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#review-message").textContent !== "");
  const message = await page.locator("#review-message").textContent();
  check(message === "Kontroll lagret.", `review stored (${message})`);
  check(await page.locator("#fields .corrected").count() > 0, "the correction is shown as such");
  check(await page.locator("#reviews li").count() === reviewsBefore + 1,
    "the review history lists it");
  await page.screenshot({ path: `${shots}/04-review.png`, fullPage: true });
  check(errors.length === 0, `no page errors (${errors.join("; ")})`);
  out.ok = true;
} catch (error) {
  out.ok = false;
  out.error = String(error.message || error);
  out.page_errors = errors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
process.exit(out.ok ? 0 : 1);
